import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../projectPaths';

const measureSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  dataset: z.enum(['ks2', 'ks4', 'absence', 'census']),
  column: z.string().min(1),
  unit: z.enum(['percent', 'score', 'scaled score', 'progress', 'count']),
  higherIsBetter: z.boolean().nullable(),
  keyStage: z.enum(['KS2', 'KS4']).nullable(),
  label: z.string().min(1),
  shortLabel: z.string().min(1),
  synonyms: z.array(z.string().min(1)),
  notPublished: z.record(z.string().regex(/^\d{4}\/\d{2}$/), z.string()).optional(),
});

const catalogSchema = z.object({
  datasets: z.record(
    z.enum(['ks2', 'ks4', 'absence', 'census']),
    z.object({
      filePattern: z.string(),
      source: z.string(),
      rectype: z.object({ la: z.string(), national: z.string(), ignore: z.array(z.string()) }).optional(),
    }),
  ),
  measures: z.array(measureSchema).min(1),
});

export type Measure = z.infer<typeof measureSchema>;
export type Dataset = Measure['dataset'];
export type MeasureCatalog = {
  measures: Measure[];
  byId: Map<string, Measure>;
  sourceOf(dataset: Dataset): string;
  filePatternOf(dataset: Dataset): string;
  rectypesOf(dataset: Dataset): RectypeMap | undefined;
};
export type RectypeMap = { la: string; national: string; ignore: string[] };

export const DEFAULT_CATALOG_PATH = path.join(DATA_DIR, 'measures.json');

export function loadMeasureCatalog(file: string = DEFAULT_CATALOG_PATH): MeasureCatalog {
  const parsed = catalogSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byId = new Map(parsed.measures.map((m) => [m.id, m]));
  if (byId.size !== parsed.measures.length) throw new Error(`${file}: duplicate measure ids`);
  return {
    measures: parsed.measures,
    byId,
    sourceOf: (dataset) => parsed.datasets[dataset]?.source ?? dataset,
    filePatternOf: (dataset) => parsed.datasets[dataset]?.filePattern ?? dataset,
    rectypesOf: (dataset) => parsed.datasets[dataset]?.rectype,
  };
}

/** "2023-2024" (a DfE download folder) → "2023/24". */
export function academicYearFromFolder(folder: string): string | undefined {
  const m = /^(\d{4})-(\d{4})$/.exec(folder);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return undefined;
  return `${m[1]}/${m[2].slice(2)}`;
}

export function previousYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}/${String(start + 1).slice(2)}`;
}

/** Whether DfE publishes a measure for a school of this phase (no KS4 figures for a primary). */
export function measureFitsPhase(measure: Measure, phase: string): boolean {
  if (measure.keyStage === null || phase === 'all-through') return true;
  return (measure.keyStage === 'KS2' && phase === 'primary') || (measure.keyStage === 'KS4' && phase === 'secondary');
}
