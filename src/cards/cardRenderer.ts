import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CardModels } from './cardModels';
import { CARDS_DIR } from '../projectPaths';
import { RecentResults } from '../recentResults';

export type CardName = keyof CardModels;
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; fallbackText?: string };

const templates = new Map<string, ACData.Template>();

function templateFor(name: CardName): ACData.Template {
  let template = templates.get(name);
  if (!template) {
    template = new ACData.Template(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, template);
  }
  return template;
}

/**
 * Binding a template is a card's main cost, and many people get the same card (help for their role,
 * a school's overview, a glossary entry), so recent results are kept by template and view-model.
 * Shared between turns, so a rendered card is never changed after this.
 */
const rendered = new RecentResults<AdaptiveCardJson>(500);

/** Binds a card template in cards/ to its view-model; `fallbackText` is what clients without card support show. */
export function renderCard<K extends CardName>(name: K, model: CardModels[K], fallbackText: string): AdaptiveCardJson {
  const card = rendered.get(`${name}\u0000${JSON.stringify(model)}`, () => deepFreeze(templateFor(name).expand({ $root: model }) as AdaptiveCardJson));
  return { ...card, fallbackText };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

