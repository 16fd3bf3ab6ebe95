import { z } from 'zod';

// Kept apart from the Azure analyser so that reading the configuration does not load the Azure SDK.

/** AZURE_LANGUAGE_ENDPOINT and AZURE_LANGUAGE_KEY: both set to use Azure AI Language, or neither for the local analyser. */
export const languageServiceEnv = z
  .object({
    AZURE_LANGUAGE_ENDPOINT: z.string().url().optional().or(z.literal('').transform(() => undefined)),
    AZURE_LANGUAGE_KEY: z.string().optional().or(z.literal('').transform(() => undefined)),
  })
  .refine((e) => Boolean(e.AZURE_LANGUAGE_ENDPOINT) === Boolean(e.AZURE_LANGUAGE_KEY), {
    message: 'set both AZURE_LANGUAGE_ENDPOINT and AZURE_LANGUAGE_KEY, or neither',
    path: ['AZURE_LANGUAGE_KEY'],
  });

export type LanguageServiceConfig = { endpoint: string; key: string };

/** The Azure AI Language settings, or undefined when they are not set. Throws naming the bad variable. */
export function languageServiceConfig(env: NodeJS.ProcessEnv = process.env): LanguageServiceConfig | undefined {
  const parsed = languageServiceEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { AZURE_LANGUAGE_ENDPOINT: endpoint, AZURE_LANGUAGE_KEY: key } = parsed.data;
  return endpoint && key ? { endpoint, key } : undefined;
}
