import { describe, expect, it } from 'vitest';
import { createPackToken, packLinkUrl, verifyPackToken } from '../../src/governorPack/packLink';
import { DEMO } from '../support/conversation';
import { TEST_TODAY } from '../support/globalSetup';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('a printable-pack link token', () => {
  it('names the user and school it was made for and when it expires', () => {
    const check = verifyPackToken(createPackToken(DEMO.priya, '117578', SECRET, TEST_TODAY), SECRET, TEST_TODAY);
    expect(check).toEqual({ ok: true, claims: { userId: DEMO.priya, urn: '117578', expiresAt: new Date(TEST_TODAY.getTime() + 7 * 86_400_000) } });
  });

  it('is different every time, even for the same pack, and short enough for a URL path segment', () => {
    const tokens = Array.from({ length: 50 }, () => createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY));
    expect(new Set(tokens).size).toBe(50);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('is refused after its expiry and when any bit of it is changed', () => {
    const token = createPackToken(DEMO.helen, '117324', SECRET, TEST_TODAY);
    expect(verifyPackToken(token, SECRET, new Date(TEST_TODAY.getTime() + 8 * 86_400_000))).toEqual({ ok: false, reason: 'expired' });
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] ^= 0x01;
      expect(verifyPackToken(altered.toString('base64url'), SECRET, TEST_TODAY).ok).toBe(false);
    }
  });

  it('builds the link under the public base URL', () => {
    expect(packLinkUrl('https://bot.example.org/', 'abc')).toBe('https://bot.example.org/packs/abc.html');
  });
});
