import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

/** The modules the bot has loaded once everything it starts with is in, before any comment arrives. */
function loadedAtStart(): string[] {
  const script = "for (const m of ['config', 'app', 'botHost', 'features']) require('./src/' + m); console.log(JSON.stringify(Object.keys(require.cache)));";
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('start-up loads only what answering needs', () => {
  it('leaves the feedback analysers’ libraries and botbuilder’s unused prompts until they are wanted', () => {
    const loaded = loadedAtStart();
    const anyOf = (fragment: string) => loaded.filter((file) => file.includes(fragment));
    // A sanity check that the list is real: the bot's own dialogs and botbuilder are in it.
    expect(anyOf('/dialogs/mainDialog.ts')).toHaveLength(1);
    expect(anyOf('/node_modules/botbuilder-core/').length).toBeGreaterThan(0);
    for (const lazy of ['/@azure/ai-language-text/', '/wink-nlp/', '/wink-eng-lite-web-model/', '/libphonenumber-js/', '/botbuilder-dialogs/lib/prompts/', '/recognizers-text-date-time/', '/recognizers-text-number/']) {
      expect(anyOf(lazy), lazy).toEqual([]);
    }
  });
});
