import { AdaptiveCardJson, renderCard } from '../cards/cardRenderer';
import { GovernorPack } from './governorPack';

declare module '../cards/cardModels' {
  interface CardModels {
    packSummary: {
      schoolName: string;
      preparedLine: string;
      laName: string;
      headlines: { label: string; year: string; figures: string; trend: string }[];
      strengths: { title: string; reasons: string }[];
      areas: { title: string; reasons: string; questions: string[]; chart: { verb: string; urn: string; measureId: string } }[];
      noAreasLine: string;
      ofsted: string[];
      ofstedQuestions: string[];
      hasLaRecord: boolean;
      laProvenance: string;
      bandLine: string;
      notices: string[];
      notes: string[];
      sources: string;
      printUrl: string;
      linkLine: string;
      suggestions: string[];
    };
  }
}

export const PACK_TREND_CHART_VERB = 'packTrendChart';

/** The pack as a Teams card: every figure with its year, a trend button per area to watch, and the printable link. */
export function packSummaryCard(pack: GovernorPack, printUrl: string, linkDays: number, suggestions: string[]): AdaptiveCardJson {
  const { school } = pack;
  const areas = pack.areasToWatch.map((a) => ({
    title: a.title,
    reasons: a.reasons.join(' '),
    questions: a.questions,
    chart: { verb: PACK_TREND_CHART_VERB, urn: school.urn, measureId: a.measureId },
  }));
  return renderCard(
    'packSummary',
    {
      schoolName: school.name,
      preparedLine: `Prepared ${pack.preparedOn} from DfE published performance tables, for the governing body. Each figure is for the latest year held, shown beside it.`,
      laName: pack.laName,
      headlines: pack.headlines.map((h) => ({
        label: h.label,
        year: h.year,
        figures: h.year === 'No data' ? 'No published figures held' : `School ${h.school} · ${pack.laName} ${h.la} · England ${h.national}`,
        trend: h.trend,
      })),
      strengths: pack.strengths.map((s) => ({ title: s.title, reasons: s.reasons.join(' ') })),
      areas,
      noAreasLine: areas.length ? '' : 'No published figure met the rules for an area to watch. The headline figures above are still worth discussing with leaders.',
      ofsted: pack.ofsted,
      ofstedQuestions: pack.ofstedQuestions,
      hasLaRecord: pack.laRecord !== null,
      laProvenance: pack.laRecord?.provenance ?? '',
      bandLine: pack.laRecord?.bandLine ?? '',
      notices: pack.laRecord ? (pack.laRecord.notices.length ? pack.laRecord.notices : ['No notices of concern on record.']) : [],
      notes: pack.notes,
      sources: pack.sources.join('; ') || 'no DfE figures held for this school',
      printUrl,
      linkLine: `The printable version works for ${linkDays} days. Anyone with the link can open it, so forward it only to fellow governors; it stops working if your access to the school ends.`,
      suggestions,
    },
    `Governor briefing for ${school.name}: ${areas.length} area(s) to watch${areas.length ? ` (${areas.map((a) => a.title).join(', ')})` : ''}, ${pack.strengths.length} strength(s). Printable version: ${printUrl}`,
  );
}
