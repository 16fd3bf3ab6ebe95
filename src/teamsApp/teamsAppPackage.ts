import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { z } from 'zod';

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** What a council sets to build its own package; ids and domains are never hard-coded. */
const packageEnv = z.object({
  TEAMS_APP_ID: z.string().uuid('TEAMS_APP_ID must be a GUID (generate one per council, keep it stable)'),
  MICROSOFT_APP_ID: z.string().uuid('MICROSOFT_APP_ID must be the Azure Bot registration’s app id'),
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'BOT_DOMAIN must be a host name such as critical-friend.azurewebsites.net'),
  APP_NAME: z.string().min(1).max(30).default('Critical Friend'),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/).default('1.0.0'),
  DEVELOPER_NAME: z.string().min(1).max(32).default('School Improvement Service'),
  DEVELOPER_WEBSITE_URL: z.string().url().default('https://www.example.org/school-improvement'),
  PRIVACY_URL: z.string().url().default('https://www.example.org/school-improvement/privacy'),
  TERMS_URL: z.string().url().default('https://www.example.org/school-improvement/terms'),
});

type Manifest = { manifestVersion: string; id: string; bots: { botId: string }[]; icons: { color: string; outline: string } };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined) throw new TeamsPackageError([`manifest template uses \${${key}}, which has no value`]);
    return JSON.stringify(value).slice(1, -1);
  });
}

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
export function pngInfo(buf: Buffer): { width: number; height: number; hasAlpha: boolean } {
  if (buf.subarray(1, 4).toString('ascii') !== 'PNG') throw new TeamsPackageError(['icon is not a PNG']);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), hasAlpha: buf[25] === 6 || buf[25] === 4 };
}

function checkIcons(dir: string, manifest: Manifest): string[] {
  const color = pngInfo(fs.readFileSync(path.join(dir, manifest.icons.color)));
  const outline = pngInfo(fs.readFileSync(path.join(dir, manifest.icons.outline)));
  const problems: string[] = [];
  if (color.width !== 192 || color.height !== 192) problems.push(`colour icon is ${color.width}×${color.height}, Teams wants 192×192`);
  if (outline.width !== 32 || outline.height !== 32) problems.push(`outline icon is ${outline.width}×${outline.height}, Teams wants 32×32`);
  if (!outline.hasAlpha) problems.push('outline icon must have a transparent background');
  return problems;
}

export async function buildTeamsAppPackage(dir: string, env: NodeJS.ProcessEnv): Promise<{ zip: Buffer; manifest: Manifest }> {
  const parsed = packageEnv.safeParse(env);
  if (!parsed.success) throw new TeamsPackageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const text = fill(fs.readFileSync(path.join(dir, 'manifest.template.json'), 'utf8'), parsed.data);
  const manifest = JSON.parse(text) as Manifest;
  const schemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  // The library's types tie the schema to its generated manifest type; the JSON we validate is untyped.
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
  const problems = [...schemaErrors, ...checkIcons(dir, manifest)];
  if (problems.length) throw new TeamsPackageError(problems);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addLocalFile(path.join(dir, manifest.icons.color));
  zip.addLocalFile(path.join(dir, manifest.icons.outline));
  return { zip: zip.toBuffer(), manifest };
}
