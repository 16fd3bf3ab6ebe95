import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TEMPLATE_DB } from './paths';
import { tempDbPath } from './testDb';

export type BotChild = { url: string; child: ChildProcess; databasePath: string; stderr: () => string; exited: Promise<number | null> };

/**
 * Starts the shipped entry point, src/index.ts, as its own process on a copy of the test database
 * (or on the file given), and waits for its "ready" log line.
 */
export async function spawnBot(env: Record<string, string> = {}, databasePath?: string): Promise<BotChild> {
  const db = databasePath ?? tempDbPath();
  if (!databasePath) fs.copyFileSync(TEMPLATE_DB, db);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', DATABASE_PATH: db, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = out.split('\n').find((l) => l.includes('"msg":"ready"'));
      if (ready) resolve((JSON.parse(ready) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`bot exited with ${code} before it was ready: ${err}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, databasePath: db, stderr: () => err, exited };
}
