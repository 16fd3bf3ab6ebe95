import restify from 'restify';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { getSchool } from '../repos/schoolRepo';
import { findUser } from '../repos/userRepo';
import { assembleGovernorPack, PackDeps } from './governorPack';
import { mayHavePack } from './packAccess';
import { renderPackHtml } from './packHtml';
import { assertUsableSecret, PACK_LINK_DAYS, verifyPackToken } from './packLink';
import { loadPackRules, PackRules } from './packRules';
import { longDateInLondon } from '../dates';

export type PackLinkOptions = { secret: string; publicBaseUrl: string; now?: () => Date };

type Page = { status: number; html: string };

// The token is in the URL, so the page must not leak it onward (referrer), be cached, or be indexed.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const messagePage = (status: number, title: string, text: string): Page => ({
  status,
  html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head><body style="font-family: Arial, sans-serif; max-width: 40em; margin: 3em auto;"><h1>${title}</h1><p>${text}</p></body></html>`,
});

export const packDepsFrom = (deps: AnswerDeps, rules: PackRules): PackDeps => ({
  db: deps.db,
  catalog: deps.catalog,
  banding: deps.banding,
  rules,
  laRecordProvenance: deps.laRecordProvenance,
});

/** Opens a pack link: the signature and expiry first, then the named user's rights on the school as they are now. */
export async function packPage(deps: PackDeps, secret: string, token: string, now: Date): Promise<Page> {
  const check = verifyPackToken(token, secret, now);
  if (!check.ok && check.reason === 'expired') {
    return messagePage(410, 'This link has expired', `Briefing pack links work for ${PACK_LINK_DAYS} days. Ask Critical Friend in Teams for a new governor briefing.`);
  }
  if (!check.ok) return messagePage(404, 'Link not found', 'This is not a valid briefing pack link. Ask Critical Friend in Teams for a new governor briefing.');
  const user = await findUser(deps.db, check.claims.userId);
  if (!user || !mayHavePack(user, check.claims.urn).allowed) {
    return messagePage(403, 'This pack is no longer available', 'The person this pack was made for no longer has access to it. Ask Critical Friend in Teams for your own briefing.');
  }
  const school = await getSchool(deps.db, check.claims.urn);
  if (!school) return messagePage(404, 'School not found', 'The school in this link is no longer in the data.');
  const pack = await assembleGovernorPack(deps, user, school, now);
  const expires = longDateInLondon(check.claims.expiresAt);
  return { status: 200, html: renderPackHtml(pack, `This page was made for ${user.displayName}; its link stops working on ${expires}.`) };
}

/** GET /packs/:token.html — the printable governor briefing a pack card links to. */
export function registerPackRoutes(server: restify.Server, deps: AnswerDeps, options: PackLinkOptions): void {
  assertUsableSecret(options.secret);
  const packDeps = packDepsFrom(deps, loadPackRules(deps.catalog));
  const now = options.now ?? (() => new Date());
  server.get('/packs/:token.html', async (req, res) => {
    const page = await packPage(packDeps, options.secret, String(req.params.token ?? ''), now());
    res.sendRaw(page.status, page.html, HEADERS);
  });
}
