import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Figure } from '../../src/dfe/dfeValue';
import { loadMeasureCatalog, Measure } from '../../src/dfe/measureCatalog';
import { loadPackRules, PackRules } from '../../src/governorPack/packRules';
import { evaluateRules, selectAreas } from '../../src/governorPack/selectionRules';
import { School } from '../../src/repos/schoolRepo';
import { MeasureComparison } from '../../src/services/measureComparison';
import { TMP_DIR } from '../support/paths';

const catalog = loadMeasureCatalog();
const rules = loadPackRules(catalog);
const measure = (id: string): Measure => catalog.byId.get(id)!;

const SCHOOL: School = {
  urn: '999001', laCode: '919', laName: 'Hertfordshire', name: 'Constructed Primary', town: 'Testville', postcode: '',
  phase: 'primary', schoolType: 'Community school', typeGroup: '', status: 'Open', district: 'Dacorum',
};

type Cell = number | Figure['status'];
const fig = (c: Cell): Figure => (typeof c === 'number' ? { status: 'value', value: c } : { status: c, value: null });

/** A comparison from rows of [year, school, LA, England], built by hand so each rule's edge can be tested exactly. */
function comparison(id: string, rows: [string, Cell, Cell, Cell][]): MeasureComparison {
  return {
    school: SCHOOL,
    measure: measure(id),
    years: rows.map(([year, s, la, nat]) => ({ academicYear: year, school: fig(s), la: fig(la), national: fig(nat), source: `constructed ${year}` })),
  };
}

const firing = (comparisons: MeasureComparison[], r: PackRules = rules) => evaluateRules(comparisons, r).map((f) => `${f.ruleId}:${f.measureId}`);

describe('the rule "well below the LA average"', () => {
  it('fires at the margin (5 percentage points below the LA) and not just inside it', () => {
    expect(firing([comparison('ks2_rwm_expected', [['2024/25', 59, 64, 62]])])).toContain('well_below_la:ks2_rwm_expected');
    expect(firing([comparison('ks2_rwm_expected', [['2024/25', 59.1, 64, 62]])])).not.toContain('well_below_la:ks2_rwm_expected');
  });

  it('treats a higher absence figure as worse, and a lower one as a strength', () => {
    expect(firing([comparison('persistent_absence', [['2023/24', 17.4, 13.4, 14.6]])])).toContain('well_below_la:persistent_absence');
    expect(firing([comparison('persistent_absence', [['2023/24', 9.4, 13.4, 14.6]])])).toContain('well_above_la:persistent_absence');
    expect(firing([comparison('persistent_absence', [['2023/24', 9.4, 13.4, 14.6]])])).not.toContain('well_below_la:persistent_absence');
  });

  it('uses the measure’s own margin: 0.3 for Progress 8 but 1.0 for a KS2 progress score', () => {
    expect(firing([comparison('ks4_progress8', [['2023/24', -0.25, 0.05, 0]])])).toContain('well_below_la:ks4_progress8');
    expect(firing([comparison('ks2_reading_progress', [['2022/23', -0.8, 0.1, 0]])])).toEqual([]);
    expect(firing([comparison('ks2_reading_progress', [['2022/23', -1.0, 0.1, 0]])])).toContain('well_below_la:ks2_reading_progress');
  });

  it('never fires on a suppressed, not-published or missing figure, for the school or the LA', () => {
    for (const status of ['suppressed', 'not_published', 'missing', 'not_applicable', 'low_coverage'] as const) {
      expect(firing([comparison('ks2_rwm_expected', [['2024/25', status, 64, 62]])])).toEqual([]);
      expect(firing([comparison('ks2_rwm_expected', [['2024/25', 30, status, 62]])])).toEqual([]);
    }
  });

  it('does not reach back to an older year when the latest school figure is missing', () => {
    const c = comparison('ks2_rwm_expected', [['2023/24', 20, 63, 61], ['2024/25', 'suppressed', 64, 62]]);
    expect(firing([c])).toEqual([]);
  });

  it('ignores context measures that are neither better nor worse', () => {
    expect(firing([comparison('fsm_ever6', [['2022/23', 5, 20, 25], ['2023/24', 50, 20, 25], ['2024/25', 60, 20, 25]])])).toEqual([]);
  });

  it('says the figure, the year, the LA figure and the size of the gap', () => {
    const [f] = evaluateRules([comparison('ks2_rwm_expected', [['2024/25', 40, 64, 62]])], rules);
    expect(f.reason).toBe('RWM expected standard was 40% in 2024/25, 24 percentage points below the Hertfordshire figure of 64%.');
    expect(f.questions.join(' ')).not.toMatch(/[{}]/);
  });
});

describe('the three-year trend rules', () => {
  it('a fall in each of three consecutive years, adding up to the minimum, is a falling trend', () => {
    const c = comparison('ks2_rwm_expected', [['2021/22', 70, 65, 59], ['2022/23', 67, 66, 60], ['2023/24', 65, 66, 61]]);
    expect(firing([c])).toEqual(['falling_trend:ks2_rwm_expected']);
    expect(evaluateRules([c], rules)[0].reason).toBe('RWM expected standard has got worse three years running: 70% in 2021/22, 67% in 2022/23, 65% in 2023/24.');
  });

  it('is not a trend if one year rose, the total is under the minimum, a year is missing, or the years are not consecutive', () => {
    const cases: [string, Cell, Cell, Cell][][] = [
      [['2021/22', 70, 65, 59], ['2022/23', 71, 66, 60], ['2023/24', 60, 66, 61]],
      [['2021/22', 70, 65, 59], ['2022/23', 68, 66, 60], ['2023/24', 65.1, 66, 61]],
      [['2021/22', 70, 65, 59], ['2022/23', 'suppressed', 66, 60], ['2023/24', 60, 66, 61]],
      [['2019/20', 70, 65, 59], ['2022/23', 66, 66, 60], ['2023/24', 60, 66, 61]],
      [['2022/23', 70, 65, 59], ['2023/24', 60, 66, 61]],
    ];
    for (const rows of cases) expect(firing([comparison('ks2_rwm_expected', rows)]).filter((f) => f.startsWith('falling_trend'))).toEqual([]);
  });

  it('rising persistent absence is a falling trend; falling persistent absence is a rising one (a strength)', () => {
    const worse = comparison('persistent_absence', [['2021/22', 10, 14, 16], ['2022/23', 11.5, 14, 16], ['2023/24', 13, 14, 16]]);
    const better = comparison('persistent_absence', [['2021/22', 13, 11, 16], ['2022/23', 11.5, 11, 16], ['2023/24', 10, 11, 16]]);
    expect(firing([worse])).toEqual(['falling_trend:persistent_absence']);
    expect(firing([better])).toEqual(['rising_trend:persistent_absence']);
  });
});

describe('the disadvantaged gap rule', () => {
  const pair = (disadvantaged: Cell, other: Cell, englandDisadvantaged: Cell = 46, englandOther: Cell = 68) => [
    comparison('ks2_disadvantaged_rwm', [['2024/25', disadvantaged, 45, englandDisadvantaged]]),
    comparison('ks2_other_rwm', [['2024/25', other, 70, englandOther]]),
  ];

  it('fires when the gap is at least 20 points and at least 5 points wider than England’s', () => {
    expect(firing(pair(40, 67))).toContain('disadvantaged_gap:ks2_disadvantaged_rwm');
    expect(evaluateRules(pair(40, 67), rules).find((f) => f.ruleId === 'disadvantaged_gap')?.reason).toBe(
      'In 2024/25, 40% for disadvantaged pupils against 67% for other pupils at the school: a gap of 27 percentage points, wider than the gap of 22 percentage points across England.',
    );
  });

  it('does not fire when England’s gap is nearly as wide, or the gap is under 20 points', () => {
    expect(firing(pair(40, 66.9))).not.toContain('disadvantaged_gap:ks2_disadvantaged_rwm');
    expect(firing(pair(50, 69.9, 'missing', 'missing'))).not.toContain('disadvantaged_gap:ks2_disadvantaged_rwm');
    expect(firing(pair(50, 70, 'missing', 'missing'))).toContain('disadvantaged_gap:ks2_disadvantaged_rwm');
  });

  it('does not fire when the disadvantaged figure is suppressed, and never makes the comparison group an area of its own', () => {
    expect(firing(pair('suppressed', 90))).toEqual([]);
  });
});

describe('the persistent absence rule', () => {
  it('fires 3 points above England for the phase, and joins the LA finding in one area with both reasons', () => {
    const c = comparison('persistent_absence', [['2023/24', 17.9, 13.4, 14.6]]);
    expect(firing([c])).toEqual(['well_below_la:persistent_absence', 'high_persistent_absence:persistent_absence']);
    const { areasToWatch } = selectAreas([c], rules);
    expect(areasToWatch).toHaveLength(1);
    expect(areasToWatch[0].reasons).toEqual([
      'Persistent absence was 17.9% in 2023/24, 4.5 percentage points above the Hertfordshire figure of 13.4%.',
      '17.9% of pupils were persistently absent in 2023/24, against 14.6% in England for the same phase.',
    ]);
    expect(firing([comparison('persistent_absence', [['2023/24', 17.5, 16, 14.6]])])).toEqual([]);
  });
});

describe('choosing areas for one page', () => {
  const many = [
    comparison('ks2_rwm_expected', [['2024/25', 58, 64, 62]]),
    comparison('ks2_rwm_higher', [['2024/25', 0, 11, 8]]),
    comparison('ks2_reading_score', [['2024/25', 100, 107, 106]]),
    comparison('ks2_maths_score', [['2024/25', 103, 105, 105]]),
    comparison('overall_absence', [['2023/24', 7, 5.4, 5.5]]),
    comparison('persistent_absence', [['2023/24', 9, 13.4, 14.6]]),
  ];

  it('puts the measures furthest past their threshold first and keeps to the limit', () => {
    const { areasToWatch, strengths } = selectAreas(many, rules);
    expect(areasToWatch.map((a) => a.measureId)).toEqual(['ks2_reading_score', 'ks2_rwm_higher', 'overall_absence', 'ks2_rwm_expected']);
    expect(strengths.map((s) => s.measureId)).toEqual(['persistent_absence']);
  });

  it('gives each area its measure’s own question first, then the rules’ questions, without repeats and within the limit', () => {
    const { areasToWatch } = selectAreas(many, rules);
    for (const area of areasToWatch) {
      expect(area.questions.length).toBeLessThanOrEqual(rules.limits.maxQuestionsPerArea);
      expect(new Set(area.questions).size).toBe(area.questions.length);
      expect(area.questions[0]).toBe(rules.measureQuestions[area.measureId]);
    }
  });

  it('reads its thresholds from the rules data, so a different file changes the choice', () => {
    const strict: PackRules = JSON.parse(JSON.stringify(rules));
    const laRule = strict.rules.find((r) => r.id === 'well_below_la');
    if (laRule?.test !== 'againstLa') throw new Error('rules.json no longer has well_below_la');
    laRule.margin.byUnit.percent = 30;
    expect(selectAreas(many, strict).areasToWatch.map((a) => a.measureId)).not.toContain('ks2_rwm_expected');
  });
});

describe('the rules file', () => {
  it('loads, and refuses a rule that names a measure the catalogue does not have', () => {
    const broken = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/governorPack/rules.json'), 'utf8'));
    broken.rules[3].measures = ['persistant_absence'];
    fs.mkdirSync(TMP_DIR, { recursive: true });
    const file = path.join(TMP_DIR, `rules-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(() => loadPackRules(catalog, file)).toThrow(/unknown measure persistant_absence/);
  });
});
