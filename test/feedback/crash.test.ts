import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { servicesReceivedBy } from '../../src/feedback/servicesReceived';
import { upsertUsers } from '../../src/repos/userRepo';
import { readReply } from '../support/conversation';
import { ROOT, TEMPLATE_DB } from '../support/paths';
import { postActivity, teamsMessage } from '../support/runningBot';
import { tempDbPath } from '../support/testDb';

type Child = { url: string; process: ChildProcess; exited: Promise<unknown> };
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** Starts the real bot server as a separate process on the given database file. */
async function startChild(databasePath: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'feedbackBotProcess.ts'), databasePath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve((JSON.parse(line) as { ready: number }).ready);
    });
    void exited.then((code) => reject(new Error(`bot process exited (${String(code)}) before it was ready: ${err}`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child, exited };
}

type Submission = { user: string; activityId: string; value: Record<string, string> };

/** Fictional governors, one per school, each with one submission per adviser visit their school received. */
async function prepare(databasePath: string, governors: number): Promise<Submission[]> {
  const db = await Database.open(databasePath);
  const schools = await db.all<{ urn: string }>(
    `SELECT DISTINCT v.urn FROM adviser_visits v WHERE v.status = 'completed' AND v.urn NOT IN (SELECT urn FROM user_schools) ORDER BY v.urn LIMIT ?`,
    [governors],
  );
  const users = schools.map((s, i) => ({
    entra_object_id: randomUUID(), email: `crash-governor-${i}@example.org`, display_name: `Crash Governor ${i}`, role: 'governor' as const, school_urns: [s.urn],
  }));
  await upsertUsers(db, users);
  const submissions: Submission[] = [];
  for (const u of users) {
    for (const [i, service] of (await servicesReceivedBy(db, u.school_urns, '2026-12-02')).entries()) {
      submissions.push({
        user: u.entra_object_id,
        activityId: `crash-${submissions.length}`,
        value: { verb: 'feedbackSubmit', cardInstanceId: randomUUID(), service: service.ref, rating: String((i % 5) + 1), helped: 'yes', comment: `Comment ${submissions.length}`, mayContact: 'false' },
      });
    }
  }
  await db.close();
  return submissions;
}

/** Sends one submission as Teams would; resolves with the reference in the thank-you, or undefined if none came. */
async function send(url: string, s: Submission): Promise<string | undefined> {
  const activity = teamsMessage(s.user, undefined, { id: s.activityId, value: s.value });
  const res = await postActivity(url, activity);
  return /FB-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((res.body.activities ?? []).map((a) => readReply(a)).join(' '))?.[0];
}

describe('a crash during a burst of feedback', () => {
  it('keeps every acknowledged submission exactly once, and a resend after restart stores the rest once', { timeout: 180_000 }, async () => {
    const databasePath = tempDbPath();
    fs.copyFileSync(TEMPLATE_DB, databasePath);
    const submissions = await prepare(databasePath, 30);
    expect(submissions.length).toBeGreaterThan(80);

    const first = await startChild(databasePath);
    const acknowledged = new Map<string, string>();
    const killAfter = Math.floor(submissions.length / 3);
    let killed = false;
    const byUser = new Map<string, Submission[]>();
    for (const s of submissions) byUser.set(s.user, [...(byUser.get(s.user) ?? []), s]);
    // Each person sends their cards one after another, as a person clicks; people send at the same time.
    await Promise.all(
      [...byUser.values()].map(async (mine) => {
        for (const s of mine) {
          const reference = await send(first.url, s).catch(() => undefined);
          if (reference) acknowledged.set(s.value.cardInstanceId, reference);
          if (!killed && acknowledged.size >= killAfter) {
            killed = true;
            first.process.kill('SIGKILL');
          }
          if (killed) return;
        }
      }),
    );
    if (!killed) first.process.kill('SIGKILL');
    await first.exited;
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);
    expect(acknowledged.size).toBeLessThan(submissions.length);

    const second = await startChild(databasePath);
    for (const s of submissions) {
      const reference = await send(second.url, s);
      expect(reference).toBeDefined();
      if (acknowledged.has(s.value.cardInstanceId)) expect(reference).toBe(acknowledged.get(s.value.cardInstanceId));
    }
    second.process.kill('SIGKILL');
    await second.exited;

    const db = await Database.open(databasePath);
    const rows = await db.all<{ card_instance_id: string; reference: string }>("SELECT card_instance_id, reference FROM feedback WHERE comment LIKE 'Comment %'");
    await db.close();
    expect(rows).toHaveLength(submissions.length);
    expect(new Set(rows.map((r) => r.card_instance_id)).size).toBe(submissions.length);
    const stored = new Map(rows.map((r) => [r.card_instance_id, r.reference]));
    for (const [card, reference] of acknowledged) expect(stored.get(card)).toBe(reference);
  });
});
