import { describe, expect, it } from 'vitest';
import { parseFigure } from '../../src/dfe/dfeValue';

describe('reading one DfE cell', () => {
  it.each([
    ['64%', { status: 'value', value: 64 }],
    ['57.2%', { status: 'value', value: 57.2 }],
    ['-0.97', { status: 'value', value: -0.97 }],
    ['106', { status: 'value', value: 106 }],
    ['SUPP', { status: 'suppressed', value: null }],
    ['NP', { status: 'not_published', value: null }],
    ['NA', { status: 'not_applicable', value: null }],
    ['NE', { status: 'no_pupils', value: null }],
    ['LOWCOV', { status: 'low_coverage', value: null }],
    ['NEW', { status: 'new_school', value: null }],
    ['', { status: 'missing', value: null }],
  ])('reads %j', (raw, expected) => {
    expect(parseFigure(raw)).toEqual(expected);
  });

  it('reads a blank as not published when DfE did not publish the measure that year', () => {
    expect(parseFigure('', true)).toEqual({ status: 'not_published', value: null });
  });

  it('never turns a marker or a blank into zero', () => {
    for (const raw of ['SUPP', 'NP', 'NA', 'NE', '', 'LOWCOV']) expect(parseFigure(raw)).toMatchObject({ value: null });
  });

  it('reports text that is neither a number nor a marker', () => {
    expect(parseFigure('twelve')).toEqual({ status: 'unreadable', raw: 'twelve' });
  });
});
