import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { noteFor, selectYears } from '../cards/measureCardView';
import { YearSpan } from '../language/intents';
import { formatFigure, MeasureComparison } from '../services/measureComparison';
import { svgToPng, pngDataUri } from './pngRenderer';
import { CARD_CHART_SIZE, trendAltText, trendSeries, trendSvg } from './trendChart';
import { describeChange } from './trendWords';

declare module '../cards/cardModels' {
  interface CardModels {
    packTrendChart: {
      schoolName: string;
      measureLabel: string;
      summary: string;
      /** A data: URI, or '' when the chart is left out. */
      imageUrl: string;
      imageAlt: string;
      laName: string;
      rows: { year: string; school: string; la: string; national: string }[];
      notes: string[];
      sources: string;
      suggestions: string[];
    };
  }
}

/** Teams refuses a message over about 28 KB; the card keeps room under it for the activity around it. */
export const CHART_CARD_BUDGET_BYTES = 25 * 1024;
/** A chart bigger than this is left out (the table and the words still carry every figure). */
export const MAX_CHART_PNG_BYTES = 16 * 1024;

const TREND_YEARS_BY_DEFAULT = 3;

const cardBytes = (card: AdaptiveCardJson) => Buffer.byteLength(JSON.stringify(card), 'utf8');

/**
 * A measure's trend for one school as a chart (a PNG drawn on the server, inside the card as a data URI,
 * with alt text giving every value and year), the figures as a table beneath, and the source.
 * The chart is dropped, and the card says so, if it would push the card past Teams' size limit.
 */
export function measureTrendChartCard(c: MeasureComparison, span: YearSpan, suggestions: string[]): AdaptiveCardJson {
  const shown = selectYears(c.years, span.kind === 'trend' ? span : { kind: 'trend', years: TREND_YEARS_BY_DEFAULT });
  const series = trendSeries(c, shown);
  const altText = trendAltText(series);
  const hasFigures = series.lines.some((l) => l.figures.some((f) => f.figure.value !== null));
  const change = describeChange(c.measure, series.lines[0]?.figures ?? []);
  const base = {
    schoolName: c.school.name,
    measureLabel: c.measure.label,
    summary: !shown.length
      ? `I hold no ${c.measure.label.toLowerCase()} figures for ${c.school.name}.`
      : change ?? `Not enough years with a school figure to show a trend (${shown.map((y) => y.academicYear).join(', ')} held).`,
    laName: c.school.laName || `LA ${c.school.laCode}`,
    rows: shown.map((y) => ({
      year: y.academicYear,
      school: formatFigure(y.school, c.measure),
      la: formatFigure(y.la, c.measure),
      national: formatFigure(y.national, c.measure),
    })),
    notes: shown.map(noteFor).filter((n): n is string => Boolean(n)),
    sources: [...new Set(shown.map((y) => y.source))].join('; ') || c.measure.dataset,
    suggestions,
  };
  const fallbackText = `${c.school.name}: ${altText} Source: ${base.sources}.`;
  const withoutImage = (why?: string) =>
    renderCard('packTrendChart', { ...base, imageUrl: '', imageAlt: '', notes: why ? [...base.notes, why] : base.notes }, fallbackText);
  if (!hasFigures) return withoutImage();
  const png = svgToPng(trendSvg(series, CARD_CHART_SIZE));
  if (png.length > MAX_CHART_PNG_BYTES) return withoutImage('The chart was too large to send in Teams; the figures are in the table.');
  const card = renderCard('packTrendChart', { ...base, imageUrl: pngDataUri(png), imageAlt: altText }, fallbackText);
  return cardBytes(card) <= CHART_CARD_BUDGET_BYTES ? card : withoutImage('The chart was too large to send in Teams; the figures are in the table.');
}
