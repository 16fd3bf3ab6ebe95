import { describeChange } from '../charts/trendWords';
import { longDateInLondon } from '../dates';
import { Database } from '../db/database';
import { Measure, MeasureCatalog, measureFitsPhase } from '../dfe/measureCatalog';
import { latestInspection } from '../repos/ofstedRepo';
import { School } from '../repos/schoolRepo';
import { AppUser } from '../repos/userRepo';
import { BandingConfig } from '../services/banding';
import { schoolImprovementRecord } from '../services/laInternal';
import { MeasureComparison, compareMeasures, explainStatus, formatFigure, statusText } from '../services/measureComparison';
import { ofstedPosition } from '../services/ofstedPosition';
import { headlineMeasureIds } from '../services/schoolOverview';
import { packShowsLaRecord } from './packAccess';
import { PackRules } from './packRules';
import { PackArea, selectAreas } from './selectionRules';

export type PackDeps = { db: Database; catalog: MeasureCatalog; banding: BandingConfig; rules: PackRules; laRecordProvenance: string };

export type HeadlineRow = { measureId: string; label: string; year: string; school: string; la: string; national: string; trend: string };
export type PackLaRecord = { provenance: string; bandLine: string; notices: string[] };

export type GovernorPack = {
  school: School;
  laName: string;
  preparedOn: string;
  headlines: HeadlineRow[];
  strengths: PackArea[];
  areasToWatch: PackArea[];
  ofsted: string[];
  ofstedQuestions: string[];
  /** Null when the reader may not see LA-internal data for this school. */
  laRecord: PackLaRecord | null;
  notes: string[];
  sources: string[];
  /** Every comparison the pack was built from, so a renderer can draw the trend of any area. */
  comparisons: MeasureComparison[];
};

const TREND_YEARS = 3;

/** The headline measures for the phase, plus the measures the rules need to compare with (e.g. non-disadvantaged pupils). */
export function packMeasures(phase: string, rules: PackRules, catalog: MeasureCatalog): Measure[] {
  const pairIds = rules.rules.flatMap((r) => (r.test === 'disadvantagedGap' ? r.pairs.flatMap((p) => [p.disadvantaged, p.comparison]) : []));
  const ids = [...new Set([...headlineMeasureIds(phase), ...pairIds])];
  return ids.map((id) => catalog.byId.get(id)).filter((m): m is Measure => m !== undefined && measureFitsPhase(m, phase));
}

function headlineRow(c: MeasureComparison): HeadlineRow {
  const latest = c.years[c.years.length - 1];
  if (!latest) return { measureId: c.measure.id, label: c.measure.shortLabel, year: 'No data', school: 'No data', la: 'No data', national: 'No data', trend: '' };
  const recent = c.years.slice(-TREND_YEARS).map((y) => ({ year: y.academicYear, figure: y.school }));
  const trend = describeChange(c.measure, recent) ?? (c.years.length < 2 ? 'One year held: no trend yet' : 'Not enough school figures for a trend');
  return {
    measureId: c.measure.id,
    label: c.measure.shortLabel,
    year: latest.academicYear,
    school: formatFigure(latest.school, c.measure),
    la: formatFigure(latest.la, c.measure),
    national: formatFigure(latest.national, c.measure),
    trend,
  };
}

/** Why a headline figure is missing, in words, so a gap is never mistaken for a zero. */
function missingNote(c: MeasureComparison): string | undefined {
  const latest = c.years[c.years.length - 1];
  if (!latest) return `${c.measure.shortLabel}: no published figures are held for this school yet.`;
  if (latest.school.status === 'value') return undefined;
  // DfE marks some unpublished years "NA" rather than "NP"; the catalogue knows why the figure is missing.
  const why = latest.school.note ?? c.measure.notPublished?.[latest.academicYear];
  if (why) return `${c.measure.shortLabel}, ${latest.academicYear}: ${why}`;
  return `${c.measure.shortLabel}, ${latest.academicYear}: ${statusText(latest.school.status)}, ${explainStatus(latest.school.status)}.`;
}

async function laRecordFor(deps: PackDeps, school: School): Promise<PackLaRecord> {
  const record = await schoolImprovementRecord(deps.db, school, deps.catalog, deps.banding);
  const { banding } = record;
  const bandLine = banding.band === null ? banding.meaning : `Band ${banding.band} (weighted score ${banding.score} out of 100): ${banding.meaning}.`;
  const notices = record.notices.map(
    (n) => `${n.status === 'open' ? 'Open' : 'Closed'} notice of concern issued ${n.issuedOn}${n.reviewDue ? `, review due ${n.reviewDue}` : ''}: ${n.reason}`,
  );
  return { provenance: deps.laRecordProvenance, bandLine: banding.caveat ? `${bandLine} ${banding.caveat}` : bandLine, notices };
}


/**
 * A one-page briefing for a governors' meeting: headline figures against the LA and England with
 * trends, strengths and areas to watch chosen by the rules in data/governorPack/rules.json with their
 * challenge questions, the Ofsted position, and the LA record if the reader may see it.
 * Callers must have checked mayHavePack first.
 */
export async function assembleGovernorPack(deps: PackDeps, user: AppUser, school: School, now: Date): Promise<GovernorPack> {
  const comparisons = await compareMeasures(deps.db, school, packMeasures(school.phase, deps.rules, deps.catalog));
  const headlineIds = headlineMeasureIds(school.phase);
  const headlineComparisons = comparisons.filter((c) => headlineIds.includes(c.measure.id));
  const { strengths, areasToWatch } = selectAreas(comparisons, deps.rules);
  return {
    school,
    laName: school.laName || `LA ${school.laCode}`,
    preparedOn: longDateInLondon(now),
    headlines: headlineComparisons.map(headlineRow),
    strengths,
    areasToWatch,
    ofsted: ofstedPosition(school, await latestInspection(deps.db, school.urn)),
    ofstedQuestions: deps.rules.ofstedQuestions,
    laRecord: packShowsLaRecord(user, school.urn) ? await laRecordFor(deps, school) : null,
    notes: headlineComparisons.map(missingNote).filter((n): n is string => n !== undefined),
    sources: [...new Set(headlineComparisons.flatMap((c) => c.years.slice(-TREND_YEARS).map((y) => y.source)))].sort(),
    comparisons,
  };
}
