import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { z } from 'zod';
import { EntityExtractor } from './entityExtractor';
import { IntentName, INTENTS, Recognition, Recognizer } from './intents';
import { DATA_DIR } from '../projectPaths';
import { keptUnlessFailed, RecentResults } from '../recentResults';

const corpusSchema = z.object({
  intents: z.array(z.object({ intent: z.enum(INTENTS), utterances: z.array(z.string().min(1)).min(1) })),
});

export const DEFAULT_CORPUS = path.join(DATA_DIR, 'language', 'training.json');

const isIntent = (s: string): s is IntentName => (INTENTS as readonly string[]).includes(s);

/** Somewhere to keep the trained model between starts; training is most of a start's own work. */
export type ModelStore = { load(): Promise<{ key: string; model: string } | undefined>; save(key: string, model: string): Promise<void> };

/** Intent classification with nlp.js, trained at start-up from data/language/training.json; entities by EntityExtractor. */
export class NlpRecognizer implements Recognizer {
  /** Recognition depends only on the text, and suggestion buttons send the same few texts again and again. */
  private readonly recent = new RecentResults<Promise<Recognition>>(1000);

  private constructor(
    private readonly nlp: Nlp,
    private readonly entities: EntityExtractor,
  ) {}

  /**
   * Trains on the corpus, with school names masked as the classifier will see them. With a store, a
   * model trained on exactly the same documents is loaded instead of trained again.
   */
  static async train(entities: EntityExtractor, corpusFile: string = DEFAULT_CORPUS, store?: ModelStore): Promise<NlpRecognizer> {
    const corpus = corpusSchema.parse(JSON.parse(fs.readFileSync(corpusFile, 'utf8')));
    const documents = corpus.intents.flatMap((group) => group.utterances.map((u) => [entities.maskSchools(u), group.intent] as const));
    const key = createHash('sha256').update(JSON.stringify(documents)).digest('hex');
    const container = await containerBootstrap();
    container.use(LangEn);
    const nlp = new Nlp({ container, autoSave: false, autoLoad: false, nlu: { log: false } });
    nlp.addLanguage('en');
    const kept = await store?.load();
    if (kept?.key === key) {
      nlp.import(kept.model);
    } else {
      for (const [text, intent] of documents) nlp.addDocument('en', text, intent);
      await nlp.train();
      await store?.save(key, nlp.export(true));
    }
    return new NlpRecognizer(nlp, entities);
  }

  recognize(text: string): Promise<Recognition> {
    const limited = text.slice(0, 500);
    return keptUnlessFailed(this.recent, limited, () => this.classify(limited));
  }

  private async classify(limited: string): Promise<Recognition> {
    const result = await this.nlp.process('en', this.entities.maskSchools(limited));
    const alternatives = result.classifications
      .flatMap((c) => (isIntent(c.intent) ? [{ intent: c.intent, score: c.score }] : []))
      .sort((a, b) => b.score - a.score);
    // nlp.js answers "None" with score 1 when its best guess is under its own threshold; the best guess
    // and its real score are more use to the dialog, which asks rather than guesses when unsure.
    const best = result.intent === 'None' && alternatives[0] && alternatives[0].intent !== 'None' ? alternatives[0] : undefined;
    const intent = best?.intent ?? (isIntent(result.intent) ? result.intent : 'None');
    // Shared by every turn that sends the same text, so nothing may change it.
    const entities = this.entities.extract(limited);
    for (const list of [alternatives, entities.urns, entities.schools, entities.measureIds]) Object.freeze(list);
    return Object.freeze({ intent, score: best?.score ?? result.score, alternatives, entities: Object.freeze(entities) });
  }
}
