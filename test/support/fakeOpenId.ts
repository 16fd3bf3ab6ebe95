import http from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

type Key = { kid: string; privateKey: KeyObject; publicKey: KeyObject };

const newKey = (kid: string): Key => ({ kid, ...generateKeyPairSync('rsa', { modulusLength: 2048 }) });

/**
 * A local stand-in for login.botframework.com: an OpenID metadata document and its JWKS, with keys
 * endorsed for the msteams channel, so botbuilder's real validation runs against tokens we sign.
 */
export async function startFakeOpenId(): Promise<{ metadataUrl: string; sign: (claims: object, options?: SignOptions) => string; stop(): Promise<void> }> {
  const trusted = newKey('trusted-key');
  const stranger = newKey('trusted-key');
  let base = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      const jwk = trusted.publicKey.export({ format: 'jwk' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kty: 'RSA', use: 'sig', kid: trusted.kid, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign: (claims, options = {}) =>
      jwt.sign(claims, (options.signWithStrangerKey ? stranger : trusted).privateKey, {
        algorithm: 'RS256',
        keyid: trusted.kid,
        issuer: options.issuer ?? CHANNEL_ISSUER,
        audience: options.audience,
        expiresIn: options.expiresInSeconds ?? 3600,
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SignOptions = { audience?: string; issuer?: string; expiresInSeconds?: number; signWithStrangerKey?: boolean };
