import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Database } from '../db/database';
import { Measure, MeasureCatalog } from '../dfe/measureCatalog';
import { School } from '../repos/schoolRepo';
import { compareMeasures } from './measureComparison';
import { DATA_DIR } from '../projectPaths';

const bandingSchema = z.object({
  components: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        weight: z.number().positive(),
        primary: z.array(z.string()),
        secondary: z.array(z.string()),
        spread: z.object({ primary: z.number().positive(), secondary: z.number().positive() }),
        lowerIsBetter: z.boolean().optional(),
      }),
    )
    .min(1),
  bands: z.array(z.object({ min: z.number(), band: z.string(), meaning: z.string() })).min(1),
});
export type BandingConfig = z.infer<typeof bandingSchema>;

export function loadBandingConfig(file = path.join(DATA_DIR, 'banding.json')): BandingConfig {
  const config = bandingSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const total = config.components.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - 1) > 1e-6) throw new Error(`${file}: component weights add up to ${total}, not 1`);
  return config;
}

export type BandingComponent = { label: string; weight: number; score: number | null; basis: string };
export type Banding = {
  score: number | null;
  band: string | null;
  meaning: string;
  components: BandingComponent[];
  caveat: string | null;
};

/** Scores one component 0–100 from the latest year in which the school and the LA both have figures. */
async function scoreComponent(db: Database, school: School, catalog: MeasureCatalog, c: BandingConfig['components'][number]): Promise<BandingComponent> {
  const secondary = school.phase === 'secondary' || school.phase === 'all-through';
  const ids = secondary ? c.secondary : c.primary;
  const spread = secondary ? c.spread.secondary : c.spread.primary;
  const scores: number[] = [];
  const bases: string[] = [];
  const measures = ids.map((id) => catalog.byId.get(id)).filter((m): m is Measure => m !== undefined);
  for (const comparison of await compareMeasures(db, school, measures)) {
    const measure = comparison.measure;
    const latest = [...comparison.years].reverse().find((y) => y.school.value !== null && y.la.value !== null);
    if (!latest || latest.school.value === null || latest.la.value === null) continue;
    const diff = (latest.school.value - latest.la.value) * (c.lowerIsBetter ? -1 : 1);
    scores.push(Math.max(0, Math.min(100, 50 + (50 * diff) / spread)));
    bases.push(`${measure.shortLabel} ${latest.academicYear}`);
  }
  const score = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  return { label: c.label, weight: c.weight, score, basis: bases.length ? bases.join(', ') : 'no published figure' };
}

export async function bandSchool(db: Database, school: School, catalog: MeasureCatalog, config: BandingConfig): Promise<Banding> {
  const components: BandingComponent[] = [];
  for (const c of config.components) components.push(await scoreComponent(db, school, catalog, c));
  const scored = components.filter((c) => c.score !== null);
  const weightUsed = scored.reduce((sum, c) => sum + c.weight, 0);
  if (weightUsed < 0.5) {
    return { score: null, band: null, meaning: 'Not enough published data to band this school', components, caveat: null };
  }
  const score = Math.round(scored.reduce((sum, c) => sum + (c.score ?? 0) * c.weight, 0) / weightUsed);
  const band = config.bands.find((b) => score >= b.min) ?? config.bands[config.bands.length - 1];
  const missing = components.filter((c) => c.score === null).map((c) => c.label.toLowerCase());
  return {
    score,
    band: band.band,
    meaning: band.meaning,
    components,
    caveat: missing.length ? `No figure for ${missing.join(' and ')}: the other weights were scaled up to make 100%.` : null,
  };
}
