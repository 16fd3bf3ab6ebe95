import restify from 'restify';
import { App } from './app';
import { BotAdapter, createAdapter } from './bot/adapter';
import { PerUserRateLimit } from './bot/rateLimit';
import { AppConfig } from './config';
import { registerPackRoutes } from './governorPack/packRoutes';
import { Logger } from './logger';
import { createServer } from './server';

/** The adapter (auth, rate limit, error boundary) and the HTTP server around an app. */
export function createBotHost(config: AppConfig, log: Logger, app: App): { adapter: BotAdapter; server: restify.Server } {
  const adapter = createAdapter(config, log);
  adapter.use(new PerUserRateLimit(config.rateLimitPerMinute));
  const server = createServer(adapter, app.bot, log, { allowedTenantIds: config.allowedTenantIds, maxRequestBytes: config.maxRequestBytes });
  registerPackRoutes(server, app.deps, { secret: config.packLinkSecret, publicBaseUrl: config.publicBaseUrl });
  return { adapter, server };
}
