// npm run bench — builds, then measures the production build of the bot against an echo bot on the same stack.
// Starts each as `node dist/...` on a copy of the demo database, drives N concurrent conversations
// over HTTP (deliveryMode expectReplies) with a realistic mix of questions for a fixed time, and
// reports turns/s, p50/p99 latency, time to ready and peak resident memory (VmHWM).
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Database } from '../src/db/database';
import { importUsersCsv } from '../src/users/userCsvImport';

const ROOT = path.resolve(__dirname, '..', '..');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 2;

const TENANT = '9c1d6f0e-3b7a-4a8e-8f2d-5e6a7b8c9d00';
/** Fictional people provisioned for the run, one per conversation as in Teams: heads, and governors on two boards. */
const benchUser = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function demoFeedbackAnalysed(databasePath: string): Promise<void> {
  const db = await Database.open(databasePath);
  while (((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'"))?.n ?? 0) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await db.close();
}

async function provisionBenchUsers(databasePath: string): Promise<void> {
  const db = await Database.open(databasePath);
  const open = (phase: string) =>
    db.all<{ urn: string }>("SELECT urn FROM schools WHERE status = 'Open' AND phase = ? ORDER BY urn LIMIT 40", [phase]).then((r) => r.map((x) => x.urn));
  const [primary, secondary] = await Promise.all([open('primary'), open('secondary')]);
  const rows = Array.from({ length: CONCURRENCY }, (_, i) => {
    const role = i % 4 === 3 ? 'governor' : 'headteacher';
    const urns = role === 'governor' ? [primary[i], secondary[i]] : [i % 3 === 2 ? secondary[i] : primary[i]];
    return `${benchUser(i)},bench.user${i}@school.example,Bench User ${i},${role},${urns.join(';')}`;
  });
  const result = await importUsersCsv(db, ['entra_object_id,email,display_name,role,school_urns', ...rows].join('\n'));
  await db.close();
  if (result.errors.length) throw new Error(`bench users: ${JSON.stringify(result.errors)}`);
}

/** What headteachers, governors and officers ask, in rough proportion. */
const MIX = [
  'how are we doing?',
  'what were our KS2 results last year?',
  "what's our persistent absence compared with the county?",
  'show me reading over the last three years',
  "what's our Progress 8?",
  'what is our banding?',
  'how is Sandon JMI doing?',
  'what briefings are coming up?',
  'what traded services are there?',
  'how do I give feedback?',
  'what does progress 8 mean?',
  'help',
];

type Target = { name: string; args: string[] };
/** The production start command's Node flags (package.json start:prod), so the benchmark measures what runs. */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=4 --max-old-space-size=192').split(' ').filter(Boolean);
type Result = { name: string; turns: number; turnsPerSecond: number; p50: number; p99: number; errors: number; readyMs: number; peakRssMb: number; serverCpuMsPerTurn: number };

function activity(conversation: number, turn: number): Record<string, unknown> {
  const user = benchUser(conversation);
  return {
    type: 'message',
    id: `bench-${conversation}-${turn}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    deliveryMode: 'expectReplies',
    from: { id: `29:${user}`, aadObjectId: user },
    recipient: { id: '28:critical-friend' },
    conversation: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    text: MIX[(conversation + turn) % MIX.length],
  };
}

async function start(target: Target, databasePath: string): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...target.args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '10000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = out.split('\n').find((l) => l.includes('"msg":"ready"'));
      if (line) {
        clearInterval(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    }, 5);
    child.once('exit', (code) => reject(new Error(`${target.name} exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  while ((await fetch(`${url}/healthz`).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 5));
  return { child, url, readyMs: Math.round(performance.now() - started) };
}

/** User plus system CPU time of a process so far, in milliseconds (all its threads, SQLite's pool included). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * The load generator shares the machine's two cores with the server, so it is kept light: plain
 * node:http on kept-alive sockets, and a reply is checked for a 200 and at least one activity
 * without parsing it. (fetch plus JSON-parsing every reply cost ~1.6 ms of CPU a turn, as much as
 * the bot itself, and more for the bot's large card replies than for the echo bot's one line.)
 */
function post(agent: http.Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function drive(url: string, seconds: number, record: boolean): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(url);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, conversation) => {
      for (let turn = 0; performance.now() < until; turn++) {
        const t0 = performance.now();
        const { status, text } = await post(agent, target, JSON.stringify(activity(conversation, turn)));
        if (status !== 200 || !text.includes('"activities":[{')) errors++;
        if (record) latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  return { latencies, errors };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(target: Target): Promise<Result> {
  const databasePath = path.join(ROOT, '.tmp', 'bench', `${target.name}.sqlite`);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
  // The first start of the full bot imports the DfE files and seeds the demo layer, whose sample
  // feedback comments it then analyses in the background; the run measures the bot after that,
  // as it would be on any later day. Readiness is measured on that normal restart.
  if (target.name === 'critical-friend') {
    const first = await start(target, databasePath);
    await demoFeedbackAnalysed(databasePath);
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    await provisionBenchUsers(databasePath);
  }
  const { child, url, readyMs } = await start(target, databasePath);
  await drive(url, WARMUP_SECONDS, false);
  const cpuBefore = cpuMs(child.pid ?? 0);
  const { latencies, errors } = await drive(url, SECONDS, true);
  const serverCpu = cpuMs(child.pid ?? 0) - cpuBefore;
  const peak = peakRssMb(child.pid ?? 0);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    turns: sorted.length,
    turnsPerSecond: Math.round(sorted.length / SECONDS),
    p50: Number(percentile(sorted, 50).toFixed(1)),
    p99: Number(percentile(sorted, 99).toFixed(1)),
    errors,
    readyMs,
    peakRssMb: peak,
    serverCpuMsPerTurn: Number((serverCpu / sorted.length).toFixed(2)),
  };
}

async function main(): Promise<void> {
  const echo = await measure({ name: 'echo', args: ['dist/bench/echoBot.js'] });
  const full = await measure({ name: 'critical-friend', args: ['dist/src/index.js'] });
  const report = {
    node: process.version,
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    results: [echo, full],
    targets: {
      throughputAtLeastHalfOfEcho: full.turnsPerSecond >= echo.turnsPerSecond / 2,
      p99Under50ms: full.p99 < 50,
      readyUnder2s: full.readyMs < 2000,
      rssUnder200MB: full.peakRssMb < 200,
    },
  };
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'benchmark.json'), JSON.stringify(report, null, 2));
  console.table(report.results);
  console.table(report.targets);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
