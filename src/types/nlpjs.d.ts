// nlp.js ships no type declarations; these cover only what the recognizer uses.
declare module '@nlpjs/core' {
  export function containerBootstrap(): Promise<{ use(plugin: unknown): void }>;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/nlp' {
  export type NlpResult = { intent: string; score: number; classifications: { intent: string; score: number }[] };
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    /** The trained model as JSON text; `import` takes it back. */
    export(minified?: boolean): string;
    import(model: string): void;
  }
}
declare module '@nlpjs/similarity' {
  export function leven(a: string, b: string): number;
}
