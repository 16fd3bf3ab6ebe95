import { describe, expect, it } from 'vitest';
import { askOf, audienceOf, monthOf } from '../../src/briefings/briefingFinder';
import { dayBefore, describeWhen, londonTime } from '../../src/briefings/briefingTime';

const DECEMBER = new Date('2026-12-02T09:00:00Z');

describe('what a briefings question asks for', () => {
  it.each([
    ['what briefings are coming up?', 'upcoming'],
    ['when is the Dacorum briefing?', 'upcoming'],
    ['anything for governors in March?', 'upcoming'],
    ['are there any spaces left on the briefing', 'upcoming'],
    ['which briefings have been cancelled?', 'upcoming'],
    ['book me on the Dacorum briefing', 'book'],
    ['can I book a briefing for my deputy', 'book'],
    ['sign me up for the St Albans briefing', 'book'],
    ['cancel my booking', 'cancel'],
    ["I can't make the briefing on Tuesday", 'cancel'],
    ['what have I booked?', 'mine'],
    ['what am I booked on', 'mine'],
    ['my bookings', 'mine'],
    ["what was covered at the last governors' briefing?", 'covered'],
    ['slides from the headteachers briefing', 'covered'],
    ['who is coming to the Watford briefing?', 'attendance'],
    ['who has booked the Dacorum briefing', 'attendance'],
  ])('"%s" is %s', (text, ask) => {
    expect(askOf(text)).toBe(ask);
  });
});

describe('the audience and month named in a question', () => {
  it('tells governors from headteachers', () => {
    expect(audienceOf("the last governors' briefing")).toBe('governors');
    expect(audienceOf("the Dacorum heads' briefing")).toBe('headteachers');
    expect(audienceOf('new headteachers briefing')).toBe('headteachers');
    expect(audienceOf('ahead of the briefing')).toBeUndefined();
  });

  it('reads a month as the next one to come, and does not take "may I" for May', () => {
    expect(monthOf('anything in March?', DECEMBER)).toEqual({ year: 2027, month: 3, label: 'March 2027' });
    expect(monthOf('anything in December?', DECEMBER)).toEqual({ year: 2026, month: 12, label: 'December 2026' });
    expect(monthOf('briefings next month', DECEMBER)).toEqual({ year: 2027, month: 1, label: 'January 2027' });
    expect(monthOf('anything in Feb', DECEMBER)?.month).toBe(2);
    expect(monthOf('may I book a place', DECEMBER)).toBeUndefined();
    expect(monthOf('anything in May', DECEMBER)?.month).toBe(5);
  });
});

describe('UK time', () => {
  it('turns London wall-clock times into instants across the clock changes', () => {
    expect(londonTime('2027-01-12', '09:30').toISOString()).toBe('2027-01-12T09:30:00.000Z');
    expect(londonTime('2027-06-10', '09:30').toISOString()).toBe('2027-06-10T08:30:00.000Z');
    expect(londonTime('2027-03-28', '12:00').toISOString()).toBe('2027-03-28T11:00:00.000Z');
  });

  it('sets the reminder for 08:00 UK time the day before, even when the clocks change overnight', () => {
    expect(dayBefore(londonTime('2027-01-12', '13:30')).toISOString()).toBe('2027-01-11T08:00:00.000Z');
    expect(dayBefore(londonTime('2027-03-29', '09:30')).toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(dayBefore(londonTime('2026-10-26', '09:30')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('describes a briefing as people write it', () => {
    expect(describeWhen(londonTime('2027-01-12', '13:30'), londonTime('2027-01-12', '15:30'))).toBe('Tuesday 12 January 2027, 13:30 to 15:30 (UK time)');
  });
});
