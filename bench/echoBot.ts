// The ceiling for the benchmark: the same HTTP stack as the real bot (restify, the activity envelope,
// BotAdapter with botbuilder's auth, the per-user rate limit) around a bot that only echoes.
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../src/bot/adapter';
import { PerUserRateLimit } from '../src/bot/rateLimit';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';

const config = loadConfig();
const log = createLogger(config.logLevel);
const adapter = createAdapter(config, log);
adapter.use(new PerUserRateLimit(config.rateLimitPerMinute));

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const server = createServer(adapter, new EchoBot(), log, { allowedTenantIds: config.allowedTenantIds, maxRequestBytes: config.maxRequestBytes });
server.listen(config.port, () => {
  const { port } = server.address() as { port: number };
  log.info('ready', { port });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
