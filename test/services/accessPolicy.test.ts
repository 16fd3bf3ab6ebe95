import { describe, expect, it } from 'vitest';
import { AppUser, Role } from '../../src/repos/userRepo';
import { canCompareAcrossSchools, canView, Classification } from '../../src/services/accessPolicy';

const OWN = '117324';
const OTHER = '117578';

const user = (role: Role, schoolUrns: string[] = []): AppUser => ({
  entraObjectId: '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0aff',
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
  schoolUrns,
});

type Case = [Role, Classification, 'own' | 'other', boolean];

// Every role × public/restricted × own/other school.
const cases: Case[] = [
  ['headteacher', 'public', 'own', true],
  ['headteacher', 'public', 'other', true],
  ['headteacher', 'restricted', 'own', true],
  ['headteacher', 'restricted', 'other', false],
  ['governor', 'public', 'own', true],
  ['governor', 'public', 'other', true],
  ['governor', 'restricted', 'own', true],
  ['governor', 'restricted', 'other', false],
  ['chair_of_governors', 'public', 'own', true],
  ['chair_of_governors', 'public', 'other', true],
  ['chair_of_governors', 'restricted', 'own', true],
  ['chair_of_governors', 'restricted', 'other', false],
  ['la_adviser', 'public', 'own', true],
  ['la_adviser', 'public', 'other', true],
  ['la_adviser', 'restricted', 'own', true],
  ['la_adviser', 'restricted', 'other', true],
  ['la_officer', 'public', 'own', true],
  ['la_officer', 'public', 'other', true],
  ['la_officer', 'restricted', 'own', true],
  ['la_officer', 'restricted', 'other', true],
  ['service_manager', 'public', 'own', true],
  ['service_manager', 'public', 'other', true],
  ['service_manager', 'restricted', 'own', false],
  ['service_manager', 'restricted', 'other', false],
];

describe('who may see what about a school', () => {
  it.each(cases)('a %s viewing %s data about their %s school: allowed=%s', (role, classification, whose, allowed) => {
    const schools = ['la_adviser', 'la_officer', 'service_manager'].includes(role) ? [] : [OWN];
    const decision = canView(user(role, schools), whose === 'own' ? OWN : OTHER, classification);
    expect(decision.allowed).toBe(allowed);
  });

  it('a governor cannot see another school’s banding, and is told why', () => {
    expect(canView(user('governor', [OWN]), OTHER, 'restricted')).toEqual({ allowed: false, reason: 'not_your_school' });
  });

  it('a governor on two boards sees restricted data for both schools', () => {
    const governor = user('governor', [OWN, OTHER]);
    expect(canView(governor, OWN, 'restricted').allowed).toBe(true);
    expect(canView(governor, OTHER, 'restricted').allowed).toBe(true);
  });

  it.each<Classification>(['public', 'restricted'])('an unregistered person sees no %s school data', (classification) => {
    expect(canView(undefined, OWN, classification)).toEqual({ allowed: false, reason: 'not_registered' });
  });

  it.each<[Role, boolean]>([
    ['headteacher', false],
    ['governor', false],
    ['chair_of_governors', false],
    ['service_manager', false],
    ['la_adviser', true],
    ['la_officer', true],
  ])('lists across schools: a %s may=%s', (role, allowed) => {
    expect(canCompareAcrossSchools(user(role))).toBe(allowed);
  });
});
