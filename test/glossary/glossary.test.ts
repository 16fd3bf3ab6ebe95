import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { asksForTheList, loadGlossary, lookUpTerms } from '../../src/glossary/glossary';
import { glossaryEntryCard, glossaryIndexCard } from '../../src/glossary/glossaryCardView';
import { loadBandingConfig } from '../../src/services/banding';
import { cardProblems } from '../support/cardCheck';
import { readReply } from '../support/conversation';
import { TMP_DIR } from '../support/paths';

const catalog = loadMeasureCatalog();
const banding = loadBandingConfig();
const glossary = loadGlossary(catalog);
const ctx = { glossary, catalog, banding };
const textOf = (card: object) => readReply({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });

describe('the glossary data', () => {
  it('covers every term governors were promised', () => {
    const required = [
      'progress_8', 'attainment_8', 'expected_standard', 'higher_standard', 'scaled_score', 'ks2_progress', 'progress_not_published',
      'persistent_absence', 'overall_absence', 'disadvantaged', 'free_school_meals', 'sen_support', 'ehcp', 'eal', 'suppression',
      'la_and_england', 'ofsted', 'banding', 'notice_of_concern',
    ];
    expect(required.filter((id) => !glossary.byId.has(id))).toEqual([]);
    for (const e of glossary.entries) {
      expect(e.explanation.length, e.id).toBeGreaterThan(0);
      expect(e.caveats.length, e.id).toBeGreaterThan(0);
    }
  });

  it('refuses an entry that names a measure the catalogue does not have', () => {
    const broken = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/glossary.json'), 'utf8'));
    broken.entries[0].measureIds = ['progress_9'];
    fs.mkdirSync(TMP_DIR, { recursive: true });
    const file = path.join(TMP_DIR, `glossary-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(() => loadGlossary(catalog, file)).toThrow(/unknown measure progress_9/);
  });
});

describe('looking up a term', () => {
  it.each([
    ['what does Progress 8 mean?', 'progress_8'],
    ['what does a negative progress 8 mean', 'progress_8'],
    ['explain attainment 8', 'attainment_8'],
    ['what is the expected standard', 'expected_standard'],
    ['what does RWM stand for', 'expected_standard'],
    ['what does greater depth mean', 'higher_standard'],
    ['what is a scaled score', 'scaled_score'],
    ['what does a progress score of zero mean', 'ks2_progress'],
    ['why is there no progress score this year?', 'progress_not_published'],
    ['why is progress 8 not published for 2024/25', 'progress_not_published'],
    ['what is persistent absence?', 'persistent_absence'],
    ['explain overall absence', 'overall_absence'],
    ['explain the disadvantaged gap', 'disadvantaged'],
    ['define pupil premium', 'disadvantaged'],
    ['what does FSM6 mean', 'free_school_meals'],
    ['what is SEN support', 'sen_support'],
    ['what is an EHCP', 'ehcp'],
    ['what is EAL?', 'eal'],
    ['what does SUPP mean in the data', 'suppression'],
    ['can you explain what NE means', 'suppression'],
    ['what does LA average mean', 'la_and_england'],
    ['what is a report card in ofsted', 'ofsted'],
    ['why did ofsted drop the one word grades', 'ofsted'],
    ['explain the banding', 'banding'],
    ['what is a notice of concern', 'notice_of_concern'],
    ['what is the EBacc', 'ebacc'],
  ])('"%s" is about %s', (question, id) => {
    expect(lookUpTerms(glossary, question)[0]?.id).toBe(id);
  });

  it('falls back to the measure the recognizer found when no phrase matches', () => {
    expect(lookUpTerms(glossary, 'and what about this one?', ['ks4_progress8'])[0]?.id).toBe('progress_8');
  });

  it('finds every term a question names, in the order asked', () => {
    expect(lookUpTerms(glossary, 'what is the difference between attainment 8 and progress 8?').map((e) => e.id)).toEqual(['attainment_8', 'progress_8']);
  });

  it('finds nothing for a word it does not know, and tells a request for the list from an unknown term', () => {
    expect(lookUpTerms(glossary, 'what does flibbertigibbet mean')).toEqual([]);
    expect(asksForTheList('what do the terms mean?')).toBe(true);
    expect(asksForTheList('what does flibbertigibbet mean')).toBe(false);
  });
});

describe('a glossary card', () => {
  it('explains KS2 progress with the years DfE did not publish it, in the catalogue’s own words', () => {
    const text = textOf(glossaryEntryCard(glossary.byId.get('ks2_progress')!, ctx, []));
    const notes = catalog.byId.get('ks2_reading_progress')!.notPublished!;
    expect(text).toContain(notes['2023/24']);
    expect(text).toContain(notes['2024/25']);
    expect(text).toContain('Zero is the national average');
  });

  it('explains a missing progress score for both key stages', () => {
    const text = textOf(glossaryEntryCard(glossary.byId.get('progress_not_published')!, ctx, []));
    expect(text).toContain(catalog.byId.get('ks4_progress8')!.notPublished!['2024/25']);
    expect(text).toContain(catalog.byId.get('ks2_reading_progress')!.notPublished!['2023/24']);
  });

  it('lists the banding weights and bands from the banding data, so they cannot drift', () => {
    const text = textOf(glossaryEntryCard(glossary.byId.get('banding')!, ctx, []));
    for (const c of banding.components) expect(text).toContain(`${c.label}: ${Math.round(c.weight * 100)}% of the score`);
    for (const b of banding.bands) expect(text).toContain(`Band ${b.band}: a score of ${b.min} or more`);
  });

  it('says only the last inspection in DfE’s files is held and single-word judgements ended in 2024', () => {
    const text = textOf(glossaryEntryCard(glossary.byId.get('ofsted')!, ctx, []));
    expect(text).toContain('From September 2024 Ofsted stopped giving state schools a single-word overall judgement');
    expect(text).toContain('This bot holds only the last inspection that DfE');
  });

  it('parses with the Adaptive Cards SDK for every entry, and for the list of terms', () => {
    const cards = [
      ...glossary.entries.map((e) => glossaryEntryCard(e, ctx, ["What's our Progress 8?"], [glossary.entries[0]])),
      glossaryIndexCard(glossary, true, ['Help']),
      glossaryIndexCard(glossary, false, []),
    ];
    expect(cards.flatMap((c) => cardProblems(c))).toEqual([]);
  });
});
