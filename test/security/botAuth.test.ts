import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, readReply } from '../support/conversation';
import { startFakeOpenId, SignOptions } from '../support/fakeOpenId';
import { RunningBot, startBot, teamsMessage } from '../support/runningBot';

const APP_ID = '7e3c1b2a-0f4d-4e5c-8b6a-9d8c7b6a5f4e';
const TENANT = '9c1d6f0e-3b7a-4a8e-8f2d-5e6a7b8c9d00';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

let openId: Awaited<ReturnType<typeof startFakeOpenId>>;
let bot: RunningBot;

beforeAll(async () => {
  openId = await startFakeOpenId();
  bot = await startBot({
    NODE_ENV: 'production',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-used-with-expect-replies',
    BOT_OPENID_METADATA_URL: openId.metadataUrl,
    ALLOWED_TENANT_IDS: TENANT,
    PACK_LINK_SECRET: 'a-test-secret-that-is-long-enough-to-sign-links',
    PUBLIC_BASE_URL: 'https://critical-friend.council.example.org',
  });
});
afterAll(async () => {
  await bot.stop();
  await openId.stop();
});

function send(token: string | undefined, activity = teamsMessage(DEMO.helen, 'how are we doing?')) {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
}

const channelToken = (options: SignOptions = {}, serviceUrl = 'https://smba.trafficmanager.net/uk/') =>
  openId.sign({ serviceurl: serviceUrl }, { audience: APP_ID, ...options });

describe('in production, every request must carry a valid Bot Framework token', () => {
  it('accepts a token signed by the channel’s key for this bot, and answers', async () => {
    const res = await send(channelToken());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Record<string, unknown>[] };
    expect(body.activities.map((a) => readReply(a)).join(' ')).toContain('Leavesden JMI School');
  });

  it.each<[string, () => string | undefined]>([
    ['no token', () => undefined],
    ['a bad signature', () => channelToken({ signWithStrangerKey: true })],
    ['the wrong audience', () => channelToken({ audience: '00000000-0000-4000-8000-000000000000' })],
    ['the wrong issuer', () => channelToken({ issuer: 'https://sts.example.org/' })],
    ['an expired token', () => channelToken({ expiresInSeconds: -600 })],
    ['a token for another service URL', () => channelToken({}, 'https://attacker.example.org/')],
  ])('refuses %s with 401', async (_what, token) => {
    const res = await send(token());
    expect(res.status).toBe(401);
  });

  it('refuses an activity from another Entra tenant, even with a valid token', async () => {
    const activity = teamsMessage(DEMO.helen, 'how are we doing?');
    activity.conversation = { ...(activity.conversation as object), tenantId: OTHER_TENANT };
    activity.channelData = { tenant: { id: OTHER_TENANT } };
    const res = await send(channelToken(), activity);
    expect(res.status).toBe(403);
  });
});
