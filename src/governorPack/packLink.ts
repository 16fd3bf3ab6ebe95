import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a printable-pack link works: long enough to forward before a meeting, short enough to go stale. */
export const PACK_LINK_DAYS = 7;
export const MIN_SECRET_LENGTH = 32;

export type PackLinkClaims = { userId: string; urn: string; expiresAt: Date };
export type PackLinkCheck = { ok: true; claims: PackLinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

// A token is one base64url blob of fixed-width binary fields, because restify's router refuses a path
// parameter over 100 characters; JSON claims with a separate signature came to nearly twice that.
const VERSION = 1;
const LAYOUT = { version: 0, user: 1, urn: 17, expires: 21, nonce: 25, mac: 31, end: 47 } as const;
const MAC_BYTES = LAYOUT.end - LAYOUT.mac;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{63}$/;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// HMAC-SHA256 truncated to 128 bits (RFC 2104 allows truncation to half the hash length or more).
const mac = (body: Buffer, secret: string) => createHmac('sha256', secret).update('critical-friend.pack-link').update(body).digest().subarray(0, MAC_BYTES);

export function assertUsableSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`The pack link secret must be at least ${MIN_SECRET_LENGTH} characters`);
}

/**
 * A signed, expiring, unguessable token naming one user (their Entra object id, a GUID) and one school:
 * version, user, URN, expiry (seconds since 1970), six random bytes (so no two links are alike), then
 * the MAC over all of them.
 */
export function createPackToken(userId: string, urn: string, secret: string, now: Date, days = PACK_LINK_DAYS): string {
  if (!GUID_PATTERN.test(userId)) throw new Error('createPackToken: the user id must be an Entra object id (a GUID)');
  if (!/^[1-9]\d{5}$/.test(urn)) throw new Error('createPackToken: the URN must be six digits');
  const token = Buffer.alloc(LAYOUT.end);
  token.writeUInt8(VERSION, LAYOUT.version);
  Buffer.from(userId.replace(/-/g, ''), 'hex').copy(token, LAYOUT.user);
  token.writeUInt32BE(Number(urn), LAYOUT.urn);
  token.writeUInt32BE(Math.floor(now.getTime() / 1000) + days * 86400, LAYOUT.expires);
  randomBytes(LAYOUT.mac - LAYOUT.nonce).copy(token, LAYOUT.nonce);
  mac(token.subarray(0, LAYOUT.mac), secret).copy(token, LAYOUT.mac);
  return token.toString('base64url');
}

const guidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** Checks the MAC in constant time before reading any field, then the expiry. */
export function verifyPackToken(token: string, secret: string, now: Date): PackLinkCheck {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== LAYOUT.end || bytes.toString('base64url') !== token) return { ok: false, reason: 'invalid' };
  const expected = mac(bytes.subarray(0, LAYOUT.mac), secret);
  if (!timingSafeEqual(expected, bytes.subarray(LAYOUT.mac))) return { ok: false, reason: 'invalid' };
  if (bytes.readUInt8(LAYOUT.version) !== VERSION) return { ok: false, reason: 'invalid' };
  const urn = bytes.readUInt32BE(LAYOUT.urn);
  const expiresAt = new Date(bytes.readUInt32BE(LAYOUT.expires) * 1000);
  if (urn < 100000 || urn > 999999) return { ok: false, reason: 'invalid' };
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { userId: guidOf(bytes.subarray(LAYOUT.user, LAYOUT.urn).toString('hex')), urn: String(urn), expiresAt } };
}

export const packLinkUrl = (publicBaseUrl: string, token: string) => `${publicBaseUrl.replace(/\/+$/, '')}/packs/${token}.html`;
