import restify from 'restify';
import { ActivityHandler, CloudAdapter } from 'botbuilder';
import { Logger } from './logger';

/** HTTP only: POST /api/messages for Bot Framework activities and GET /healthz for probes. */
export function createServer(adapter: CloudAdapter, bot: ActivityHandler, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'critical-friend', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
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
