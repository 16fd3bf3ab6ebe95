import type { findPhoneNumbersInText as FindPhoneNumbers } from 'libphonenumber-js/max';
import type winkNLP from 'wink-nlp';
import type { ItemEntity, ItemSentence, WinkMethods } from 'wink-nlp';
import { Sentiment } from '../feedbackRepo';
import { AnalysisInput, DocumentAnalysis, FeedbackAnalyser, PiiSpan } from './analyser';

/**
 * Key phrases are noun phrases found by part-of-speech patterns ("clear next steps", "pupil premium
 * strategy"), the usual approach with wink-nlp, which has no key-phrase model of its own.
 */
const KEY_PHRASE_PATTERNS = ['[ADJ] [NOUN]', '[NOUN] [NOUN]', '[ADJ] [NOUN] [NOUN]', '[NOUN] [NOUN] [NOUN]', '[ADJ] [ADJ] [NOUN]'];

/** wink-nlp scores sentiment from -1 to 1; this far from 0 counts as positive or negative. */
const LEANING = 0.15;
/** A sentence this strong either way, with another as strong the other way, makes a comment mixed. */
const STRONG = 0.3;

let nlp: WinkMethods | undefined;
let findPhoneNumbers: typeof FindPhoneNumbers | undefined;

// wink-nlp with its model (about 20 MB) and libphonenumber's full metadata take a moment to load, so
// they are loaded on first use, not at start-up: a bot that never receives a comment never pays for them.
function language(): WinkMethods {
  if (!nlp) {
    const wink = require('wink-nlp') as typeof winkNLP;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0];
    nlp = wink(model);
    nlp.learnCustomEntities([{ name: 'keyPhrase', patterns: KEY_PHRASE_PATTERNS }]);
  }
  return nlp;
}

function sentimentOf(overall: number, sentences: number[]): Sentiment {
  if (sentences.some((s) => s >= STRONG) && sentences.some((s) => s <= -STRONG)) return 'mixed';
  if (overall >= LEANING) return 'positive';
  if (overall <= -LEANING) return 'negative';
  return 'neutral';
}

/**
 * Phone numbers (UK and international) as libphonenumber finds them. `extended` also accepts numbers
 * that are possible but not allocated (07700 900123), since redaction should err on the safe side.
 */
function phoneSpans(text: string): PiiSpan[] {
  findPhoneNumbers ??= (require('libphonenumber-js/max') as { findPhoneNumbersInText: typeof FindPhoneNumbers }).findPhoneNumbersInText;
  return findPhoneNumbers(text, { defaultCountry: 'GB', extended: true }).map((p) => ({ offset: p.startsAt, length: p.endsAt - p.startsAt, category: 'phone' }));
}

/** Where each token starts and ends in the original text (wink-nlp gives token values, not offsets). */
function tokenPositions(text: string, tokens: string[], spaces: string[]): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  tokens.forEach((token, i) => {
    at += spaces[i].length;
    const found = text.indexOf(token, at);
    const start = found >= 0 ? found : at;
    starts.push(start);
    ends.push(start + token.length);
    at = start + token.length;
  });
  return { starts, ends };
}

/** Runs on the bot's own machine with wink-nlp's English model: no text leaves the server. */
export class LocalAnalyser implements FeedbackAnalyser {
  readonly name = 'local';

  async analyse(documents: AnalysisInput[]): Promise<DocumentAnalysis[]> {
    return documents.map((d) => this.analyseOne(d));
  }

  private analyseOne(d: AnalysisInput): DocumentAnalysis {
    const nlp = language();
    const its = nlp.its;
    const doc = nlp.readDoc(d.text);
    const { starts, ends } = tokenPositions(d.text, doc.tokens().out(its.value), doc.tokens().out(its.precedingSpaces));
    const pii = phoneSpans(d.text);
    // wink-nlp's own entity recogniser finds emails, URLs and @mentions.
    doc.entities().each((entity: ItemEntity) => {
      const type = entity.out(its.type);
      if (type !== 'EMAIL' && type !== 'URL' && type !== 'MENTION') return;
      const tokens = entity.tokens();
      const first = tokens.itemAt(0).index();
      const last = tokens.itemAt(tokens.length() - 1).index();
      pii.push({ offset: starts[first], length: ends[last] - starts[first], category: type === 'EMAIL' ? 'email' : 'other' });
    });
    const sentences: number[] = [];
    doc.sentences().each((s: ItemSentence) => sentences.push(Number(s.out(its.sentiment))));
    return { id: d.id, ok: true, sentiment: sentimentOf(Number(doc.out(its.sentiment)), sentences), keyPhrases: doc.customEntities().out(its.normal), pii };
  }
}
