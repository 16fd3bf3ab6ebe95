import 'dotenv/config';
import { createApp } from './app';
import { createBotHost } from './botHost';
import { loadConfig } from './config';
import { proactiveRenderers } from './features';
import { startAnalysisWorker } from './feedback/analysisWorker';
import { createLogger } from './logger';
import { startOutboxWorker } from './proactive/proactiveSender';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (config.botAuth.mode === 'local-dev') {
    log.warn('LOCAL DEV MODE: no MICROSOFT_APP_ID, so incoming requests are NOT authenticated. Never expose this to a network.');
  }
  const app = await createApp(config, log);
  const { adapter, server } = createBotHost(config, log, app);
  const botAppId = config.botAuth.mode === 'bot-framework' ? config.botAuth.appId : '';
  const outbox = startOutboxWorker({ db: app.db, adapter, botAppId, renderers: proactiveRenderers(app.features), log });
  const analysis = startAnalysisWorker({ db: app.db, analyser: app.feedbackAnalyser, log });
  server.listen(config.port, () => {
    const { port } = server.address() as { port: number };
    log.info('ready', { url: `http://localhost:${port}/api/messages`, port, msToReady: Date.now() - started, rssMb: Math.round(process.memoryUsage().rss / 1048576) });
  });

  // Node's close() stops accepting and drops idle keep-alive connections; in-flight turns finish,
  // then the outbox and the database close.
  const stop = (signal: string) => {
    log.info('shutting down', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    new Promise<void>((resolve) => server.close(() => resolve()))
      .then(() => outbox.stop())
      .then(() => analysis.stop())
      .then(() => app.db.close())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Critical Friend failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
