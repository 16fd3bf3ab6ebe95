// The Microsoft 365 Agents Playground (an offline Teams emulator), started for `npm start` and for
// the browser tests. It has no CLI flag for its config file or its signed-in user, so both are
// chosen through the environment and a generated copy of .m365agentsplayground.yml.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
const slug = (s) => String(s).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The config file to use when signed in as `wanted` (a first name, surname, full name, email or
 * object id from the yml). The schema wants exactly five users besides the current one, so the
 * chosen person swaps places with the default one; each person gets their own personal chat.
 */
export function playgroundConfigFor(wanted, outDir = path.join(ROOT, '.tmp')) {
  const config = YAML.parse(fs.readFileSync(BASE_CONFIG, 'utf8'));
  const everyone = [config.currentUser, ...config.users];
  if (!wanted) return { configPath: BASE_CONFIG, user: config.currentUser };
  const w = String(wanted).toLowerCase().trim();
  const keys = (u) => [u.givenName, u.surname, u.name, u.email, u.aadObjectId, String(u.email).split('@')[0]].map((k) => String(k).toLowerCase());
  const hits = everyone.filter((u) => keys(u).includes(w));
  const choices = everyone.map((u) => `${slug(u.givenName)} (${u.name})`).join(', ');
  if (hits.length !== 1) throw new Error(`--as "${wanted}" ${hits.length ? 'matches more than one person' : 'is not in .m365agentsplayground.yml'}. Choose one of: ${choices}`);
  const [chosen] = hits;
  if (chosen === config.currentUser) return { configPath: BASE_CONFIG, user: chosen };
  config.users = config.users.map((u) => (u === chosen ? config.currentUser : u));
  config.personalChat = { ...config.personalChat, id: config.personalChat.id.replace(/-[a-z]+$/, `-${slug(chosen.givenName)}`) };
  config.currentUser = chosen;
  fs.mkdirSync(outDir, { recursive: true });
  const configPath = path.join(outDir, `m365agentsplayground-${slug(chosen.givenName)}.yml`);
  fs.writeFileSync(configPath, `# Generated from .m365agentsplayground.yml for ${chosen.name}; do not edit.\n${YAML.stringify(config)}`);
  return { configPath, user: chosen };
}

/**
 * Starts the playground pointed at the bot. Resolves with the port it listens on (it prints only
 * "Listening on <port>" when stdout is not a terminal; everything else goes to its log file).
 */
export function startPlayground({ botEndpoint, configPath, port, logFile = path.join(ROOT, '.tmp', 'm365agentsplayground.log'), openBrowser = false }) {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const args = [cli, '--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--disable-telemetry'];
  if (port) args.push('--port', String(port));
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const env = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // --disable-telemetry stops usage events, but its Application Insights SDK still sends
    // "statsbeat" to Azure unless told not to; offline that is only noise, in a council it is a leak.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  };
  if (openBrowser) delete env.TEAMSAPPTESTER_BROWSER;
  else env.TEAMSAPPTESTER_BROWSER = 'none';
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`the playground exited (${code}); see ${logFile}`)));
  });
  return { child, listening, logFile };
}
