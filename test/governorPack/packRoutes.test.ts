import { AddressInfo } from 'node:net';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Database } from '../../src/db/database';
import { createPackToken } from '../../src/governorPack/packLink';
import { registerPackRoutes } from '../../src/governorPack/packRoutes';
import { findUser, upsertUsers } from '../../src/repos/userRepo';
import { answerDeps, DEMO } from '../support/conversation';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { TEST_TODAY } from '../support/globalSetup';
import { hertsDb } from '../support/testDb';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const DAY = 86_400_000;

let db: Database;
let deps: AnswerDeps;
let server: restify.Server;
let base: string;
let clock = TEST_TODAY;

beforeAll(async () => {
  ({ db } = await hertsDb());
  deps = await answerDeps(db, { recognize: async () => { throw new Error('the pack route never recognises text'); } });
  server = restify.createServer({ name: 'pack-route-test', handleUncaughtExceptions: false });
  registerPackRoutes(server, deps, { secret: SECRET, publicBaseUrl: 'https://bot.example.org', now: () => clock });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
});

const open = async (token: string) => {
  const res = await fetch(`${base}/packs/${token}.html`);
  return { status: res.status, headers: res.headers, html: await res.text() };
};

describe('GET /packs/:token.html on a real server', () => {
  it('serves the printable pack for the user and school the link names, with the figures from the DfE file', async () => {
    clock = TEST_TODAY;
    const school = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117324');
    const res = await open(createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.html).toContain('Leavesden JMI School');
    expect(res.html).toContain(`<td><strong>${asPercent(school.PTRWM_EXP)}</strong></td>`);
    expect(res.html).toContain('LA school improvement record');
    expect(res.html).toContain('<svg');
  });

  it('tells the browser not to cache it, index it or pass the link on as a referrer', async () => {
    const res = await open(createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('stops working after seven days', async () => {
    const token = createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY);
    clock = new Date(TEST_TODAY.getTime() + 7 * DAY - 60_000);
    expect((await open(token)).status).toBe(200);
    clock = new Date(TEST_TODAY.getTime() + 7 * DAY + 1000);
    const expired = await open(token);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This link has expired');
    expect(expired.html).not.toContain('Leavesden');
    clock = TEST_TODAY;
  });

  it('refuses a link that was altered, signed with another secret, or made up', async () => {
    const token = createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY);
    const otherSchool = Buffer.from(token, 'base64url');
    otherSchool.writeUInt32BE(117147, 17);
    const longer = Buffer.from(token, 'base64url');
    longer.writeUInt32BE(longer.readUInt32BE(21) + 365 * 86400, 21);
    const forgeries = [
      otherSchool.toString('base64url'),
      longer.toString('base64url'),
      createPackToken(DEMO.helen, '117324', 'another-secret-also-long-enough-0123456789', TEST_TODAY),
      'abc.def',
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    ];
    for (const bad of forgeries) {
      const res = await open(bad);
      expect(res.status).toBe(404);
      expect(res.html).not.toContain('Leavesden');
    }
  });

  it('checks the named user’s rights again when opened: a school not theirs, or a service manager, gets no pack', async () => {
    for (const token of [createPackToken(DEMO.helen, '117147', SECRET, TEST_TODAY), createPackToken(DEMO.grace, '117324', SECRET, TEST_TODAY), createPackToken(DEMO.stranger, '117324', SECRET, TEST_TODAY)]) {
      const res = await open(token);
      expect(res.status).toBe(403);
      expect(res.html).not.toMatch(/Leavesden|Sandon|\d+%/);
    }
  });

  it('stops working when the user is taken off the school’s governing board after the link was made', async () => {
    const token = createPackToken(DEMO.priya, '117578', SECRET, TEST_TODAY);
    expect((await open(token)).status).toBe(200);
    const priya = (await findUser(db, DEMO.priya))!;
    await upsertUsers(db, [{ entra_object_id: priya.entraObjectId, email: priya.email, display_name: priya.displayName, role: priya.role, school_urns: ['117324'] }]);
    expect((await open(token)).status).toBe(403);
  });

  it('answers a path that is not a pack link with 404, and keeps serving', async () => {
    expect((await fetch(`${base}/packs/..%2F..%2Fetc%2Fpasswd.html`)).status).toBe(404);
    expect((await fetch(`${base}/packs/`)).status).toBe(404);
    expect((await open(createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY))).status).toBe(200);
  });

  it('refuses to start with a short secret', () => {
    const other = restify.createServer();
    expect(() => registerPackRoutes(other, deps, { secret: 'short', publicBaseUrl: 'https://bot.example.org' })).toThrow(/at least 32 characters/);
  });
});
