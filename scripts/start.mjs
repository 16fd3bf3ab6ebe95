#!/usr/bin/env node
// Local dev runner: starts the bot and the Microsoft 365 Agents Playground (offline Teams emulator).
//
//   npm start                      bot + playground, signed in as Helen Marsh (headteacher)
//   npm start -- --as priya        chat as another user from .m365agentsplayground.yml:
//                                  first name, full name, surname, email or Entra object id
//                                  (helen, daniel, priya, tom, grace, margaret)
//   npm start -- --open            also try to open a browser (off by default; never in CI)
//
// It waits for GET http://localhost:$PORT/healthz to answer 200 (60 s max), then starts the
// playground on its default port 56150 (or $PLAYGROUND_PORT; if the port is taken, the
// playground picks a random one) and prints one line: "[start] Open http://localhost:NNNN ...".
// Open that page and chat. Ctrl-C stops both; if either one exits, the other is stopped and
// this script exits non-zero.
//
// Environment:
//   PORT               bot port (default 3978); bot endpoint is http://localhost:$PORT/api/messages
//   PLAYGROUND_PORT    playground port (default: the playground's own, 56150)
//   BOT_COMMAND        shell command that starts the bot instead of `npx tsx src/index.ts`
//                      (e.g. a stub bot in tests); it gets PORT in its environment
//   BOT_HEALTH_TIMEOUT_MS  how long to wait for /healthz (default 60000)
//
// --as writes .tmp/m365agentsplayground.yml (the playground has no flag to pick the current
// user): that person becomes `currentUser`, the previous one moves into `users`, and the
// personal chat id gets that person's suffix, so each user has their own conversation.
// The playground's log goes to .tmp/m365agentsplayground.log (it prints nothing useful to a
// pipe); its telemetry is turned off (--disable-telemetry + APPLICATION_INSIGHTS_NO_STATSBEAT)
// so it makes no outside calls. (The page itself still asks res-1.cdn.office.net for Segoe UI
// fonts and a flair.min.js; offline those fail harmlessly.)

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmpDir = path.join(root, '.tmp');
const baseConfigPath = path.join(root, '.m365agentsplayground.yml');
const logFile = process.env.M365_AGENTS_PLAYGROUND_LOGFILE || path.join(tmpDir, 'm365agentsplayground.log');
const botPort = Number(process.env.PORT || 3978);
const botEndpoint = `http://localhost:${botPort}/api/messages`;
const healthUrl = `http://localhost:${botPort}/healthz`;
const healthTimeoutMs = Number(process.env.BOT_HEALTH_TIMEOUT_MS || 60_000);
const isWindows = process.platform === 'win32';

const say = (msg) => console.log(`[start] ${msg}`);
const fail = (msg) => console.error(`[start] ERROR: ${msg}`);

// ---------- arguments ----------
function parseArgs(argv) {
  const opts = { as: undefined, open: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--as') opts.as = argv[++i];
    else if (a.startsWith('--as=')) opts.as = a.slice(5);
    else if (a === '--open') opts.open = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else throw new Error(`unknown argument "${a}" (use --as <name>, --open)`);
  }
  if ('as' in opts && opts.as !== undefined && !opts.as) throw new Error('--as needs a name, e.g. --as priya');
  return opts;
}

// ---------- tiny YAML subset reader (maps, lists of maps, scalars, comments) ----------
// Enough for .m365agentsplayground.yml; the playground re-validates the result itself.
function parseScalar(raw) {
  const s = raw.trim();
  if (s.startsWith('"')) return JSON.parse(s);
  if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}
function stripComment(line) {
  let q = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === q) q = null; continue; }
    if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}
function parseYamlSubset(text) {
  const lines = text.split(/\r?\n/).map(stripComment)
    .map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim() !== '')
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  let pos = 0;
  function parseBlock(indent) {
    if (pos >= lines.length) return null;
    return lines[pos].text.startsWith('- ') || lines[pos].text === '-' ? parseList(lines[pos].indent) : parseMap(indent);
  }
  function parseMap(indent, obj = {}) {
    while (pos < lines.length && lines[pos].indent === indent && !lines[pos].text.startsWith('- ')) {
      const { text } = lines[pos];
      const m = /^([^:]+?):(?:\s+(.*))?$/.exec(text);
      if (!m) throw new Error(`cannot read YAML line: ${text}`);
      pos++;
      if (m[2] !== undefined && m[2] !== '') obj[m[1]] = parseScalar(m[2]);
      else obj[m[1]] = pos < lines.length && lines[pos].indent > indent ? parseBlock(lines[pos].indent)
        : pos < lines.length && lines[pos].indent === indent && lines[pos].text.startsWith('- ') ? parseList(indent) : null;
    }
    return obj;
  }
  function parseList(indent) {
    const arr = [];
    while (pos < lines.length && lines[pos].indent === indent && lines[pos].text.startsWith('- ')) {
      const rest = lines[pos].text.slice(2);
      const itemIndent = indent + 2;
      if (/^[^:"']+:(\s|$)/.test(rest)) { lines[pos] = { indent: itemIndent, text: rest }; arr.push(parseMap(itemIndent)); }
      else { pos++; arr.push(parseScalar(rest)); }
    }
    return arr;
  }
  const out = parseMap(0);
  if (pos < lines.length) throw new Error(`cannot read YAML near: ${lines[pos].text}`);
  return out;
}

// ---------- choose the signed-in user ----------
const slug = (s) => String(s).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
function userKeys(u) {
  return [u.givenName, u.surname, u.name, u.email, u.userPrincipleName, u.aadObjectId, u.id,
    String(u.email || '').split('@')[0]].filter(Boolean).map((k) => String(k).toLowerCase());
}
function configForUser(wanted) {
  if (!fs.existsSync(baseConfigPath)) {
    // The playground silently falls back to its built-in fake users if the file is missing.
    throw new Error(`${baseConfigPath} not found`);
  }
  if (!wanted) {
    let user = null; // only for the "signed in as" message; the playground reads the file itself
    try { user = parseYamlSubset(fs.readFileSync(baseConfigPath, 'utf8')).currentUser || null; } catch { /* ignore */ }
    return { configPath: baseConfigPath, user };
  }
  const cfg = parseYamlSubset(fs.readFileSync(baseConfigPath, 'utf8'));
  const everyone = [cfg.currentUser, ...(cfg.users || [])];
  const w = String(wanted).toLowerCase().trim();
  let hits = everyone.filter((u) => userKeys(u).includes(w));
  if (hits.length === 0) hits = everyone.filter((u) => String(u.name || '').toLowerCase().includes(w));
  const list = everyone.map((u) => `${slug(u.givenName)} (${u.name})`).join(', ');
  if (hits.length === 0) throw new Error(`--as "${wanted}": no such user in ${path.basename(baseConfigPath)}. Choose one of: ${list}`);
  if (hits.length > 1) throw new Error(`--as "${wanted}" matches ${hits.map((u) => u.name).join(' and ')}. Choose one of: ${list}`);
  const chosen = hits[0];
  if (chosen === cfg.currentUser) return { configPath: baseConfigPath, user: chosen };

  const previous = cfg.currentUser;
  cfg.users = cfg.users.map((u) => (u === chosen ? previous : u));
  cfg.currentUser = chosen;
  const oldSuffix = `-${slug(previous.givenName)}`;
  const chatBase = cfg.personalChat.id.endsWith(oldSuffix) ? cfg.personalChat.id.slice(0, -oldSuffix.length) : cfg.personalChat.id;
  cfg.personalChat = { ...cfg.personalChat, id: `${chatBase}-${slug(chosen.givenName)}` };

  fs.mkdirSync(tmpDir, { recursive: true });
  const out = path.join(tmpDir, 'm365agentsplayground.yml');
  // JSON is valid YAML; the playground validates it against its schema on start.
  fs.writeFileSync(out, `# GENERATED by scripts/start.mjs --as ${wanted} from .m365agentsplayground.yml; do not edit.\n`
    + `${JSON.stringify(cfg, null, 2)}\n`);
  return { configPath: out, user: chosen };
}

// ---------- children ----------
const children = new Map(); // name -> ChildProcess
let stopping = false;

function start(name, command, args, options) {
  const child = spawn(command, args, { cwd: root, detached: !isWindows, ...options });
  children.set(name, child);
  child.on('error', (err) => { fail(`${name} could not start: ${err.message}`); onChildExit(name, 1, null); });
  child.on('exit', (code, signal) => onChildExit(name, code, signal));
  return child;
}

function killTree(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (!isWindows && child.pid) process.kill(-child.pid, signal); // whole process group (npx -> tsx -> node)
    else child.kill(signal);
  } catch { try { child.kill(signal); } catch { /* already gone */ } }
}

let exitCode = 0;
function onChildExit(name, code, signal) {
  if (!children.has(name)) return;
  children.delete(name);
  if (stopping) { if (children.size === 0) finish(); return; }
  fail(`${name} exited (${signal ? `signal ${signal}` : `code ${code}`}); stopping everything.`);
  if (name === 'playground') printPlaygroundLogTail();
  shutdown(code && code !== 0 ? code : 1);
}

function shutdown(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of children.values()) killTree(child, 'SIGTERM');
  if (children.size === 0) return finish();
  setTimeout(() => { for (const child of children.values()) killTree(child, 'SIGKILL'); finish(); }, 5000).unref();
}
let finished = false;
function finish() { if (!finished) { finished = true; process.exit(exitCode); } }

process.on('SIGINT', () => { say('stopping (Ctrl-C)…'); shutdown(0); });
process.on('SIGTERM', () => { say('stopping (SIGTERM)…'); shutdown(0); });
process.on('exit', () => { for (const child of children.values()) killTree(child, 'SIGKILL'); });

function printPlaygroundLogTail() {
  try {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
    if (tail) console.error(`[start] last lines of ${path.relative(root, logFile)}:\n${tail}`);
  } catch { /* no log */ }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForHttp200(url, timeoutMs, stillRunning) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!stillRunning()) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return true;
      last = `HTTP ${res.status}`;
    } catch (e) { last = e.cause?.code || e.message; }
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

// ---------- main ----------
async function main() {
  let opts;
  try { opts = parseArgs(process.argv.slice(2)); } catch (e) { fail(e.message); process.exit(2); }
  if (opts.help) { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n')); return; }

  let config;
  try { config = configForUser(opts.as); } catch (e) { fail(e.message); process.exit(2); }

  const require = createRequire(import.meta.url);
  let playgroundCli;
  try {
    playgroundCli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  } catch { fail('@microsoft/m365agentsplayground is not installed: run npm install'); process.exit(2); }

  // 1. the bot
  const botEnv = { ...process.env, PORT: String(botPort) };
  const botCommand = process.env.BOT_COMMAND;
  say(`starting bot: ${botCommand || 'npx tsx src/index.ts'} (PORT=${botPort})`);
  if (botCommand) start('bot', botCommand, [], { shell: true, env: botEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  else start('bot', 'npx', ['tsx', 'src/index.ts'], { shell: isWindows, env: botEnv, stdio: ['ignore', 'inherit', 'inherit'] });

  try {
    const up = await waitForHttp200(healthUrl, healthTimeoutMs, () => children.has('bot') && !stopping);
    if (!up) return; // bot died or we are stopping; exit handled elsewhere
  } catch (e) {
    fail(`bot is not healthy: ${e.message}. Is it listening on PORT=${botPort} with GET /healthz?`);
    return shutdown(1);
  }
  say(`bot is up: ${botEndpoint}`);

  // 2. the playground
  const args = [playgroundCli, '--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--disable-telemetry'];
  if (process.env.PLAYGROUND_PORT) args.push('--port', String(Number(process.env.PLAYGROUND_PORT)));
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const pgEnv = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: config.configPath, // no CLI flag for the config file
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // --disable-telemetry stops usage events, but the Application Insights SDK it still starts
    // phones home with "statsbeat" (westus-0.in.applicationinsights.azure.com) unless told not to.
    APPLICATION_INSIGHTS_NO_STATSBEAT: process.env.APPLICATION_INSIGHTS_NO_STATSBEAT || 'true',
  };
  if (!opts.open) pgEnv.TEAMSAPPTESTER_BROWSER = 'none'; // otherwise it runs xdg-open/open on start
  else delete pgEnv.TEAMSAPPTESTER_BROWSER;
  const pg = start('playground', process.execPath, args, { env: pgEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  pg.stderr.on('data', (d) => process.stderr.write(`[playground] ${d}`));

  // When stdout is not a TTY the playground writes only "Listening on <port>" there (all its
  // console output goes to the log file), so read the real port from that line.
  const port = await new Promise((resolve) => {
    let buf = '';
    pg.stdout.on('data', (d) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).trim(); buf = buf.slice(i + 1);
        const m = /^Listening on (\d+)$/.exec(line);
        if (m) resolve(Number(m[1])); else if (line) console.log(`[playground] ${line}`);
      }
    });
    pg.on('exit', () => resolve(null));
  });
  if (!port) return;
  try {
    const up = await waitForHttp200(`http://localhost:${port}/_debug/ping`, 30_000, () => children.has('playground') && !stopping);
    if (!up) return;
  } catch (e) { fail(`playground is not answering: ${e.message}`); printPlaygroundLogTail(); return shutdown(1); }

  const who = config.user ? config.user.name : 'the currentUser in .m365agentsplayground.yml';
  say(`Open http://localhost:${port} to chat with the bot in Teams (personal chat) as ${who}`
    + ` — config ${path.relative(root, config.configPath)}, log ${path.relative(root, logFile)}; Ctrl-C stops.`);
}

main().catch((e) => { fail(e.stack || e.message); shutdown(1); });
