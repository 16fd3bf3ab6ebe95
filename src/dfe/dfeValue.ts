export type FigureStatus =
  | 'value'
  | 'suppressed'
  | 'not_published'
  | 'not_applicable'
  | 'no_pupils'
  | 'low_coverage'
  | 'new_school'
  | 'missing';

export type Figure = { status: FigureStatus; value: number | null };

/** DfE's markers for a figure it does not give, and what each means. */
const MARKERS: Record<string, FigureStatus> = {
  SUPP: 'suppressed',
  NP: 'not_published',
  NA: 'not_applicable',
  NE: 'no_pupils',
  LOWCOV: 'low_coverage',
  NEW: 'new_school',
  X: 'suppressed',
  C: 'suppressed',
  Z: 'not_applicable',
};

/**
 * Reads one cell of a DfE performance-table CSV. Percentages arrive as "64%" or "57.2%",
 * scores as "-0.97"; a blank is "missing" unless the measure was not published that year.
 */
export function parseFigure(raw: string | undefined, notPublishedThisYear = false): Figure | { status: 'unreadable'; raw: string } {
  const text = (raw ?? '').trim();
  if (text === '') return { status: notPublishedThisYear ? 'not_published' : 'missing', value: null };
  const marker = MARKERS[text.toUpperCase()];
  if (marker) return { status: marker, value: null };
  const numeric = text.endsWith('%') ? text.slice(0, -1) : text;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(numeric)) return { status: 'value', value: Number(numeric) };
  return { status: 'unreadable', raw: text };
}

export const STATUS_EXPLANATION: Record<Exclude<FigureStatus, 'value'>, string> = {
  suppressed: 'suppressed by DfE (too few pupils to publish without identifying them)',
  not_published: 'not published by DfE for this year',
  not_applicable: 'not applicable to this school',
  no_pupils: 'no pupils were eligible for this measure',
  low_coverage: 'not shown: too few pupils had the prior attainment needed (low coverage)',
  new_school: 'not available: the school is new',
  missing: 'not in the published data for this year',
};
