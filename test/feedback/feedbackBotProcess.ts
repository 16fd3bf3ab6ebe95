import { AddressInfo } from 'node:net';
import { ConversationState } from 'botbuilder';
import { createFeedbackFeature } from '../../dialogs/feedback/feedbackFeature';
import { createApp } from '../../src/app';
import { CriticalFriendBot } from '../../src/bot/criticalFriendBot';
import { SqliteStorage } from '../../src/bot/sqliteStorage';
import { createBotHost } from '../../src/botHost';
import { loadConfig } from '../../src/config';
import { LocalAnalyser } from '../../src/feedback/analysers/localAnalyser';
import { createLogger } from '../../src/logger';

/**
 * The real bot server in its own process, for the crash test: node --import tsx feedbackBotProcess.ts <database file>.
 * Composed as src/main.ts does it, with the feedback feature added if the composition root does not
 * register it yet. Prints {"ready":<port>} on stdout when it accepts requests; it is meant to be killed.
 */
async function main(): Promise<void> {
  const databasePath = process.argv[2];
  if (!databasePath) throw new Error('usage: feedbackBotProcess.ts <database file>');
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  const features = app.features.some((f) => f.name === 'feedback')
    ? app.features
    : [...app.features, createFeedbackFeature(app.deps, { analyser: new LocalAnalyser() })];
  const bot = new CriticalFriendBot(app.deps, new ConversationState(new SqliteStorage(app.db)), features);
  const { server } = createBotHost(config, log, { ...app, bot });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ ready: (server.address() as AddressInfo).port })}\n`));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
