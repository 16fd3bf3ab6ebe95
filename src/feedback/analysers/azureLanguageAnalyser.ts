import { AzureKeyCredential, TextAnalysisClient, TextDocumentInput } from '@azure/ai-language-text';
import { Sentiment } from '../feedbackRepo';
import { AnalysisInput, AnalysisUnavailable, DocumentAnalysis, FeedbackAnalyser, PiiSpan } from './analyser';
import { LanguageServiceConfig } from './languageServiceConfig';

/**
 * Documents per synchronous request for each action, from the service's published data limits
 * (more gives HTTP 400 for the whole request).
 */
export const BATCH_LIMITS = { SentimentAnalysis: 10, KeyPhraseExtraction: 10, PiiEntityRecognition: 5 } as const;
type Action = keyof typeof BATCH_LIMITS;

/** Only these kinds of personal data are redacted: the service's default set also marks "headteacher" and school names. */
const PII_CATEGORIES = ['Person', 'Email', 'PhoneNumber', 'Address', 'IPAddress', 'UKNationalInsuranceNumber', 'UKNationalHealthNumber'];

/** Per-document error codes worth trying again later; anything else (an invalid document) will never succeed. */
const TRANSIENT_DOCUMENT_ERRORS = new Set(['InternalServerError', 'ServiceUnavailable', 'Timeout', 'TooManyRequests']);

/**
 * Plain http is accepted only on this machine: the Language service's own containers listen on
 * http://localhost:5000. The key is never sent in clear across a network.
 */
const isLoopbackHttp = (endpoint: string) => {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
};

const piiCategory = (c: string): PiiSpan['category'] => (c === 'Person' ? 'name' : c === 'Email' ? 'email' : c === 'PhoneNumber' ? 'phone' : 'other');

type Findings = { sentiment?: Sentiment; keyPhrases?: string[]; pii?: PiiSpan[]; error?: { code: string; message: string } };

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Azure AI Language through its own client (@azure/ai-language-text, TextAnalysisClient.analyze):
 * sentiment, key phrases and PII entities. The client's own retries are turned off: a failed batch
 * stays in the feedback table and is retried with back-off by the analysis worker, which survives
 * restarts, rather than by an in-memory loop that holds the worker up.
 */
export class AzureLanguageAnalyser implements FeedbackAnalyser {
  readonly name = 'azure';
  private readonly client: TextAnalysisClient;

  constructor(
    config: LanguageServiceConfig,
    private readonly timeoutMs = 20_000,
  ) {
    this.client = new TextAnalysisClient(config.endpoint, new AzureKeyCredential(config.key), {
      retryOptions: { maxRetries: 0 },
      allowInsecureConnection: isLoopbackHttp(config.endpoint),
    });
  }

  async analyse(documents: AnalysisInput[]): Promise<DocumentAnalysis[]> {
    const inputs: TextDocumentInput[] = documents.map((d) => ({ id: d.id, text: d.text, language: 'en' }));
    const found = new Map<string, Findings>(documents.map((d) => [d.id, {}]));
    for (const action of Object.keys(BATCH_LIMITS) as Action[]) {
      for (const batch of chunks(inputs, BATCH_LIMITS[action])) await this.run(action, batch, found);
    }
    return documents.map((d) => {
      const f = found.get(d.id) ?? {};
      if (f.error) return { id: d.id, ok: false, error: `${f.error.code}: ${f.error.message}`, retryable: TRANSIENT_DOCUMENT_ERRORS.has(f.error.code) };
      return { id: d.id, ok: true, sentiment: f.sentiment ?? 'neutral', keyPhrases: f.keyPhrases ?? [], pii: f.pii ?? [] };
    });
  }

  private async run(action: Action, batch: TextDocumentInput[], found: Map<string, Findings>): Promise<void> {
    let retryAfterMs: number | undefined;
    const common = {
      abortSignal: AbortSignal.timeout(this.timeoutMs),
      onResponse: (raw: { status: number; headers: { get(name: string): string | undefined } }) => {
        const seconds = Number(raw.headers.get('retry-after'));
        if (raw.status === 429 || raw.status === 503) retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
      },
    };
    const answered = new Set<string>();
    const merge = (id: string, part: Findings) => {
      answered.add(id);
      this.merge(found, id, part);
    };
    try {
      if (action === 'SentimentAnalysis') {
        for (const r of await this.client.analyze(action, batch, common)) merge(r.id, r.error ? { error: r.error } : { sentiment: r.sentiment });
      } else if (action === 'KeyPhraseExtraction') {
        for (const r of await this.client.analyze(action, batch, common)) merge(r.id, r.error ? { error: r.error } : { keyPhrases: r.keyPhrases });
      } else {
        const results = await this.client.analyze(action, batch, { ...common, categoriesFilter: PII_CATEGORIES });
        for (const r of results) {
          merge(r.id, r.error ? { error: r.error } : { pii: r.entities.map((e) => ({ offset: e.offset, length: e.length, category: piiCategory(e.category) })) });
        }
      }
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      const why = err instanceof Error ? err.message : String(err);
      throw new AnalysisUnavailable(`Azure AI Language ${action} failed${status ? ` (HTTP ${status})` : ''}: ${why}`, retryAfterMs);
    }
    for (const d of batch.filter((b) => !answered.has(b.id))) this.merge(found, d.id, { error: { code: 'InternalServerError', message: `no ${action} result returned` } });
  }

  /** The first error for a document wins; a document the service left out of its answer counts as an error too. */
  private merge(found: Map<string, Findings>, id: string, part: Findings): void {
    const current = found.get(id);
    if (current && !current.error) found.set(id, { ...current, ...part });
  }
}
