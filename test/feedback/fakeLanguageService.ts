import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for Azure AI Language's synchronous analyze-text API (api-version 2023-04-01),
 * speaking its request and response JSON, its documents-per-request limits, per-document errors,
 * 429 throttling with Retry-After and 5xx failures, so the real @azure/ai-language-text client is
 * what the tests exercise. Its "analysis" is simple word rules: the shapes are what matter.
 */
export type FakeMode = 'ok' | 'throttle' | 'fail' | 'hang';
export type FakeRequest = { kind: string; ids: string[]; apiVersion: string | null; key: string | undefined; parameters: Record<string, unknown> };

type Doc = { id: string; text: string; language?: string };

const LIMITS: Record<string, number> = { SentimentAnalysis: 10, KeyPhraseExtraction: 10, PiiEntityRecognition: 5 };
const MODEL_VERSION = '2023-04-15';
const POSITIVE = /\b(helpful|excellent|useful|great|clear)\b/i;
const NEGATIVE = /\b(poor|late|rushed|vague|disappointing)\b/i;
const PHRASES = /\b(next steps|reading strategy|written report|adviser visit|governor training|[A-Z][a-z]+ [A-Z][a-z]+)\b/g;

const invalid = (id: string, code: string, message: string) => ({ id, error: { code: 'InvalidArgument', message: 'Invalid document in request.', innererror: { code, message } } });

export class FakeLanguageService {
  mode: FakeMode = 'ok';
  retryAfterSeconds = 120;
  readonly requests: FakeRequest[] = [];
  private server!: http.Server;
  private readonly hanging = new Set<http.ServerResponse>();

  constructor(
    readonly key: string,
    private readonly people: string[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(json));
      if (req.method !== 'POST' || url.pathname !== '/language/:analyze-text') return send(404, { error: { code: '404', message: 'Resource not found' } });
      const key = req.headers['ocp-apim-subscription-key'] as string | undefined;
      if (key !== this.key) return send(401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
      const request = JSON.parse(body) as { kind: string; analysisInput: { documents: Doc[] }; parameters?: Record<string, unknown> };
      const docs = request.analysisInput.documents;
      this.requests.push({ kind: request.kind, ids: docs.map((d) => d.id), apiVersion: url.searchParams.get('api-version'), key, parameters: request.parameters ?? {} });
      if (this.mode === 'hang') return this.hanging.add(res);
      if (this.mode === 'throttle') {
        return send(429, { error: { code: '429', message: 'Requests to the Analyze Text API have exceeded the call rate limit of your current pricing tier.' } }, { 'retry-after': String(this.retryAfterSeconds) });
      }
      if (this.mode === 'fail') return send(500, { error: { code: 'InternalServerError', message: 'Internal error has occurred.' } });
      if (docs.length > LIMITS[request.kind]) {
        return send(400, { error: { code: 'InvalidArgument', message: 'Invalid document in request.', innererror: { code: 'InvalidDocumentBatch', message: `Batch request contains too many records. Max ${LIMITS[request.kind]} records are permitted.` } } });
      }
      return send(200, this.results(request.kind, docs, request.parameters ?? {}));
    });
  }

  private results(kind: string, docs: Doc[], parameters: Record<string, unknown>) {
    const errors = docs.filter((d) => !d.text.trim() || d.text.length > 5120 || d.text.includes('UNSUPPORTED')).map((d) =>
      d.text.includes('UNSUPPORTED') ? invalid(d.id, 'UnsupportedLanguageCode', 'Invalid language code.') : invalid(d.id, 'InvalidDocument', 'Document text is empty or too long.'),
    );
    const good = docs.filter((d) => !errors.some((e) => e.id === d.id));
    if (kind === 'SentimentAnalysis') return { kind: 'SentimentAnalysisResults', results: { documents: good.map((d) => this.sentiment(d)), errors, modelVersion: MODEL_VERSION } };
    if (kind === 'KeyPhraseExtraction') {
      return { kind: 'KeyPhraseExtractionResults', results: { documents: good.map((d) => ({ id: d.id, keyPhrases: [...new Set(d.text.match(PHRASES) ?? [])], warnings: [] })), errors, modelVersion: MODEL_VERSION } };
    }
    const categories = (parameters.piiCategories as string[] | undefined) ?? ['Person', 'Email', 'PhoneNumber', 'Organization', 'PersonType'];
    return { kind: 'PiiEntityRecognitionResults', results: { documents: good.map((d) => this.pii(d, categories)), errors, modelVersion: MODEL_VERSION } };
  }

  private sentiment(d: Doc) {
    const pos = POSITIVE.test(d.text);
    const neg = NEGATIVE.test(d.text);
    const label = pos && neg ? 'mixed' : pos ? 'positive' : neg ? 'negative' : 'neutral';
    const scores = { positive: pos ? 0.9 : 0.05, neutral: pos || neg ? 0.05 : 0.9, negative: neg ? 0.9 : 0.05 };
    return {
      id: d.id,
      sentiment: label,
      confidenceScores: scores,
      sentences: [{ text: d.text, sentiment: label === 'mixed' ? 'neutral' : label, confidenceScores: scores, offset: 0, length: d.text.length }],
      warnings: [],
    };
  }

  private pii(d: Doc, categories: string[]) {
    const found: { text: string; category: string; offset: number; length: number; confidenceScore: number }[] = [];
    const add = (category: string, re: RegExp) => {
      for (const m of d.text.matchAll(re)) found.push({ text: m[0], category, offset: m.index ?? 0, length: m[0].length, confidenceScore: 0.95 });
    };
    add('Email', /[\w.+-]+@[\w-]+(\.[\w-]+)+/g);
    add('PhoneNumber', /\b0\d{3,4} ?\d{3} ?\d{3,4}\b/g);
    for (const name of this.people) add('Person', new RegExp(name, 'g'));
    add('PersonType', /\bheadteacher\b/gi);
    const entities = found.filter((e) => categories.includes(e.category)).sort((a, b) => a.offset - b.offset);
    let redactedText = d.text;
    for (const e of entities) redactedText = redactedText.slice(0, e.offset) + '*'.repeat(e.length) + redactedText.slice(e.offset + e.length);
    return { id: d.id, redactedText, entities, warnings: [] };
  }
}
