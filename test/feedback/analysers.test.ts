import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { FeedbackAnalyser } from '../../src/feedback/analysers/analyser';
import { AzureLanguageAnalyser } from '../../src/feedback/analysers/azureLanguageAnalyser';
import { languageServiceConfig } from '../../src/feedback/analysers/languageServiceConfig';
import { createFeedbackAnalyser } from '../../src/feedback/analysers/createAnalyser';
import { LocalAnalyser } from '../../src/feedback/analysers/localAnalyser';
import { claimDueComments } from '../../src/feedback/analysisRepo';
import { analysePending, MAX_ANALYSIS_ATTEMPTS, startAnalysisWorker } from '../../src/feedback/analysisWorker';
import { insertFeedback } from '../../src/feedback/feedbackRepo';
import { hertsDb } from '../support/testDb';
import { FakeLanguageService } from './fakeLanguageService';
import { DEMO, readReply } from '../support/conversation';
import { chat, feedbackWorld, LEAVESDEN, NOW, say, submitValue } from './feedbackSupport';

const KEY = 'test-key-0123456789';
let db: Database;
let fake: FakeLanguageService;
let azure: AzureLanguageAnalyser;

beforeAll(async () => {
  fake = await new FakeLanguageService(KEY, ['Tom Hartley', 'Jane Doe']).start();
  azure = new AzureLanguageAnalyser({ endpoint: fake.url, key: KEY }, 500);
});
afterAll(() => fake.close());
beforeEach(async () => {
  ({ db } = await hertsDb());
  fake.mode = 'ok';
  fake.requests.length = 0;
});
afterEach(() => db.close());

let serial = 0;
/** Stores feedback with these comments as the bot would, pending analysis; returns their ids. */
async function store(comments: string[], at: Date = NOW): Promise<number[]> {
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const comment of comments) {
      serial++;
      const stored = await insertFeedback(tx, {
        urn: LEAVESDEN, serviceRef: `visit:${900000 + serial}`, serviceKind: 'adviser_visit', serviceDate: '2026-11-20', rating: 4, helped: 'yes',
        comment, mayContact: false, submittedBy: `tester-${serial}`, submitterRole: 'headteacher', submittedAt: at,
        cardInstanceId: `card-${serial}`, activityKey: null,
      });
      ids.push(stored?.id ?? -1);
    }
    return ids;
  });
}

type Row = { analysis_status: string; analysis_attempts: number; next_attempt_at: string; sentiment: string | null; key_phrases: string | null; redacted_comment: string | null; analysed_by: string | null; analysis_error: string | null };
const row = async (id: number) => (await db.get<Row>('SELECT * FROM feedback WHERE id = ?', [id])) as Row;
const run = (analyser: FeedbackAnalyser, at: Date = NOW) => analysePending({ db, analyser }, at);
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('the Azure AI Language analyser, through the real client against a local fake of the service', () => {
  it('sends each action in batches within the service’s per-request limits, with the key and api-version', async () => {
    const ids = await store(Array.from({ length: 12 }, (_, i) => `Comment ${i}: a helpful adviser visit with clear next steps.`));
    const result = await run(azure);
    expect(result).toMatchObject({ claimed: 12, analysed: 12 });
    const sizes = (kind: string) => fake.requests.filter((r) => r.kind === kind).map((r) => r.ids.length);
    expect(sizes('SentimentAnalysis')).toEqual([10, 2]);
    expect(sizes('KeyPhraseExtraction')).toEqual([10, 2]);
    expect(sizes('PiiEntityRecognition')).toEqual([5, 5, 2]);
    expect(new Set(fake.requests.map((r) => r.apiVersion))).toEqual(new Set(['2023-04-01']));
    expect(fake.requests.find((r) => r.kind === 'PiiEntityRecognition')?.parameters.piiCategories).toContain('Person');
    expect(await row(ids[0])).toMatchObject({ analysis_status: 'done', analysed_by: 'azure', sentiment: 'positive' });
    expect(JSON.parse((await row(ids[0])).key_phrases ?? '[]')).toEqual(['adviser visit', 'next steps']);
  });

  it('stores sentiment, key phrases without names, and a comment with personal data redacted', async () => {
    const [id] = await store(['Tom Hartley gave a helpful but rushed visit. The headteacher asked for the written report at jane.doe@school.example or 01923 555012.']);
    await run(azure);
    const r = await row(id);
    expect(r.sentiment).toBe('mixed');
    expect(r.redacted_comment).toBe('[name] gave a helpful but rushed visit. The headteacher asked for the written report at [email] or [phone].');
    expect(JSON.parse(r.key_phrases ?? '[]')).toEqual(['written report']);
  });

  it('a per-document error fails that comment only, and the others are analysed', async () => {
    const [bad, good] = await store(['UNSUPPORTED text in a language the service refuses', 'A useful visit.']);
    await run(azure);
    expect(await row(bad)).toMatchObject({ analysis_status: 'failed', analysis_error: expect.stringContaining('UnsupportedLanguageCode') });
    expect(await row(good)).toMatchObject({ analysis_status: 'done', sentiment: 'positive' });
  });

  it('when throttled (429) the feedback waits, retried no sooner than Retry-After, and is analysed once the service is back', async () => {
    const [id] = await store(['A useful visit.']);
    fake.mode = 'throttle';
    expect(await run(azure)).toMatchObject({ claimed: 1, retrying: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ analysis_status: 'pending', analysis_attempts: 1, analysis_error: expect.stringContaining('429') });
    expect(Date.parse(waiting.next_attempt_at) - NOW.getTime()).toBe(fake.retryAfterSeconds * 1000);
    expect(await run(azure, later(60_000))).toMatchObject({ claimed: 0 });
    fake.mode = 'ok';
    expect(await run(azure, later(fake.retryAfterSeconds * 1000))).toMatchObject({ analysed: 1 });
    expect(await row(id)).toMatchObject({ analysis_status: 'done', analysis_attempts: 2 });
  });

  it('when the service fails (5xx) the feedback is retried with growing back-off, and marked failed after the last attempt', async () => {
    const [id] = await store(['A useful visit.']);
    fake.mode = 'fail';
    let at = NOW;
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= MAX_ANALYSIS_ATTEMPTS; attempt++) {
      await run(azure, at);
      const r = await row(id);
      if (attempt < MAX_ANALYSIS_ATTEMPTS) {
        expect(r).toMatchObject({ analysis_status: 'pending', analysis_attempts: attempt });
        const next = new Date(r.next_attempt_at);
        gaps.push(next.getTime() - at.getTime());
        at = next;
      } else expect(r).toMatchObject({ analysis_status: 'failed', analysis_attempts: MAX_ANALYSIS_ATTEMPTS, analysis_error: expect.stringContaining('500') });
    }
    expect(gaps.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);
    expect(gaps.every((g, i) => i === 0 || g >= gaps[i - 1])).toBe(true);
    expect(await db.get('SELECT rating, comment FROM feedback WHERE id = ?', [id])).toEqual({ rating: 4, comment: 'A useful visit.' });
  });

  it('when the service is too slow the call is abandoned and the feedback waits', async () => {
    const [id] = await store(['A useful visit.']);
    fake.mode = 'hang';
    const started = Date.now();
    expect(await run(azure)).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await row(id)).toMatchObject({ analysis_status: 'pending', analysis_attempts: 1 });
  });

  it('a wrong key is a failure of the batch, not of the feedback', async () => {
    const [id] = await store(['A useful visit.']);
    await run(new AzureLanguageAnalyser({ endpoint: fake.url, key: 'wrong' }, 500));
    expect(await row(id)).toMatchObject({ analysis_status: 'pending', analysis_error: expect.stringContaining('401') });
  });
});

describe('the analysis worker', () => {
  it('analyses what was stored while it runs, and stop() waits for the poll in progress', async () => {
    const ids = await store(['A useful visit.', 'A poor, disappointing visit.']);
    const worker = startAnalysisWorker({ db, analyser: new LocalAnalyser() }, 20, () => NOW);
    for (let i = 0; i < 100 && (await row(ids[1])).analysis_status === 'pending'; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect([(await row(ids[0])).sentiment, (await row(ids[1])).sentiment]).toEqual(['positive', 'negative']);
  });

  it('picks up a comment whose analysis was interrupted (the process died holding it) once its lease runs out', async () => {
    const [id] = await store(['A useful visit.']);
    await claimDueComments(db, NOW, later(10 * 60_000), 20);
    expect(await run(new LocalAnalyser(), later(5 * 60_000))).toMatchObject({ claimed: 0 });
    expect(await run(new LocalAnalyser(), later(10 * 60_000))).toMatchObject({ analysed: 1 });
    expect(await row(id)).toMatchObject({ analysis_status: 'done', analysis_attempts: 2 });
  });
});

describe('analysis never blocks or loses a submission', () => {
  it('with Azure not answering, the thank-you comes at once and the summary counts the feedback as waiting', async () => {
    fake.mode = 'hang';
    const w = await feedbackWorld(new AzureLanguageAnalyser({ endpoint: fake.url, key: KEY }, 30_000));
    try {
      const adapter = chat(w, DEMO.helen);
      const [card] = await say(adapter, 'give feedback');
      const started = Date.now();
      const [thanks] = await say(adapter, { value: submitValue(card, { rating: '5', comment: 'A useful visit.' }) });
      expect(Date.now() - started).toBeLessThan(2_000);
      const reference = /FB-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(readReply(thanks))?.[0];
      expect(await w.db.get('SELECT rating, comment, analysis_status FROM feedback WHERE reference = ?', [reference ?? ''])).toEqual({ rating: 5, comment: 'A useful visit.', analysis_status: 'pending' });
      const [summary] = await say(chat(w, DEMO.helen), 'feedback summary');
      expect(readReply(summary)).toContain('1 response is still waiting for text analysis');
    } finally {
      await w.db.close();
    }
  });
});

describe('the local analyser', () => {
  const local = new LocalAnalyser();

  it('finds sentiment and key phrases with wink-nlp’s English model', async () => {
    const [good, bad] = await local.analyse([
      { id: 'a', text: 'The adviser visit was really helpful and gave us clear next steps for our pupil premium strategy.' },
      { id: 'b', text: 'The governor training was poor, far too long and the handouts were confusing.' },
    ]);
    expect(good).toMatchObject({ ok: true, sentiment: 'positive' });
    expect(bad).toMatchObject({ ok: true, sentiment: 'negative' });
    expect(good.ok && good.keyPhrases).toEqual(expect.arrayContaining(['adviser visit', 'pupil premium strategy']));
    expect(bad.ok && bad.keyPhrases).toContain('governor training');
  });

  it('redacts emails, UK phone numbers and the names of people in the bot’s own data', async () => {
    const [id] = await store(['Tom Hartley and Mrs Marsh were great. Email jane.doe@school.example, ring 07700 900123 or +44 1923 555012. We have 240 pupils.']);
    await run(local);
    const r = await row(id);
    expect(r).toMatchObject({ analysis_status: 'done', analysed_by: 'local', sentiment: 'positive' });
    expect(r.redacted_comment).toBe('[name] and [name] were great. Email [email], ring [phone] or [phone]. We have 240 pupils.');
  });

  it('marks feedback without a comment as analysed without calling anything', async () => {
    const [id] = await store(['   ']);
    expect(await run(local)).toMatchObject({ analysed: 1 });
    expect(await row(id)).toMatchObject({ analysis_status: 'done', sentiment: null, redacted_comment: '' });
  });
});

describe('choosing the analyser from the environment', () => {
  it('uses Azure only with both an endpoint and a key, and names a missing or bad variable', async () => {
    expect(languageServiceConfig({})).toBeUndefined();
    expect(languageServiceConfig({ AZURE_LANGUAGE_ENDPOINT: '', AZURE_LANGUAGE_KEY: '' })).toBeUndefined();
    expect(languageServiceConfig({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com', AZURE_LANGUAGE_KEY: 'k' })).toEqual({ endpoint: 'https://x.cognitiveservices.azure.com', key: 'k' });
    expect(() => languageServiceConfig({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com' })).toThrow('AZURE_LANGUAGE_KEY');
    expect(() => languageServiceConfig({ AZURE_LANGUAGE_ENDPOINT: 'not a url', AZURE_LANGUAGE_KEY: 'k' })).toThrow('AZURE_LANGUAGE_ENDPOINT');
    expect((await createFeedbackAnalyser(undefined)).name).toBe('local');
    expect((await createFeedbackAnalyser({ endpoint: 'https://x.cognitiveservices.azure.com', key: 'k' })).name).toBe('azure');
  });
});
