import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Measure, MeasureCatalog } from '../dfe/measureCatalog';
import { DATA_DIR } from '../projectPaths';

const units = z.enum(['percent', 'score', 'scaled score', 'progress', 'count']);
/** A threshold in the measure's own unit, with exceptions for measures whose usual range differs (absence rates, KS2 progress). */
const margin = z.object({ byUnit: z.record(units, z.number().positive()), byMeasure: z.record(z.string(), z.number().positive()).default({}) });

const common = {
  id: z.string().regex(/^[a-z0-9_]+$/),
  kind: z.enum(['watch', 'strength']),
  reason: z.string().min(1),
  questions: z.array(z.string().min(1)).min(1),
};

const ruleSchema = z.discriminatedUnion('test', [
  z.object({ ...common, test: z.literal('againstLa'), direction: z.enum(['worse', 'better']), margin }),
  z.object({ ...common, test: z.literal('threeYearTrend'), direction: z.enum(['worse', 'better']), minChange: margin }),
  z.object({
    ...common,
    test: z.literal('disadvantagedGap'),
    pairs: z
      .array(
        z.object({
          disadvantaged: z.string(),
          comparison: z.string(),
          comparisonLabel: z.string().min(1),
          minGap: z.number().positive(),
          widerThanEnglandBy: z.number().nonnegative(),
        }),
      )
      .min(1),
  }),
  z.object({ ...common, test: z.literal('againstEngland'), direction: z.enum(['worse', 'better']), measures: z.array(z.string()).min(1), margin: z.number().positive() }),
]);

const rulesSchema = z.object({
  /** Measures held only to work out a gap (e.g. non-disadvantaged pupils): never an area or strength on their own. */
  supportingMeasures: z.array(z.string()).default([]),
  limits: z.object({ maxAreasToWatch: z.number().int().positive(), maxStrengths: z.number().int().nonnegative(), maxQuestionsPerArea: z.number().int().positive() }),
  rules: z.array(ruleSchema).min(1),
  /** Asked in every pack, because the bot holds no Ofsted data from which to choose questions. */
  ofstedQuestions: z.array(z.string().min(1)).default([]),
  measureQuestions: z.record(z.string(), z.string().min(1)).default({}),
});

export type PackRule = z.infer<typeof ruleSchema>;
export type PackRules = z.infer<typeof rulesSchema>;
export type Margin = z.infer<typeof margin>;

export const DEFAULT_RULES_PATH = path.join(DATA_DIR, 'governorPack', 'rules.json');

/** The measures a rule file names, so a typo fails at start-up rather than silently never firing. */
function namedMeasures(rules: PackRules): string[] {
  return [
    ...rules.rules.flatMap((r) => {
      if (r.test === 'disadvantagedGap') return r.pairs.flatMap((p) => [p.disadvantaged, p.comparison]);
      if (r.test === 'againstEngland') return r.measures;
      return Object.keys(r.test === 'againstLa' ? r.margin.byMeasure : r.minChange.byMeasure);
    }),
    ...Object.keys(rules.measureQuestions),
    ...rules.supportingMeasures,
  ];
}

export function loadPackRules(catalog: MeasureCatalog, file: string = DEFAULT_RULES_PATH): PackRules {
  const rules = rulesSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const unknown = namedMeasures(rules).find((id) => !catalog.byId.has(id));
  if (unknown) throw new Error(`${file}: names unknown measure ${unknown}`);
  return rules;
}

/** The threshold for one measure: its own if listed, else its unit's; undefined means the rule does not apply. */
export const marginFor = (m: Margin, measure: Measure): number | undefined => m.byMeasure[measure.id] ?? m.byUnit[measure.unit];
