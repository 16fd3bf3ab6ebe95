import 'dotenv/config';
import { createAdapter } from './bot/adapter';
import { createApp } from './app';
import { proactiveRenderers } from './features';
import { startOutboxWorker } from './proactive/proactiveSender';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createServer } from './server';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (config.botAuth.mode === 'local-dev') {
    log.warn('LOCAL DEV MODE: no MICROSOFT_APP_ID, so incoming requests are NOT authenticated. Never expose this to a network.');
  }
  const { db, bot, features } = await createApp(config, log);
  const adapter = createAdapter(config, log);
  const server = createServer(adapter, bot, log);
  const botAppId = config.botAuth.mode === 'bot-framework' ? config.botAuth.appId : '';
  const outbox = startOutboxWorker({ db, adapter, botAppId, renderers: proactiveRenderers(features), log });
  server.listen(config.port, () => {
    log.info('ready', { url: `http://localhost:${config.port}/api/messages`, msToReady: Date.now() - started, rssMb: Math.round(process.memoryUsage().rss / 1048576) });
  });
  const stop = () => server.close(() => outbox.stop().then(() => db.close()).finally(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Critical Friend failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
