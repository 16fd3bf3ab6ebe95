import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, readReply } from '../support/conversation';
import { teamsMessage } from '../support/runningBot';
import { BotChild, spawnBot } from '../support/spawnBot';

let bot: BotChild;
let port: number;

beforeAll(async () => {
  bot = await spawnBot({ RATE_LIMIT_PER_MINUTE: '10000' });
  port = Number(new URL(bot.url).port);
});
afterAll(async () => {
  bot.child.kill('SIGTERM');
  await bot.exited;
});

/** A deterministic pseudo-random source, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const http = (head: string, body = '') => `${head}\r\n\r\n${body}`;
const post = (headers: string[], body: string) =>
  http(['POST /api/messages HTTP/1.1', 'Host: localhost', ...headers].join('\r\n'), body);
const jsonPost = (body: string, extra: string[] = []) => post(['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, ...extra], body);

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Thousands of broken requests of every kind. */
function malformedRequests(): (string | Buffer)[] {
  const random = rng(20261202);
  const good = teamsMessage(DEMO.helen, 'hello');
  const requests: (string | Buffer)[] = [];
  const wrongFields: unknown[] = [
    { ...good, type: 123 },
    { ...good, type: undefined },
    { ...good, from: 'someone' },
    { ...good, from: { aadObjectId: DEMO.helen } },
    { ...good, conversation: undefined },
    { ...good, conversation: { id: 42 } },
    { ...good, recipient: null },
    { ...good, serviceUrl: 'javascript:alert(1)' },
    { ...good, serviceUrl: 12 },
    { ...good, text: { evil: true } },
    { ...good, text: 'x'.repeat(20_000) },
    { ...good, timestamp: 'yesterday' },
    { ...good, membersAdded: 'everyone' },
    { ...good, membersAdded: [{ id: 5 }] },
    { ...good, value: JSON.parse(nested(500, '{"a":', '}')) },
    { ...good, channelData: 'teams' },
    { ...good, channelData: { tenant: 'x' } },
    { ...good, deliveryMode: { nope: 1 } },
    { ...good, type: 'invoke', name: 'adaptiveCard/action', value: 'x' },
    { ...good, type: 'conversationUpdate', membersAdded: [{ id: '29:x' }] },
    { ...good, type: 'messageReaction' },
    { ...good, type: 'x'.repeat(1000) },
    { ...good, from: { id: '29:x', aadObjectId: 'not-a-guid' } },
    { ...good, from: { id: '29:x', aadObjectId: DEMO.helen }, value: { verb: 'chooseSchool', urn: [1, 2] } },
    { __proto__: { type: 'message' } },
    [],
    'just a string',
    null,
  ];
  for (let round = 0; round < 40; round++) {
    // Broken request lines and raw garbage.
    requests.push('GARBAGE\r\n\r\n', 'POST\r\n\r\n', 'POST /api/messages HTTP/9.9\r\n\r\n', '\r\n\r\n\r\n', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    requests.push(Buffer.from(Array.from({ length: 200 + round }, () => Math.floor(random() * 256))));
    requests.push('POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\n\u0000\u0000\u0000\u0000\u0000');
    // Broken headers.
    requests.push(post(['NoColonHere', 'Content-Length: 2'], '{}'));
    requests.push(post(['Content-Type: application/json', `X-Big: ${'h'.repeat(20_000)}`, 'Content-Length: 2'], '{}'));
    requests.push(post(['Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 50'], '{}'));
    requests.push(post(['Content-Type: application/json', 'Content-Length: -1'], '{}'));
    requests.push(post(['Content-Type: application/json', 'Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n'));
    requests.push(post(['Content-Type: application/json', 'Transfer-Encoding: chunked', 'Content-Length: 4'], '2\r\n{}\r\n0\r\n\r\n'));
    // Odd Host values.
    for (const host of ['', 'localhost:abc', 'x'.repeat(5000), 'ünïcödé.example', '[::1', '127.0.0.1:99999']) {
      requests.push(`POST /api/messages HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    }
    // Wrong or missing content types.
    const body = JSON.stringify(good);
    requests.push(post(['Content-Type: text/plain', `Content-Length: ${body.length}`], body));
    requests.push(post([`Content-Length: ${body.length}`], body));
    requests.push(post(['Content-Type: application/x-www-form-urlencoded', 'Content-Length: 7'], 'a=1&b=2'));
    requests.push(post(['Content-Type: multipart/form-data; boundary=xx', 'Content-Length: 60'], '--xx\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--xx--'));
    requests.push(post(['Content-Type: application/json; charset=utf-16', `Content-Length: ${body.length}`], body));
    // Invalid and deeply nested JSON.
    for (const text of ['{', '{"type":', 'nul', '[1,2', '{"a":1}}', nested(100_000, '[', ']'), nested(50_000, '{"a":', '}'), '"\\ud800"', `{"type":"message","text":"${'\\u0000'.repeat(100)}"}`]) {
      requests.push(jsonPost(text));
    }
    // Activities with missing or wrong-typed fields.
    for (const activity of wrongFields) requests.push(jsonPost(JSON.stringify(activity) ?? 'undefined'));
    // A body far over the limit.
    if (round % 8 === 0) requests.push(jsonPost(JSON.stringify({ ...good, text: 'x'.repeat(2 * 1024 * 1024) })));
  }
  return requests;
}

function fire(payload: string | Buffer, slow = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    const done = () => {
      socket.destroy();
      resolve(response.split('\r\n')[0] ?? '');
    };
    socket.setTimeout(3000, done);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      if (!slow) {
        socket.end(payload);
        return;
      }
      // A slow sender: a few bytes at a time, then it stops sending altogether.
      const bytes = Buffer.from(payload);
      let at = 0;
      const timer = setInterval(() => {
        if (at >= Math.min(bytes.length, 60) || socket.destroyed) return clearInterval(timer);
        socket.write(bytes.subarray(at, at + 3));
        at += 3;
      }, 50);
    });
  });
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<string>): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

async function normalTurn(): Promise<string> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsMessage(DEMO.helen, 'how are we doing?')) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: Record<string, unknown>[] };
  return body.activities.map((a) => readReply(a)).join(' ');
}

describe('the server under malformed traffic', () => {
  it('survives thousands of broken requests and slow senders, then answers a normal turn', async () => {
    const requests = malformedRequests();
    expect(requests.length).toBeGreaterThan(2000);
    const slowSenders = Array.from({ length: 40 }, () => fire(jsonPost(JSON.stringify(teamsMessage(DEMO.helen, 'slow'))), true));
    const statuses = await inBatches(requests, 50, (r) => fire(r));
    if (bot.child.exitCode !== null) throw new Error(`bot died: ${bot.stderr()}`);
    expect(statuses.filter((s) => s.includes(' 500 '))).toEqual([]);
    for (const refused of [' 400 ', ' 413 ']) expect(statuses.some((s) => s.includes(refused)), refused).toBe(true);
    expect(await normalTurn()).toContain('Leavesden JMI School');
    await Promise.all(slowSenders);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.stderr()).not.toMatch(/Uncaught|unhandled|FATAL/i);
    expect(await normalTurn()).toContain('Leavesden JMI School');
  }, 120_000);
});
