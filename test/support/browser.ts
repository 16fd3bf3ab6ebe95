import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { ROOT } from './paths';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium, kept off the network: never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Playground page asks a CDN for fonts and scripts; nothing leaves this machine. */
export async function keepOffline(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
}

/** Selectors the Playground's own markup offers (its CSS class names are generated per build). */
export const playground = {
  personalChat: (page: Page) => page.getByRole('treeitem', { name: 'Personal Chat' }),
  input: (page: Page) => page.locator('[data-lexical-editor="true"][role="textbox"]'),
  cards: (page: Page) => page.locator('.ac-adaptiveCard'),
};

export async function say(page: Page, text: string): Promise<Locator> {
  const before = await playground.cards(page).count();
  await playground.input(page).fill(text);
  await playground.input(page).press('Enter');
  return newCard(page, before);
}

/** Waits for the card after the `before`-th and returns it. */
export async function newCard(page: Page, before: number): Promise<Locator> {
  const card = playground.cards(page).nth(before);
  await card.waitFor({ timeout: 20_000 });
  return card;
}

/**
 * Checks what a person would see on a card: every image has alt text, and no text or button title is
 * clipped sideways. Returns the problems found.
 */
export async function readabilityProblems(card: Locator): Promise<string[]> {
  return card.evaluate((root) => {
    const problems: string[] = [];
    for (const img of Array.from(root.querySelectorAll('img'))) if (!img.getAttribute('alt')?.trim()) problems.push(`image without alt text: ${img.src.slice(0, 40)}`);
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('.ac-textBlock, .ac-pushButton-content, button'))) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`text clipped: "${(el.textContent ?? '').slice(0, 60)}"`);
    }
    return problems;
  });
}

/** A screenshot of one card at a narrow (phone) and a wide (desktop) width, for a person to look at. */
export async function screenshotCard(page: Page, card: Locator, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: string[] = [];
  for (const [label, width] of [['narrow', 390], ['wide', 1280]] as const) {
    // Tall enough for the longest card, so the Playground's sticky header never lies over the picture.
    await page.setViewportSize({ width, height: 3200 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`) });
    problems.push(...(await readabilityProblems(card)).map((p) => `${name} (${label}): ${p}`));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}
