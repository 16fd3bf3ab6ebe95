import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TEMPLATE_DB } from './paths';
import { tempDbPath } from './testDb';

export type BotChild = { url: string; child: ChildProcess; databasePath: string; stderr: () => string; exited: Promise<number | null> };

/** Starts test/support/botProcess.ts in a child process on a copy of the test database (or the file given). */
export async function spawnBot(env: Record<string, string> = {}, databasePath?: string): Promise<BotChild> {
  const db = databasePath ?? tempDbPath();
  if (!databasePath) fs.copyFileSync(TEMPLATE_DB, db);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'botProcess.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', DATABASE_PATH: db, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening: ${err}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, databasePath: db, stderr: () => err, exited };
}
