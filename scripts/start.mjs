#!/usr/bin/env node
// npm start: the bot with its demo data, and the Microsoft 365 Agents Playground to chat with it.
//
//   npm start                   signed in as Helen Marsh (headteacher)
//   npm start -- --as priya     as another person in .m365agentsplayground.yml: helen, daniel,
//                               priya, margaret, tom or grace (first name, surname, email or object id)
//   npm start -- --open         also open a browser
//
// Environment: PORT (bot, default 3978), PLAYGROUND_PORT (default 56150), BOT_COMMAND (a shell
// command that starts the bot instead of `npx tsx src/index.ts`). Ctrl-C stops both; if either
// exits, the other is stopped too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { playgroundConfigFor, ROOT, startPlayground } from './playground.mjs';

const say = (msg) => console.log(`[start] ${msg}`);
const botPort = Number(process.env.PORT || 3978);
const args = process.argv.slice(2);
const asIndex = args.indexOf('--as');
const wanted = asIndex >= 0 ? args[asIndex + 1] : undefined;

let config;
try {
  config = playgroundConfigFor(wanted);
} catch (err) {
  console.error(`[start] ${err.message}`);
  process.exit(2);
}

const children = [];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function watch(name, child) {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
    stop(1);
  });
}

async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const botCommand = process.env.BOT_COMMAND || 'npx tsx src/index.ts';
say(`starting the bot: ${botCommand} (PORT=${botPort})`);
watch('the bot', spawn(botCommand, { cwd: ROOT, shell: true, detached: true, env: { ...process.env, PORT: String(botPort) }, stdio: ['ignore', 'inherit', 'inherit'] }));

try {
  await waitForHealth(`http://localhost:${botPort}/healthz`);
  const playground = startPlayground({
    botEndpoint: `http://localhost:${botPort}/api/messages`,
    configPath: config.configPath,
    port: Number(process.env.PLAYGROUND_PORT || 56150),
    openBrowser: args.includes('--open'),
  });
  watch('the playground', playground.child);
  const port = await playground.listening;
  say(`Open http://localhost:${port} and chat in "Personal Chat" as ${config.user.name}. Ctrl-C stops.`);
  say(`Playground log: ${path.relative(ROOT, playground.logFile)}`);
} catch (err) {
  console.error(`[start] ${err.message}`);
  stop(1);
}
