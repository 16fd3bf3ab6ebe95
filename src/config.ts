import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { languageServiceConfig, LanguageServiceConfig } from './feedback/analysers/languageServiceConfig';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_PATH: z.string().min(1).default(path.join('.data', 'critical-friend.sqlite')),
  DFE_DATA_DIR: z.string().min(1).default(path.join('data', 'dfe')),
  DEMO_DATA: booleanFlag.default('true'),
  MICROSOFT_APP_ID: z.string().uuid().optional().or(z.literal('').transform(() => undefined)),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  BOT_TOKEN_ISSUER: z.string().url().optional(),
  ALLOWED_TENANT_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().uuid('each ALLOWED_TENANT_IDS entry must be an Entra tenant id (a GUID)'))),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  PACK_LINK_SECRET: z.string().min(32, 'PACK_LINK_SECRET must be at least 32 characters').optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SUPPORT_CONTACT: z.string().min(1).default('the school improvement team (schoolimprovement@council.example)'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SNAPSHOT_MAX_AGE_MS: z.coerce.number().int().min(0).max(60_000).optional(),
});

export type AppConfig = {
  environment: 'development' | 'production' | 'test';
  port: number;
  databasePath: string;
  dfeDataDir: string;
  loadDemoData: boolean;
  supportContact: string;
  /** Empty means any tenant (local development only: production requires a list). */
  allowedTenantIds: string[];
  rateLimitPerMinute: number;
  /** Signs links to printable governor packs; random per process in development. */
  packLinkSecret: string;
  /** Where people's browsers reach this server (for links in cards). */
  publicBaseUrl: string;
  /** Azure AI Language for feedback comments; without it a local analyser runs. */
  languageService?: LanguageServiceConfig;
  maxRequestBytes: number;
  /** How long a change to the published data or user directory made by another process may go unnoticed. */
  snapshotMaxAgeMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  botAuth:
    | { mode: 'local-dev' }
    | {
        mode: 'bot-framework';
        appId: string;
        appPassword?: string;
        appType: string;
        tenantId?: string;
        /** Overrides for sovereign clouds and for tests with locally signed tokens. */
        openIdMetadataUrl?: string;
        tokenIssuer?: string;
      };
};

export class ConfigError extends Error {}

/** Parses the environment once at boot; fails naming every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  // A variable left empty (as in .env.example) means "not set".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (!e.MICROSOFT_APP_ID && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration: MICROSOFT_APP_ID is required when NODE_ENV=production (without it the bot would accept unauthenticated traffic)',
    );
  }
  if (e.NODE_ENV === 'production' && e.ALLOWED_TENANT_IDS.length === 0) {
    throw new ConfigError('Invalid configuration: ALLOWED_TENANT_IDS is required when NODE_ENV=production (the council’s own Entra tenant)');
  }
  if (e.NODE_ENV === 'production' && (!e.PACK_LINK_SECRET || !e.PUBLIC_BASE_URL)) {
    throw new ConfigError('Invalid configuration: PACK_LINK_SECRET and PUBLIC_BASE_URL are required when NODE_ENV=production');
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError('Invalid configuration: MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot');
  }
  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    dfeDataDir: e.DFE_DATA_DIR,
    loadDemoData: e.DEMO_DATA,
    supportContact: e.SUPPORT_CONTACT,
    allowedTenantIds: e.ALLOWED_TENANT_IDS.map((t) => t.toLowerCase()),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    packLinkSecret: e.PACK_LINK_SECRET ?? randomBytes(32).toString('hex'),
    languageService: languageServiceConfig(env),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    // Tests change users and data and look straight away; a running service re-checks once a second.
    snapshotMaxAgeMs: e.SNAPSHOT_MAX_AGE_MS ?? (e.NODE_ENV === 'test' ? 0 : 1000),
    logLevel: e.LOG_LEVEL,
    botAuth: e.MICROSOFT_APP_ID
      ? {
          mode: 'bot-framework',
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          appType: e.MICROSOFT_APP_TYPE,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
          openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
          tokenIssuer: e.BOT_TOKEN_ISSUER,
        }
      : { mode: 'local-dev' },
  };
}
