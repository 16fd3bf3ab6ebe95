export const INTENTS = [
  'greeting',
  'help',
  'cancel',
  'start_over',
  'school_overview',
  'measure_query',
  'ofsted',
  'la_internal',
  'school_list',
  'choose_school',
  'briefings',
  'traded_services',
  'feedback',
  'glossary',
  'governor_pack',
  'thanks',
  'None',
] as const;
export type IntentName = (typeof INTENTS)[number];

export type SchoolMention = { urn: string; name: string };
export type YearSpan = { kind: 'latest' } | { kind: 'trend'; years: number } | { kind: 'specific'; year: string } | { kind: 'previous' };
export type Threshold = { op: 'above' | 'below'; value: number };

export type Entities = {
  urns: string[];
  schools: SchoolMention[];
  district?: string;
  measureIds: string[];
  keyStage?: 'KS2' | 'KS4';
  years: YearSpan;
  threshold?: Threshold;
};

export type Recognition = {
  intent: IntentName;
  score: number;
  alternatives: { intent: IntentName; score: number }[];
  entities: Entities;
};

/** What the dialogs need from language understanding, so a test can pass a fake and a later move off nlp.js stays local. */
export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}
