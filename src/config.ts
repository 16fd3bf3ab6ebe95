import path from 'node:path';
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
  SUPPORT_CONTACT: z.string().min(1).default('the school improvement team (schoolimprovement@council.example)'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type AppConfig = {
  environment: 'development' | 'production' | 'test';
  port: number;
  databasePath: string;
  dfeDataDir: string;
  loadDemoData: boolean;
  supportContact: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  botAuth:
    | { mode: 'local-dev' }
    | { mode: 'bot-framework'; appId: string; appPassword?: string; appType: string; tenantId?: string };
};

export class ConfigError extends Error {}

/** Parses the environment once at boot; fails naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
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
    logLevel: e.LOG_LEVEL,
    botAuth: e.MICROSOFT_APP_ID
      ? {
          mode: 'bot-framework',
          appId: e.MICROSOFT_APP_ID,
          appPassword: e.MICROSOFT_APP_PASSWORD,
          appType: e.MICROSOFT_APP_TYPE,
          tenantId: e.MICROSOFT_APP_TENANT_ID,
        }
      : { mode: 'local-dev' },
  };
}
