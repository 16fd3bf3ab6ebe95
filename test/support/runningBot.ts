import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import restify from 'restify';
import { createApp, App } from '../../src/app';
import { createBotHost } from '../../src/botHost';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { TEMPLATE_DB } from './paths';
import { tempDbPath } from './testDb';

export type RunningBot = { url: string; app: App; server: restify.Server; stop(): Promise<void> };

/** The real composition: config from env, SQLite file, restify on a free port. */
export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  const databasePath = tempDbPath();
  fs.copyFileSync(TEMPLATE_DB, databasePath);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', ...env });
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  const { server } = createBotHost(config, log, app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => app.db.close().then(resolve))),
  };
}

let counter = 0;

/** A Teams personal-chat message as the Teams channel sends it, asking for replies in the HTTP response. */
export function teamsMessage(aadObjectId: string, text: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `1733130000${String(counter).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    deliveryMode: 'expectReplies',
    from: { id: `29:1${aadObjectId.replace(/-/g, '')}`, name: 'Teams Display Name', aadObjectId },
    recipient: { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Critical Friend' },
    conversation: { id: `a:1personal-${aadObjectId}`, conversationType: 'personal', tenantId: '9c1d6f0e-3b7a-4a8e-8f2d-5e6a7b8c9d00' },
    channelData: { tenant: { id: '9c1d6f0e-3b7a-4a8e-8f2d-5e6a7b8c9d00' } },
    locale: 'en-GB',
    text,
    ...extra,
  };
}

export async function postActivity(url: string, activity: Record<string, unknown>): Promise<{ status: number; body: { activities?: Record<string, unknown>[] } }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
