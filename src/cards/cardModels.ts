/**
 * The view-model each card template in cards/ is bound to. Feature modules add their own cards by
 * declaration merging (`declare module '.../cardModels' { interface CardModels { … } }`).
 */
export interface CardModels {
  welcome: { firstName: string; serviceName: string; roleLine: string; capabilities: string[]; suggestions: string[] };
  measureAnswer: {
    schoolName: string;
    measureLabel: string;
    headline: string;
    headlineYear: string;
    headlineNote: string;
    comparisonLine: string;
    laName: string;
    rows: { year: string; school: string; la: string; national: string }[];
    notes: string[];
    sources: string;
    suggestions: string[];
  };
  schoolOverview: {
    schoolName: string;
    description: string;
    laName: string;
    rows: { label: string; year: string; school: string; la: string; national: string }[];
    notes: string[];
    sources: string;
    suggestions: string[];
  };
  schoolChoice: { prompt: string; example: string; schools: { urn: string; name: string }[] };
  message: { title: string; paragraphs: string[]; suggestions: string[] };
  laInternal: {
    schoolName: string;
    provenance: string;
    bandLine: string;
    components: { label: string; weight: string; score: string; basis: string }[];
    caveat: string;
    notices: { status: string; issuedOn: string; reviewText: string; reason: string }[];
    adviserLine: string;
    visits: { date: string; status: string; focus: string; notesText: string }[];
    suggestions: string[];
  };
  schoolList: { title: string; summary: string; rows: { urn: string; name: string; figure: string }[]; more: string; source: string };
}
