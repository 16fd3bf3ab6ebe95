import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { EntityExtractor } from '../../src/language/entityExtractor';
import { IntentName } from '../../src/language/intents';
import { NlpRecognizer } from '../../src/language/nlpRecognizer';
import { SchoolNameIndex } from '../../src/language/schoolNameIndex';
import { listDistricts, listOpenSchools } from '../../src/repos/schoolRepo';
import { ROOT } from '../support/paths';
import { hertsDb } from '../support/testDb';

const heldOut: { cases: { text: string; intent: IntentName }[] } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'heldout-phrasings.json'), 'utf8'),
);
const training: { intents: { utterances: string[] }[] } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'data', 'language', 'training.json'), 'utf8'),
);

let db: Database;
let recognizer: NlpRecognizer;

beforeAll(async () => {
  ({ db } = await hertsDb());
  const extractor = new EntityExtractor(loadMeasureCatalog().measures, new SchoolNameIndex(await listOpenSchools(db)), await listDistricts(db));
  recognizer = await NlpRecognizer.train(extractor);
});
afterAll(() => db.close());

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, '').trim();

describe('the recognizer on phrasings it was not trained on', () => {
  it('keeps the held-out phrasings apart from the training corpus', () => {
    const trained = new Set(training.intents.flatMap((i) => i.utterances.map(normalise)));
    expect(heldOut.cases.filter((c) => trained.has(normalise(c.text)))).toEqual([]);
  });

  it('classifies at least 88% of the held-out phrasings correctly', async () => {
    const misses: string[] = [];
    for (const c of heldOut.cases) {
      const r = await recognizer.recognize(c.text);
      if (r.intent !== c.intent) misses.push(`"${c.text}": expected ${c.intent}, got ${r.intent} (${r.score.toFixed(2)})`);
    }
    const accuracy = 1 - misses.length / heldOut.cases.length;
    console.log(`recognizer held-out accuracy: ${(accuracy * 100).toFixed(1)}% (${heldOut.cases.length - misses.length}/${heldOut.cases.length})`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.88);
  });
});

describe('entities in a question', () => {
  it.each([
    ['what is our P8', ['ks4_progress8']],
    ["what's our persistent absence compared with the county?", ['persistent_absence']],
    ['show me reading progress', ['ks2_reading_progress']],
    ['how did we do in SATs', ['ks2_rwm_expected']],
    ['FSM and SEN figures please', ['fsm_ever6', 'sen_support']],
    ['what is our disadvantaged gap', ['ks2_disadvantaged_rwm']],
    ['A8 and EBacc entry', ['ks4_attainment8', 'ks4_ebacc_entry']],
  ])('"%s" names %j', async (text, measures) => {
    expect((await recognizer.recognize(text)).entities.measureIds).toEqual(measures);
  });

  it('finds a school by a shortened name and by URN', async () => {
    expect((await recognizer.recognize('how is Sandon JMI doing')).entities.schools).toEqual([
      { urn: '117147', name: 'Sandon Junior Mixed and Infant School' },
    ]);
    expect((await recognizer.recognize('Progress 8 for 117578 please')).entities.urns).toEqual(['117578']);
  });

  it('tolerates a typo in a long school name', async () => {
    expect((await recognizer.recognize('how is Leavesdon JMI doing')).entities.schools.map((s) => s.urn)).toEqual(['117324']);
  });

  it('reads districts, thresholds and year spans', async () => {
    const r = await recognizer.recognize('schools in Dacorum with persistent absence above 20% over the last three years');
    expect(r.entities).toMatchObject({ district: 'Dacorum', threshold: { op: 'above', value: 20 }, years: { kind: 'trend', years: 3 } });
    expect((await recognizer.recognize('KS2 results for 2023/24')).entities.years).toEqual({ kind: 'specific', year: '2023/24' });
    expect((await recognizer.recognize('primary schools in north herts below 50%')).entities).toMatchObject({
      district: 'North Herts',
      threshold: { op: 'below', value: 50 },
    });
  });
});

describe('keeping the trained model between starts', () => {
  it('a model kept from an earlier start answers as the freshly trained one does, and a changed corpus is trained again', async () => {
    const extractor = new EntityExtractor(loadMeasureCatalog().measures, new SchoolNameIndex(await listOpenSchools(db)), await listDistricts(db));
    let kept: { key: string; model: string } | undefined;
    let trainings = 0;
    const store = {
      load: async () => kept,
      save: async (key: string, model: string) => {
        trainings++;
        kept = { key, model };
      },
    };
    const first = await NlpRecognizer.train(extractor, undefined, store);
    const second = await NlpRecognizer.train(extractor, undefined, store);
    expect(trainings).toBe(1);
    for (const c of heldOut.cases.slice(0, 40)) {
      const [a, b] = await Promise.all([first.recognize(c.text), second.recognize(c.text)]);
      expect({ text: c.text, intent: b.intent, score: b.score }).toEqual({ text: c.text, intent: a.intent, score: a.score });
    }

    const changed = path.join(ROOT, '.tmp', `corpus-${process.pid}.json`);
    fs.mkdirSync(path.dirname(changed), { recursive: true });
    fs.writeFileSync(changed, JSON.stringify({ intents: [...JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'language', 'training.json'), 'utf8')).intents, { intent: 'help', utterances: ['what are my options here'] }] }));
    await NlpRecognizer.train(extractor, changed, store);
    fs.rmSync(changed);
    expect(trainings).toBe(2);
  });
});
