import { Measure, previousYear } from '../dfe/measureCatalog';
import { ComparedFigure, formatFigure, MeasureComparison, YearComparison } from '../services/measureComparison';
import { marginFor, PackRule, PackRules } from './packRules';

/**
 * One rule firing on one measure, with its reason (figures and years) and its challenge questions filled in.
 * `severity` is how many times over its threshold the figure is (1 = just at it), so findings from
 * different rules and units can be ranked against each other.
 */
export type Finding = { ruleId: string; kind: 'watch' | 'strength'; measureId: string; severity: number; reason: string; questions: string[] };
/** A measure in the pack's strengths or areas to watch: every rule that fired on it, and the questions to ask. */
export type PackArea = { measureId: string; title: string; reasons: string[]; questions: string[]; ruleIds: string[] };

// Figures arrive with one decimal place; this keeps 65 − 60 from missing a margin of 5 by a rounding error.
const EPSILON = 1e-9;

const valueOf = (f: ComparedFigure | undefined): number | null => (f && f.status === 'value' ? f.value : null);

/** +1 when a rise is good, −1 when a fall is good, null for context measures that are neither. */
const goodDirection = (m: Measure): 1 | -1 | null => (m.higherIsBetter === null ? null : m.higherIsBetter ? 1 : -1);

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A difference in words: "12 percentage points", "0.45", "2.5 points". */
export function amount(measure: Measure, diff: number): string {
  const size = Math.abs(diff);
  if (measure.unit === 'percent') return `${round1(size)} percentage points`;
  if (measure.unit === 'progress') return size.toFixed(2);
  return `${round1(size)} points`;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

function finding(rule: PackRule, measure: Measure, severity: number, values: Record<string, string>): Finding {
  const all = { measure: measure.shortLabel, ...values };
  return { ruleId: rule.id, kind: rule.kind, measureId: measure.id, severity, reason: fill(rule.reason, all), questions: rule.questions.map((q) => fill(q, all)) };
}

const laName = (c: MeasureComparison) => c.school.laName || `LA ${c.school.laCode}`;

function againstLa(rule: Extract<PackRule, { test: 'againstLa' }>, c: MeasureComparison): Finding | undefined {
  const direction = goodDirection(c.measure);
  const margin = marginFor(rule.margin, c.measure);
  const latest = c.years[c.years.length - 1];
  const school = valueOf(latest?.school);
  const la = valueOf(latest?.la);
  if (direction === null || margin === undefined || school === null || la === null) return undefined;
  const better = (school - la) * direction;
  const fires = rule.direction === 'worse' ? better <= -margin + EPSILON : better >= margin - EPSILON;
  if (!fires) return undefined;
  return finding(rule, c.measure, Math.abs(better) / margin, {
    schoolFigure: formatFigure(latest.school, c.measure),
    laFigure: formatFigure(latest.la, c.measure),
    laName: laName(c),
    year: latest.academicYear,
    gapWords: `${amount(c.measure, school - la)} ${school > la ? 'above' : 'below'}`,
  });
}

/** The last three years held, if they are consecutive academic years and all have a school figure. */
function lastThreeYears(c: MeasureComparison): { years: YearComparison[]; values: number[] } | undefined {
  const years = c.years.slice(-3);
  if (years.length < 3) return undefined;
  if (years.some((y, i) => i > 0 && previousYear(y.academicYear) !== years[i - 1].academicYear)) return undefined;
  const values = years.map((y) => valueOf(y.school));
  return values.every((v): v is number => v !== null) ? { years, values } : undefined;
}

function threeYearTrend(rule: Extract<PackRule, { test: 'threeYearTrend' }>, c: MeasureComparison): Finding | undefined {
  const direction = goodDirection(c.measure);
  const minChange = marginFor(rule.minChange, c.measure);
  const run = lastThreeYears(c);
  if (direction === null || minChange === undefined || !run) return undefined;
  const wanted = rule.direction === 'better' ? 1 : -1;
  const steps = run.values.slice(1).map((v, i) => (v - run.values[i]) * direction * wanted);
  const total = (run.values[2] - run.values[0]) * direction * wanted;
  if (steps.some((s) => s <= 0) || total < minChange - EPSILON) return undefined;
  return finding(rule, c.measure, total / minChange, {
    series: run.years.map((y) => `${formatFigure(y.school, c.measure)} in ${y.academicYear}`).join(', '),
    firstYear: run.years[0].academicYear,
    year: run.years[2].academicYear,
  });
}

function disadvantagedGap(rule: Extract<PackRule, { test: 'disadvantagedGap' }>, byId: Map<string, MeasureComparison>): Finding[] {
  return rule.pairs.flatMap((pair) => {
    const disadvantaged = byId.get(pair.disadvantaged);
    const comparison = byId.get(pair.comparison);
    const latest = disadvantaged?.years[disadvantaged.years.length - 1];
    const sameYear = comparison?.years.find((y) => y.academicYear === latest?.academicYear);
    const d = valueOf(latest?.school);
    const o = valueOf(sameYear?.school);
    if (!disadvantaged || !latest || !sameYear || d === null || o === null) return [];
    const direction = goodDirection(disadvantaged.measure) ?? 1;
    const gap = (o - d) * direction;
    const englandD = valueOf(latest.national);
    const englandO = valueOf(sameYear.national);
    const englandGap = englandD !== null && englandO !== null ? (englandO - englandD) * direction : null;
    const threshold = Math.max(pair.minGap, englandGap === null ? 0 : englandGap + pair.widerThanEnglandBy);
    if (gap < threshold - EPSILON) return [];
    const m = disadvantaged.measure;
    return [
      finding(rule, m, gap / threshold, {
        year: latest.academicYear,
        disadvantagedFigure: formatFigure(latest.school, m),
        comparisonFigure: formatFigure(sameYear.school, comparison?.measure ?? m),
        comparisonLabel: pair.comparisonLabel,
        gap: amount(m, gap),
        englandWords: englandGap === null ? '' : `, wider than the gap of ${amount(m, englandGap)} across England`,
      }),
    ];
  });
}

function againstEngland(rule: Extract<PackRule, { test: 'againstEngland' }>, c: MeasureComparison): Finding | undefined {
  const direction = goodDirection(c.measure);
  const latest = c.years[c.years.length - 1];
  const school = valueOf(latest?.school);
  const england = valueOf(latest?.national);
  if (!rule.measures.includes(c.measure.id) || direction === null || school === null || england === null) return undefined;
  const better = (school - england) * direction;
  const fires = rule.direction === 'worse' ? better <= -rule.margin + EPSILON : better >= rule.margin - EPSILON;
  if (!fires) return undefined;
  return finding(rule, c.measure, Math.abs(better) / rule.margin, {
    schoolFigure: formatFigure(latest.school, c.measure),
    englandFigure: formatFigure(latest.national, c.measure),
    year: latest.academicYear,
    gapWords: `${amount(c.measure, school - england)} ${school > england ? 'above' : 'below'}`,
  });
}

/** Every rule over every comparison, in rule order then measure order. Pure: the same figures give the same findings. */
export function evaluateRules(comparisons: MeasureComparison[], rules: PackRules): Finding[] {
  const byId = new Map(comparisons.map((c) => [c.measure.id, c]));
  const own = comparisons.filter((c) => !rules.supportingMeasures.includes(c.measure.id));
  return rules.rules.flatMap((rule) => {
    switch (rule.test) {
      case 'againstLa':
        return own.map((c) => againstLa(rule, c)).filter((f): f is Finding => f !== undefined);
      case 'threeYearTrend':
        return own.map((c) => threeYearTrend(rule, c)).filter((f): f is Finding => f !== undefined);
      case 'againstEngland':
        return own.map((c) => againstEngland(rule, c)).filter((f): f is Finding => f !== undefined);
      case 'disadvantagedGap':
        return disadvantagedGap(rule, byId);
    }
  });
}

/**
 * The measure's own question first, then one new question from each rule that fired in turn (so a second
 * rule's questions are not crowded out by the first's), without repeats, up to the limit.
 */
function questionsFor(findings: Finding[], specific: string | undefined, max: number): string[] {
  const chosen = specific ? [specific] : [];
  const queues = findings.map((f) => [...f.questions]);
  while (chosen.length < max && queues.some((q) => q.length)) {
    for (const queue of queues) {
      while (queue.length && chosen.includes(queue[0])) queue.shift();
      const next = queue.shift();
      if (next && chosen.length < max) chosen.push(next);
    }
  }
  return chosen;
}

/** Findings grouped by measure; the measures furthest past a threshold first (ties keep rule order), capped. */
function groupByMeasure(findings: Finding[], comparisons: MeasureComparison[], rules: PackRules, limit: number): PackArea[] {
  const byMeasure = new Map<string, Finding[]>();
  for (const f of findings) byMeasure.set(f.measureId, [...(byMeasure.get(f.measureId) ?? []), f]);
  const worst = (fs: Finding[]) => Math.max(...fs.map((f) => f.severity));
  return [...byMeasure.entries()]
    .sort((a, b) => worst(b[1]) - worst(a[1]))
    .slice(0, limit)
    .map(([measureId, fs]) => ({
      measureId,
      title: comparisons.find((c) => c.measure.id === measureId)?.measure.shortLabel ?? measureId,
      reasons: fs.map((f) => f.reason),
      questions: questionsFor(fs, fs[0].kind === 'watch' ? rules.measureQuestions[measureId] : undefined, rules.limits.maxQuestionsPerArea),
      ruleIds: fs.map((f) => f.ruleId),
    }));
}

/** The pack's strengths and areas to watch: findings grouped by measure, most pronounced first, capped for one page. */
export function selectAreas(comparisons: MeasureComparison[], rules: PackRules): { strengths: PackArea[]; areasToWatch: PackArea[] } {
  const findings = evaluateRules(comparisons, rules);
  return {
    areasToWatch: groupByMeasure(findings.filter((f) => f.kind === 'watch'), comparisons, rules, rules.limits.maxAreasToWatch),
    strengths: groupByMeasure(findings.filter((f) => f.kind === 'strength'), comparisons, rules, rules.limits.maxStrengths),
  };
}
