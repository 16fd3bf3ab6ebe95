import { longDate } from '../dates';
import { OfstedInspection } from '../repos/ofstedRepo';
import { School } from '../repos/schoolRepo';

// Ofsted stopped giving state schools a single-word overall judgement on 1 September 2024.
const SINGLE_WORD_JUDGEMENTS_ENDED = '2024-09-01';


/**
 * What can honestly be said about a school's Ofsted position from the data held: the last inspection
 * in DfE's files, labelled with its framework, date and source, never an invented overall grade.
 */
export function ofstedPosition(school: School, inspection: OfstedInspection | undefined): string[] {
  const reports = `Ofsted's own site has every report and any later inspection: search for URN ${school.urn}.`;
  const frameworks =
    'Since September 2024 state schools no longer get a single-word overall judgement. Inspections under Ofsted’s renewed framework (from November 2025) give a report card with a grade for each evaluation area; older reports keep their single-word judgement.';
  if (!inspection) return ['Not held: the DfE files this service holds carry no Ofsted inspection for this school, so no grade is shown.', reports, frameworks];
  const underOldFramework = inspection.inspectionDate < SINGLE_WORD_JUDGEMENTS_ENDED;
  return [
    underOldFramework
      ? `Last inspection held: ${longDate(inspection.inspectionDate)}, overall effectiveness **${inspection.judgement}** (a single-word judgement, under the framework in use before September 2024). Source: ${inspection.source}.`
      : `Last inspection held: ${longDate(inspection.inspectionDate)}, recorded as "${inspection.judgement}". Source: ${inspection.source}.`,
    `This is the latest inspection in the files held, which may be out of date. ${reports}`,
    frameworks,
  ];
}
