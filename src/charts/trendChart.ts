import { Measure } from '../dfe/measureCatalog';
import { ComparedFigure, formatFigure, MeasureComparison, statusText, YearComparison } from '../services/measureComparison';
import { describeChange, figureInYear, YearFigure } from './trendWords';

export type TrendLine = { role: 'school' | 'la' | 'national'; name: string; figures: YearFigure[] };
export type TrendSeries = { measure: Measure; schoolName: string; years: string[]; lines: TrendLine[] };
export type ChartSize = { width: number; height: number };

/** Big enough to read in a Teams card, small enough that the PNG stays a few kilobytes. */
export const CARD_CHART_SIZE: ChartSize = { width: 480, height: 240 };

const STYLE: Record<TrendLine['role'], { colour: string; width: number; dash: string; marker: 'circle' | 'square' | 'diamond' }> = {
  school: { colour: '#1f4e79', width: 3, dash: '', marker: 'circle' },
  la: { colour: '#b35806', width: 2, dash: '7 4', marker: 'square' },
  national: { colour: '#555555', width: 2, dash: '2 3', marker: 'diamond' },
};

/** The school, its LA and England across the given years (oldest first), ready to draw or describe. */
export function trendSeries(c: MeasureComparison, years: YearComparison[]): TrendSeries {
  const line = (role: TrendLine['role'], name: string, pick: (y: YearComparison) => ComparedFigure): TrendLine => ({
    role,
    name,
    figures: years.map((y) => ({ year: y.academicYear, figure: pick(y) })),
  });
  return {
    measure: c.measure,
    schoolName: c.school.name,
    years: years.map((y) => y.academicYear),
    lines: [
      line('school', c.school.name, (y) => y.school),
      line('la', c.school.laName || `LA ${c.school.laCode}`, (y) => y.la),
      line('national', 'England', (y) => y.national),
    ],
  };
}

/** What a screen reader says instead of the picture: every value with its year, then the direction. */
export function trendAltText(s: TrendSeries): string {
  const span = s.years.length > 1 ? `${s.years[0]} to ${s.years[s.years.length - 1]}` : s.years[0] ?? 'no years';
  const lines = s.lines.map((l) => `${l.role === 'school' ? 'The school' : l.name}: ${l.figures.map((f) => figureInYear(f, s.measure)).join(', ')}.`);
  const change = describeChange(s.measure, s.lines[0]?.figures ?? []);
  const direction = change ? `School trend: ${change.charAt(0).toLowerCase()}${change.slice(1)}.` : 'Not enough school figures for a trend.';
  return [`Line chart of ${s.measure.label.toLowerCase()} at ${s.schoolName}, ${span}.`, ...lines, direction].join(' ');
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Scale = { min: number; max: number; ticks: number[] };

const MIN_SPAN: Record<Measure['unit'], number> = { percent: 10, score: 4, 'scaled score': 4, progress: 1, count: 20 };

function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw);
}

/** A y-axis wide enough for every value (and 0 for progress, the national average by construction). */
export function yScale(measure: Measure, values: number[]): Scale {
  const all = measure.unit === 'progress' ? [...values, 0] : values.length ? values : [0];
  let low = Math.min(...all);
  let high = Math.max(...all);
  const pad = Math.max((MIN_SPAN[measure.unit] - (high - low)) / 2, (high - low) * 0.1);
  low -= pad;
  high += pad;
  if (measure.unit === 'percent' || measure.unit === 'count') low = Math.max(0, low);
  if (measure.unit === 'percent') high = Math.min(100, high);
  const step = niceStep(high - low);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 1000; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return { min, max, ticks };
}

const tickLabel = (measure: Measure, t: number) =>
  measure.unit === 'percent' ? `${t}%` : measure.unit === 'progress' && t > 0 ? `+${t}` : String(t);

function marker(kind: 'circle' | 'square' | 'diamond', x: number, y: number, colour: string): string {
  if (kind === 'circle') return `<circle cx="${x}" cy="${y}" r="4.5" fill="${colour}"/>`;
  if (kind === 'square') return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${colour}"/>`;
  return `<path d="M${x} ${y - 5.5}L${x + 5.5} ${y}L${x} ${y + 5.5}L${x - 5.5} ${y}Z" fill="${colour}"/>`;
}

/** Path segments only between neighbouring years that both have a value, so a gap stays a gap. */
function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = '';
  points.forEach((p, i) => {
    if (!p) return;
    d += `${points[i - 1] ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
  });
  return d;
}

/** An SVG line chart of one measure: school, LA and England, labelled school values, a legend and a note of missing years. */
export function trendSvg(s: TrendSeries, size: ChartSize = CARD_CHART_SIZE): string {
  const { width, height } = size;
  const plot = { left: 52, right: width - 16, top: 34, bottom: height - 58 };
  const values = s.lines.flatMap((l) => l.figures.map((f) => f.figure.value).filter((v): v is number => v !== null));
  const scale = yScale(s.measure, values);
  const xAt = (i: number) => (s.years.length === 1 ? (plot.left + plot.right) / 2 : plot.left + 24 + (i * (plot.right - plot.left - 48)) / (s.years.length - 1));
  const yAt = (v: number) => plot.bottom - ((v - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  parts.push(`<text x="${plot.left}" y="20" font-size="14" font-weight="bold" fill="#222">${escapeXml(s.measure.shortLabel)}</text>`);
  for (const t of scale.ticks) {
    const y = yAt(t).toFixed(1);
    const emphasis = s.measure.unit === 'progress' && t === 0;
    parts.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="${emphasis ? '#888' : '#e2e2e2'}" stroke-width="1"/>`);
    parts.push(`<text x="${plot.left - 6}" y="${Number(y) + 4}" font-size="11" text-anchor="end" fill="#444">${escapeXml(tickLabel(s.measure, t))}</text>`);
  }
  s.years.forEach((year, i) => parts.push(`<text x="${xAt(i)}" y="${plot.bottom + 16}" font-size="11" text-anchor="middle" fill="#444">${year}</text>`));
  const below = labelsBelow(s.lines);
  for (const line of [...s.lines].reverse()) parts.push(drawLine(line, xAt, yAt, s.measure, below, plot.bottom));
  parts.push(legend(s.lines, plot.left, height - 26));
  const missing = missingNote(s.lines[0]);
  if (missing) parts.push(`<text x="${plot.left}" y="${height - 8}" font-size="11" fill="#8a1c1c">${escapeXml(missing)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans">${parts.join('')}</svg>`;
}

/** The school's value label goes under its point where the comparator lines sit above it, so they do not cross it. */
function labelsBelow(lines: TrendLine[]): boolean[] {
  const [school, ...others] = lines;
  return (school?.figures ?? []).map((f, i) => {
    const comparators = others.map((o) => o.figures[i]?.figure.value).filter((v): v is number => v !== null && v !== undefined);
    return f.figure.value !== null && comparators.length > 0 && f.figure.value < Math.min(...comparators);
  });
}

function drawLine(line: TrendLine, xAt: (i: number) => number, yAt: (v: number) => number, measure: Measure, labelBelow: boolean[], floor: number): string {
  const style = STYLE[line.role];
  const points = line.figures.map((f, i) => (f.figure.value === null ? null : { x: xAt(i), y: yAt(f.figure.value) }));
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const out = [`<path d="${linePath(points)}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${dash}/>`];
  points.forEach((p, i) => {
    if (!p) return;
    out.push(marker(style.marker, p.x, p.y, style.colour));
    if (line.role === 'school') {
      const label = formatFigure(line.figures[i].figure, measure);
      // Below the point when the comparators are above it, unless that would run into the year labels.
      const y = labelBelow[i] && p.y + 20 < floor - 2 ? p.y + 20 : p.y - 9;
      out.push(`<text x="${p.x}" y="${y}" font-size="12" font-weight="bold" text-anchor="middle" fill="${style.colour}">${escapeXml(label)}</text>`);
    }
  });
  return out.join('');
}

function legend(lines: TrendLine[], left: number, y: number): string {
  let x = left;
  return lines
    .map((l) => {
      const style = STYLE[l.role];
      const name = l.name.length > 28 ? `${l.name.slice(0, 27)}…` : l.name;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      const item = `<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${style.colour}" stroke-width="${style.width}"${dash}/>${marker(style.marker, x + 11, y - 4, style.colour)}<text x="${x + 28}" y="${y}" font-size="11" fill="#222">${escapeXml(name)}</text>`;
      x += 28 + name.length * 6.6 + 16;
      return item;
    })
    .join('');
}

function missingNote(school: TrendLine | undefined): string | undefined {
  const gaps = (school?.figures ?? []).filter((f) => f.figure.status !== 'value');
  if (!gaps.length) return undefined;
  return `No school figure: ${gaps.map((g) => `${g.year} (${statusText(g.figure.status).toLowerCase()})`).join(', ')}`;
}
