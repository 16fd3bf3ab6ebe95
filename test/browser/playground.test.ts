import fs from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { CHROMIUM, freePort, keepOffline, launchChromium, newCard, playground, say, screenshotCard } from '../support/browser';
import { ROOT } from '../support/paths';
import { BotChild, spawnBot } from '../support/spawnBot';

// CI installs Debian's Chromium (.ci/run); on a developer machine without it the test is skipped.
const hasChromium = fs.existsSync(CHROMIUM);
if (process.env.CI && !hasChromium) throw new Error(`CI must have ${CHROMIUM} (apt-get install chromium)`);

type PlaygroundModule = {
  playgroundConfigFor(wanted?: string, outDir?: string): { configPath: string };
  startPlayground(options: { botEndpoint: string; configPath: string; port: number; logFile: string }): {
    child: import('node:child_process').ChildProcess;
    listening: Promise<number>;
  };
};

let bot: BotChild;
let playgroundProcess: import('node:child_process').ChildProcess;
let browser: Browser;
let page: Page;
const layoutProblems: string[] = [];

describe.skipIf(!hasChromium)('chatting as a headteacher in the Microsoft 365 Agents Playground, in Chromium', () => {
  beforeAll(async () => {
    bot = await spawnBot();
    const pg = (await import(path.join(ROOT, 'scripts', 'playground.mjs'))) as PlaygroundModule;
    const started = pg.startPlayground({
      botEndpoint: `${bot.url}/api/messages`,
      configPath: pg.playgroundConfigFor(undefined).configPath,
      port: await freePort(),
      logFile: path.join(ROOT, 'test-output', 'playground.log'),
    });
    playgroundProcess = started.child;
    const port = await started.listening;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await keepOffline(page);
    await page.goto(`http://127.0.0.1:${port}`, { waitUntil: 'domcontentloaded' });
    await playground.personalChat(page).click();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    playgroundProcess?.kill('SIGTERM');
    bot?.child.kill('SIGTERM');
    await bot?.exited;
  });

  it('greets Helen by name with the welcome card', async () => {
    const welcome = playground.cards(page).filter({ hasText: 'Hello Helen' }).first();
    await welcome.waitFor({ timeout: 20_000 });
    layoutProblems.push(...(await screenshotCard(page, welcome, '01-welcome')));
  });

  it('answers "how are we doing?" with the figures in the DfE file', async () => {
    const rwm = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117324');
    const card = await say(page, 'how are we doing?');
    await expect.poll(() => card.innerText()).toContain('Leavesden JMI School');
    expect(await card.innerText()).toContain(asPercent(rwm.PTRWM_EXP));
    layoutProblems.push(...(await screenshotCard(page, card, '02-overview')));
  });

  it('follows a suggestion button on the card', async () => {
    const before = await playground.cards(page).count();
    await playground.cards(page).nth(before - 1).getByRole('button', { name: 'Persistent absence vs county' }).click();
    const card = await newCard(page, before);
    await expect.poll(() => card.innerText()).toContain('Persistent absence');
    layoutProblems.push(...(await screenshotCard(page, card, '03-persistent-absence')));
  });

  it('shows a trend as a chart image with alt text', async () => {
    const card = await say(page, 'show me reading over the last three years');
    const image = card.locator('img').first();
    await image.waitFor({ timeout: 20_000 });
    expect(await image.getAttribute('alt')).toMatch(/Line chart of .*reading/i);
    layoutProblems.push(...(await screenshotCard(page, card, '04-reading-trend')));
  });

  it('takes a feedback form, fills it in and submits it, and thanks with a reference', async () => {
    const form = await say(page, 'how do I give feedback?');
    // Screenshots first: resizing the page re-renders the card and clears what was typed into it.
    layoutProblems.push(...(await screenshotCard(page, form, '05-feedback-form')));
    await form.getByRole('radiogroup', { name: /how would you rate it/ }).getByText('Good', { exact: true }).click();
    await form.getByRole('radiogroup', { name: /help your school improve/ }).getByText('Yes', { exact: true }).click();
    await form.getByRole('textbox').first().fill('Useful visit: clear next steps on reading.');
    const before = await playground.cards(page).count();
    await form.getByRole('button', { name: 'Send feedback' }).click();
    const thanks = await newCard(page, before);
    await expect.poll(() => thanks.innerText()).toMatch(/FB-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    layoutProblems.push(...(await screenshotCard(page, thanks, '06-feedback-thanks')));
  });

  it('lists briefings with a Book button, and books a place', async () => {
    const list = await say(page, 'what briefings are coming up?');
    layoutProblems.push(...(await screenshotCard(page, list, '07-briefings')));
    const before = await playground.cards(page).count();
    await list.getByRole('button', { name: /^Book/ }).first().click();
    const confirmation = await newCard(page, before);
    await expect.poll(() => confirmation.innerText()).toMatch(/booked|waiting list/i);
    layoutProblems.push(...(await screenshotCard(page, confirmation, '08-booking')));
  });

  it('shows the traded services catalogue', async () => {
    const card = await say(page, 'what traded services are there?');
    await expect.poll(() => card.innerText()).toMatch(/School improvement|Governance/);
    layoutProblems.push(...(await screenshotCard(page, card, '09-traded-services')));
  });

  it('makes a governors’ pack', async () => {
    const card = await say(page, 'give me a briefing for our next governors meeting');
    await expect.poll(() => card.innerText()).toContain('Areas to watch');
    layoutProblems.push(...(await screenshotCard(page, card, '10-governor-pack')));
  });

  it('leaves no image without alt text and no text clipped, at narrow and wide widths', () => {
    expect(layoutProblems).toEqual([]);
  });
});
