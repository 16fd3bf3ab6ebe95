import { trendAltText, trendSeries, trendSvg } from '../charts/trendChart';
import { MeasureComparison } from '../services/measureComparison';
import { GovernorPack } from './governorPack';

const MAX_CHARTS = 2;
const CHART_SIZE = { width: 480, height: 190 };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const hasTwoSchoolFigures = (c: MeasureComparison) => c.years.filter((y) => y.school.value !== null).length >= 2;

/** The trends worth a picture: the areas to watch first, then headline measures with at least two years of figures. */
function chartedComparisons(pack: GovernorPack): MeasureComparison[] {
  const byId = new Map(pack.comparisons.map((c) => [c.measure.id, c]));
  const ids = [...pack.areasToWatch.map((a) => a.measureId), ...pack.headlines.map((h) => h.measureId)];
  return [...new Set(ids)]
    .map((id) => byId.get(id))
    .filter((c): c is MeasureComparison => c !== undefined && c.measure.higherIsBetter !== null && hasTwoSchoolFigures(c))
    .slice(0, MAX_CHARTS);
}

const list = (items: string[], tag: 'ul' | 'ol' = 'ul') => (items.length ? `<${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>` : '');

function headlineTable(pack: GovernorPack): string {
  const rows = pack.headlines
    .map((h) => `<tr><th scope="row">${escapeHtml(h.label)}</th><td>${escapeHtml(h.year)}</td><td><strong>${escapeHtml(h.school)}</strong></td><td>${escapeHtml(h.la)}</td><td>${escapeHtml(h.national)}</td><td class="trend">${escapeHtml(h.trend)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th scope="col">Measure</th><th scope="col">Year</th><th scope="col">School</th><th scope="col">${escapeHtml(pack.laName)}</th><th scope="col">England</th><th scope="col">Trend</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function areasHtml(pack: GovernorPack): string {
  if (!pack.areasToWatch.length) return '<p>No published figure met the rules for an area to watch. The headline figures are still worth discussing with leaders.</p>';
  const areas = pack.areasToWatch.map(
    (a) => `<div class="area"><h3>${escapeHtml(a.title)}</h3><p>${escapeHtml(a.reasons.join(' '))}</p><p class="ask">Questions to ask</p>${list(a.questions, 'ol')}</div>`,
  );
  return `<div class="areas">${areas.join('')}</div>`;
}

function chartsHtml(pack: GovernorPack): string {
  const charts = chartedComparisons(pack).map((c) => {
    const series = trendSeries(c, c.years.slice(-3));
    // The description is for screen readers; the printed page already has every figure in the table.
    return `<figure>${trendSvg(series, CHART_SIZE).replace('<svg ', '<svg role="img" aria-hidden="true" ')}<figcaption class="sr-only">${escapeHtml(trendAltText(series))}</figcaption></figure>`;
  });
  return charts.length ? `<section class="trends"><h2>Trends</h2><div class="charts">${charts.join('')}</div></section>` : '';
}

function laRecordHtml(pack: GovernorPack): string {
  if (!pack.laRecord) return '';
  const r = pack.laRecord;
  return `<section class="restricted"><h2>LA school improvement record</h2><p class="small">Restricted: for the school's headteacher and governors and LA officers. ${escapeHtml(r.provenance)}</p><p>${escapeHtml(r.bandLine)}</p>${list(r.notices.length ? r.notices : ['No notices of concern on record.'])}</section>`;
}

// A typical pack (four areas, two charts) prints on two A4 sides; sections are not split across pages.
const STYLE = `
  @page { size: A4; margin: 10mm; }
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1b1b1b; font-size: 9pt; line-height: 1.3; margin: 0; }
  main { max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
  h1 { font-size: 16pt; margin: 0 0 2px; } h2 { font-size: 11pt; margin: 10px 0 4px; border-bottom: 2px solid #1f4e79; color: #1f4e79; }
  h3 { font-size: 9.5pt; margin: 0 0 2px; } p { margin: 1px 0 4px; } .kicker { text-transform: uppercase; letter-spacing: .06em; color: #555; font-size: 8pt; margin: 0; }
  .small, .meta, footer { font-size: 7.5pt; color: #444; } footer h2 { font-size: 9pt; }
  table { border-collapse: collapse; width: 100%; font-size: 8.5pt; } th, td { text-align: left; padding: 2px 4px; border-bottom: 1px solid #ddd; vertical-align: top; }
  thead th { background: #eef3f8; } td.trend { color: #333; font-size: 7.5pt; }
  .areas { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 14px; } .area { break-inside: avoid; }
  .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; } .ask { font-weight: 600; margin-bottom: 0; }
  ol, ul { margin: 1px 0 4px 16px; padding: 0; } .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
  figure { margin: 0; break-inside: avoid; } figure svg { width: 100%; height: auto; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .restricted { border: 1px solid #b35806; padding: 0 8px 4px; margin-top: 8px; break-inside: avoid; } .restricted h2 { color: #b35806; border-color: #b35806; }
  h2 { break-after: avoid; } .trends { break-inside: avoid; }
  @media print { main { padding: 0; } a { color: inherit; } }
`;

/** The pack as one printable HTML document (A4), with the trends as inline SVG; every piece of text is escaped. */
export function renderPackHtml(pack: GovernorPack, linkNote: string): string {
  const s = pack.school;
  const description = [s.schoolType, s.phase, s.town, s.district && `${s.district} district`, `URN ${s.urn}`].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow">
<title>Governor briefing: ${escapeHtml(s.name)}</title><style>${STYLE}</style></head>
<body><main>
<header><p class="kicker">Governor briefing</p><h1>${escapeHtml(s.name)}</h1><p class="meta">${escapeHtml(description)}<br>Prepared ${escapeHtml(pack.preparedOn)} from DfE published performance tables. Each figure is for the year shown beside it.</p></header>
<section><h2>Headline figures</h2>${headlineTable(pack)}</section>
<section><h2>Areas to watch and questions to ask</h2>${areasHtml(pack)}</section>
<div class="columns"><section><h2>Strengths</h2>${pack.strengths.length ? list(pack.strengths.map((a) => `${a.title}: ${a.reasons.join(' ')}`)) : '<p>No published figure met the rules for a strength this time.</p>'}</section>
<section><h2>Ofsted</h2>${pack.ofsted.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${pack.ofstedQuestions.length ? `<p class="ask">Questions to ask</p>${list(pack.ofstedQuestions, 'ol')}` : ''}</section></div>
${chartsHtml(pack)}
${laRecordHtml(pack)}
<footer><h2>Notes and sources</h2>${list(pack.notes)}<p>Source: ${escapeHtml(pack.sources.join('; ') || 'no DfE figures held for this school')}. Contains public sector information licensed under the Open Government Licence v3.0.</p><p>Areas to watch and strengths are chosen by published rules (thresholds against the LA and England, three-year trends, the disadvantaged gap, persistent absence); they are prompts for questions, not judgements. ${escapeHtml(linkNote)}</p></footer>
</main></body></html>`;
}
