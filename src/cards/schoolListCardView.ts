import { formatFigure } from '../services/measureComparison';
import { SchoolListResult } from '../services/schoolList';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

const MAX_ROWS = 25;

export function schoolListCard(result: SchoolListResult): AdaptiveCardJson {
  const { measure, threshold, district } = result;
  const condition = measure
    ? `${measure.shortLabel}${threshold ? ` ${threshold.op} ${threshold.value}${measure.unit === 'percent' ? '%' : ''}` : ''}`
    : '';
  const title = measure ? `Schools in ${district}: ${condition}` : `Schools in ${district}`;
  const summary = measure
    ? `${result.schools.length} of ${result.totalInDistrict} open schools in ${district} (${result.year ?? 'no year'}), highest first.`
    : `${result.totalInDistrict} open schools in ${district}.`;
  const rows = result.schools.slice(0, MAX_ROWS).map((r) => ({
    urn: r.school.urn,
    name: r.school.name,
    figure: measure ? formatFigure({ status: r.status, value: r.value }, measure) : r.school.phase,
  }));
  const more = result.schools.length > MAX_ROWS ? `…and ${result.schools.length - MAX_ROWS} more. Narrow the question to see them.` : '';
  const source = result.source ?? 'DfE school information; districts from the LA record';
  return renderCard('schoolList', { title, summary, rows, more, source }, `${title}. ${summary}`);
}
