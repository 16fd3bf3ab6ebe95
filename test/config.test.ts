import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths';
import { loadConfig } from '../src/config';

const PRODUCTION = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: '7e3c1b2a-0f4d-4e5c-8b6a-9d8c7b6a5f4e',
  ALLOWED_TENANT_IDS: '9c1d6f0e-3b7a-4a8e-8f2d-5e6a7b8c9d00',
  PACK_LINK_SECRET: 'a-test-secret-that-is-long-enough-to-sign-links',
  PUBLIC_BASE_URL: 'https://critical-friend.council.example.org',
};

describe('configuration from the environment', () => {
  it('starts in development from a copy of .env.example as it stands', () => {
    const example = Object.fromEntries(
      fs
        .readFileSync(path.join(ROOT, '.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(loadConfig(example)).toMatchObject({ environment: 'development', botAuth: { mode: 'local-dev' } });
  });

  it('holds no secret values in .env.example', () => {
    const text = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    for (const name of ['MICROSOFT_APP_PASSWORD', 'PACK_LINK_SECRET', 'AZURE_LANGUAGE_KEY']) expect(text).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('runs in local dev mode without an app id', () => {
    expect(loadConfig({}).botAuth).toEqual({ mode: 'local-dev' });
  });

  it('refuses to start in production without an app id', () => {
    expect(() => loadConfig({ ...PRODUCTION, MICROSOFT_APP_ID: '' })).toThrow(/MICROSOFT_APP_ID is required/);
  });

  it('refuses to start in production without a tenant allow-list', () => {
    expect(() => loadConfig({ ...PRODUCTION, ALLOWED_TENANT_IDS: '' })).toThrow(/ALLOWED_TENANT_IDS is required/);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', ALLOWED_TENANT_IDS: 'council', LOG_LEVEL: 'loud' })).toThrow(/PORT.*ALLOWED_TENANT_IDS.*LOG_LEVEL|PORT.*LOG_LEVEL.*ALLOWED/);
  });

  it('accepts a complete production configuration', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ environment: 'production', botAuth: { mode: 'bot-framework', appId: PRODUCTION.MICROSOFT_APP_ID } });
  });
});
