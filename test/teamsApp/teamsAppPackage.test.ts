import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { buildTeamsAppPackage, pngInfo, TeamsPackageError } from '../../src/teamsApp/teamsAppPackage';
import { ROOT, TMP_DIR } from '../support/paths';

const APP_PACKAGE = path.join(ROOT, 'appPackage');
const env = {
  TEAMS_APP_ID: '2b1f0c3e-8d4a-4f6b-9c2d-1a2b3c4d5e6f',
  MICROSOFT_APP_ID: '7e3c1b2a-0f4d-4e5c-8b6a-9d8c7b6a5f4e',
  BOT_DOMAIN: 'critical-friend.council.example.org',
};

describe('the Teams app package', () => {
  it('builds a zip with a schema-valid manifest taking its ids and domain from the environment', async () => {
    const { zip } = await buildTeamsAppPackage(APP_PACKAGE, env);
    const entries = new AdmZip(zip).getEntries().map((e) => e.entryName).sort();
    expect(entries).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new AdmZip(zip).readAsText('manifest.json'));
    expect(manifest).toMatchObject({ id: env.TEAMS_APP_ID, bots: [{ botId: env.MICROSOFT_APP_ID }], validDomains: [env.BOT_DOMAIN] });
    expect(manifest.bots[0].scopes[0]).toBe('personal');
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'How are we doing?',
      'Briefings',
      'Traded services',
      'Give feedback',
      'Help',
    ]);
  });

  it('refuses to build without the council’s ids, naming each missing one', async () => {
    await expect(buildTeamsAppPackage(APP_PACKAGE, {})).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.stringContaining('TEAMS_APP_ID'), expect.stringContaining('MICROSOFT_APP_ID'), expect.stringContaining('BOT_DOMAIN')]),
    });
  });

  it('fails with the schema’s own errors when the manifest breaks the official schema', async () => {
    const dir = path.join(TMP_DIR, `manifest-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ['color.png', 'outline.png']) fs.copyFileSync(path.join(APP_PACKAGE, f), path.join(dir, f));
    const template = JSON.parse(fs.readFileSync(path.join(APP_PACKAGE, 'manifest.template.json'), 'utf8'));
    template.accentColor = 'blue';
    template.bots[0].scopes = ['everywhere'];
    fs.writeFileSync(path.join(dir, 'manifest.template.json'), JSON.stringify(template));
    const error = await buildTeamsAppPackage(dir, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamsPackageError);
    expect((error as TeamsPackageError).problems.join('\n')).toMatch(/accentColor|pattern/);
    expect((error as TeamsPackageError).problems.join('\n')).toMatch(/scopes|allowed values/);
  });

  it('has a 192×192 colour icon and a 32×32 transparent outline icon', () => {
    expect(pngInfo(fs.readFileSync(path.join(APP_PACKAGE, 'color.png')))).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(fs.readFileSync(path.join(APP_PACKAGE, 'outline.png')))).toEqual({ width: 32, height: 32, hasAlpha: true });
  });
});
