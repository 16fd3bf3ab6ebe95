import { SchoolImprovementRecord } from '../services/laInternal';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

export function laInternalCard(record: SchoolImprovementRecord, provenance: string, suggestions: string[]): AdaptiveCardJson {
  const { banding, school } = record;
  const bandLine =
    banding.band === null
      ? banding.meaning
      : `Band **${banding.band}** (weighted score ${banding.score} out of 100): ${banding.meaning}.`;
  const openNotices = record.notices.filter((n) => n.status === 'open').length;
  return renderCard(
    'laInternal',
    {
      schoolName: school.name,
      provenance,
      bandLine,
      components: banding.components.map((c) => ({
        label: c.label,
        weight: `${Math.round(c.weight * 100)}%`,
        score: c.score === null ? 'no figure' : String(c.score),
        basis: c.basis,
      })),
      caveat: banding.caveat ?? '',
      notices: record.notices.map((n) => ({
        status: n.status === 'open' ? 'Open' : 'Closed',
        issuedOn: n.issuedOn,
        reviewText: n.reviewDue ? `, review due ${n.reviewDue}` : '',
        reason: n.reason,
      })),
      adviserLine: record.adviser
        ? `${record.adviser.adviserName} (${record.adviser.adviserEmail}): three half-day visits a year.`
        : 'No adviser assigned.',
      visits: record.visits.slice(0, 6).map((v) => ({
        date: v.visitDate,
        status: v.status,
        focus: v.focus,
        notesText: v.notes ? ` — ${v.notes}` : '',
      })),
      suggestions,
    },
    `${school.name}: band ${banding.band ?? 'not set'}, ${openNotices} open notice(s) of concern, ${record.visits.length} adviser visits on record.`,
  );
}
