// Runs the real bot (src/app + src/botHost) as its own process for tests that must watch it live
// or die: prints one JSON line {"port": N} on stdout once it is listening. Env is its config.
import { createApp } from '../../src/app';
import { createBotHost } from '../../src/botHost';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  const { server } = createBotHost(config, log, app);
  server.listen(config.port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  });
  process.once('SIGTERM', () => {
    server.close(() => app.db.close().then(() => process.exit(0)));
    server.server.closeIdleConnections();
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bot process failed: ${String(err)}\n`);
  process.exit(1);
});
