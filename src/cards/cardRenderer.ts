import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CardModels } from './cardModels';
import { CARDS_DIR } from '../projectPaths';

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

/** Binds a card template in cards/ to its view-model; `fallbackText` is what clients without card support show. */
export function renderCard<K extends CardName>(name: K, model: CardModels[K], fallbackText: string): AdaptiveCardJson {
  const card = templateFor(name).expand({ $root: model }) as AdaptiveCardJson;
  return { ...card, fallbackText };
}

