import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_CARD_BUDGET_BYTES, MAX_CHART_PNG_BYTES, measureTrendChartCard } from '../../src/charts/chartCardView';
import { MAX_CHART_PX, svgToPng } from '../../src/charts/pngRenderer';
import { CARD_CHART_SIZE, trendAltText, trendSeries, trendSvg, yScale } from '../../src/charts/trendChart';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { getSchool, School } from '../../src/repos/schoolRepo';
import { compareMeasure, MeasureComparison } from '../../src/services/measureComparison';
import { cardProblems } from '../support/cardCheck';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { hertsDb } from '../support/testDb';

const catalog = loadMeasureCatalog();
let db: Database;
let leavesden: School;
let rwm: MeasureComparison;

beforeAll(async () => {
  ({ db } = await hertsDb());
  leavesden = (await getSchool(db, '117324'))!;
  rwm = await compareMeasure(db, leavesden, catalog.byId.get('ks2_rwm_expected')!);
});
afterAll(() => db.close());

/** Width and height from a PNG's IHDR chunk (bytes 16–23), read without a PNG library. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const imageOf = (card: object) => {
  const body = (card as { body: { type: string; url?: string; altText?: string }[] }).body;
  return body.find((e) => e.type === 'Image');
};

describe('a measure-trend chart card', () => {
  it('carries the chart as a PNG of bounded size inside the card, and stays under Teams’ message limit', () => {
    const card = measureTrendChartCard(rwm, { kind: 'trend', years: 3 }, ['Help']);
    expect(cardProblems(card)).toEqual([]);
    const image = imageOf(card);
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(image!.url!.split(',')[1], 'base64');
    expect(pngSize(png)).toEqual(CARD_CHART_SIZE);
    expect(png.length).toBeLessThanOrEqual(MAX_CHART_PNG_BYTES);
    // A blank 480×240 image compresses to well under 2 KB; lines, markers and text take it far past that.
    expect(png.length).toBeGreaterThan(4000);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CHART_CARD_BUDGET_BYTES);
  });

  it('parses and fits in a Teams message for every measure in the catalogue, for a primary and a secondary school', async () => {
    const ashlyns = (await getSchool(db, '117578'))!;
    for (const measure of catalog.measures) {
      const school = measure.keyStage === 'KS4' ? ashlyns : leavesden;
      const card = measureTrendChartCard(await compareMeasure(db, school, measure), { kind: 'trend', years: 3 }, ['Help']);
      expect(cardProblems(card), measure.id).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card)), measure.id).toBeLessThanOrEqual(CHART_CARD_BUDGET_BYTES);
    }
  });

  it('has alt text that says every year’s figure from the DfE files and which way the trend went', () => {
    const card = measureTrendChartCard(rwm, { kind: 'trend', years: 3 }, []);
    const [first, middle, last] = ['2022-2023', '2023-2024', '2024-2025'].map((year) => sourceRow(year, '919_ks2final.csv', (r) => r.URN === '117324'));
    const la = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '3');
    const alt = imageOf(card)?.altText ?? '';
    expect(alt).toContain(`The school: ${asPercent(first.PTRWM_EXP)} in 2022/23, ${asPercent(middle.PTRWM_EXP)} in 2023/24, ${asPercent(last.PTRWM_EXP)} in 2024/25.`);
    expect(alt).toContain(`Hertfordshire: `);
    expect(alt).toContain(`${asPercent(la.PTRWM_EXP)} in 2024/25`);
    expect(alt).toMatch(/School trend: (up|down) from .* \((better|worse)\)\./);
  });

  it('shows no picture, and says so in words, when there are no figures at all (KS2 progress since 2023/24)', () => {
    const progress = { ...rwm, measure: catalog.byId.get('ks2_reading_progress')!, years: rwm.years.map((y) => ({ ...y, school: { status: 'not_published' as const, value: null }, la: { status: 'not_published' as const, value: null }, national: { status: 'not_published' as const, value: null } })) };
    const card = measureTrendChartCard(progress, { kind: 'trend', years: 3 }, []);
    expect(imageOf(card)).toBeUndefined();
    expect(JSON.stringify(card)).toContain('Not enough years with a school figure to show a trend');
    expect(cardProblems(card)).toEqual([]);
  });

  it('draws a missing year as a gap, labelled, never as a zero', () => {
    const gappy: MeasureComparison = {
      ...rwm,
      years: [
        { academicYear: '2021/22', school: { status: 'value', value: 70 }, la: { status: 'value', value: 65 }, national: { status: 'value', value: 59 }, source: 'x' },
        { academicYear: '2022/23', school: { status: 'suppressed', value: null }, la: { status: 'value', value: 66 }, national: { status: 'value', value: 60 }, source: 'x' },
        { academicYear: '2023/24', school: { status: 'value', value: 60 }, la: { status: 'value', value: 66 }, national: { status: 'value', value: 61 }, source: 'x' },
      ],
    };
    const series = trendSeries(gappy, gappy.years);
    const svg = trendSvg(series);
    expect(svg).toContain('No school figure: 2022/23 (suppressed (supp))');
    expect(svg).not.toContain('>0%<');
    expect(trendAltText(series)).toContain('suppressed (supp) in 2022/23');
    const schoolPath = /<path d="([^"]+)" fill="none" stroke="#1f4e79"/.exec(svg)?.[1] ?? '';
    expect(schoolPath.match(/M/g)).toHaveLength(2);
  });

  it('escapes a school name that would break the SVG', () => {
    const odd = { ...rwm, school: { ...leavesden, name: 'St Mary & St <John>' } };
    const svg = trendSvg(trendSeries(odd, odd.years));
    expect(svg).toContain('St Mary &#38; St &#60;John&#62;');
    expect(svg).not.toContain('<John>');
    expect(pngSize(svgToPng(svg)).width).toBe(CARD_CHART_SIZE.width);
  });
});

describe('the chart renderer', () => {
  it('never draws bigger than its bound, however wide or tall the SVG asks to be', () => {
    const wide = pngSize(svgToPng(trendSvg(trendSeries(rwm, rwm.years), { width: 2000, height: 1000 })));
    expect(wide).toEqual({ width: MAX_CHART_PX.width, height: 320 });
    const tall = pngSize(svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20000"><rect width="100" height="20000" fill="#123"/></svg>'));
    expect(tall.height).toBe(MAX_CHART_PX.height);
    expect(tall.width).toBeLessThanOrEqual(MAX_CHART_PX.width);
  });

  it('keeps 0 on the axis for progress scores, where 0 is the national average', () => {
    expect(yScale(catalog.byId.get('ks4_progress8')!, [0.4, 0.6]).min).toBeLessThanOrEqual(0);
    const percent = yScale(catalog.byId.get('ks2_rwm_expected')!, [40, 64]);
    expect(percent.min).toBeGreaterThanOrEqual(0);
    expect(percent.max).toBeLessThanOrEqual(100);
    expect(percent.ticks[0]).toBe(percent.min);
  });
});
