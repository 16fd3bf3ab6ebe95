import restify from 'restify';
import { ActivityHandler } from 'botbuilder';
import { activityEnvelope, tenantOf, toActivity } from './bot/activityEnvelope';
import { BotAdapter } from './bot/adapter';
import { Logger } from './logger';

export type ServerOptions = {
  /** Entra tenant ids allowed in; empty allows any (local development only). */
  allowedTenantIds: string[];
  maxRequestBytes: number;
};

/** HTTP only: POST /api/messages for Bot Framework activities and GET /healthz for probes. */
export function createServer(adapter: BotAdapter, bot: ActivityHandler, log: Logger, options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'critical-friend', handleUncaughtExceptions: false });
  // restify builds `new URL(path, 'http://' + Host)` outside any try block, so a Host such as
  // "localhost:abc" throws an uncaught exception and kills the process. Refuse such requests first.
  server.pre((req, res, next) => {
    if (!URL.canParse(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`)) {
      res.send(400, { error: 'Bad request.' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxRequestBytes, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    const envelope = activityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      res.send(400, { error: 'The request body is not a valid Bot Framework activity.' });
      return;
    }
    const tenant = tenantOf(envelope.data);
    if (options.allowedTenantIds.length && !(tenant && options.allowedTenantIds.includes(tenant))) {
      log.warn('activity from a tenant not on the allow-list refused', { tenant: tenant ?? 'none' });
      res.send(403, { error: 'This bot only serves its own organisation.' });
      return;
    }
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      const outcome = await adapter.handle(toActivity(envelope.data), authHeader, (context) => bot.run(context));
      res.send(outcome.status, outcome.body ?? undefined);
    } catch (err) {
      log.error('request failed', { error: err instanceof Error ? err.stack : String(err) });
      res.send(500, { error: 'Something went wrong.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.on('restifyError', (req, _res, err, callback) => {
    log.warn('http error', { path: req.path(), status: (err as { statusCode?: number }).statusCode });
    return callback();
  });
  return server;
}
