import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveCardJson } from '../../src/cards/cardRenderer';
import { helpCard, messageCard, schoolChoiceCard, welcomeCard } from '../../src/cards/conversationCards';
import { laInternalCard } from '../../src/cards/laInternalCardView';
import { measureAnswerCard } from '../../src/cards/measureCardView';
import { overviewCard } from '../../src/cards/overviewCardView';
import { schoolListCard } from '../../src/cards/schoolListCardView';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { getSchool, School } from '../../src/repos/schoolRepo';
import { findUser, ROLES } from '../../src/repos/userRepo';
import { loadBandingConfig } from '../../src/services/banding';
import { schoolImprovementRecord } from '../../src/services/laInternal';
import { compareMeasure } from '../../src/services/measureComparison';
import { listSchools } from '../../src/services/schoolList';
import { schoolOverview } from '../../src/services/schoolOverview';
import { cardProblems } from '../support/cardCheck';
import { hertsDb } from '../support/testDb';

const catalog = loadMeasureCatalog();
let db: Database;
let primary: School;
let secondary: School;
const rendered = new Map<string, AdaptiveCardJson>();

beforeAll(async () => {
  ({ db } = await hertsDb());
  primary = (await getSchool(db, '117324'))!;
  secondary = (await getSchool(db, '117578'))!;
  const helen = (await findUser(db, '4f1c2a9e-6b1d-4c55-9a51-1d2b0c7e0a01'))!;
  for (const school of [primary, secondary]) {
    rendered.set(`overview ${school.phase}`, overviewCard(school, await schoolOverview(db, school, catalog), ['How are we doing?']));
    rendered.set(`LA record ${school.phase}`, laInternalCard(await schoolImprovementRecord(db, school, catalog, loadBandingConfig()), 'Fictional demo data.', []));
  }
  for (const measure of catalog.measures) {
    const school = measure.keyStage === 'KS4' ? secondary : primary;
    rendered.set(`measure ${measure.id} trend`, measureAnswerCard(await compareMeasure(db, school, measure), { kind: 'trend', years: 3 }, ['Help']));
    rendered.set(`measure ${measure.id} latest`, measureAnswerCard(await compareMeasure(db, school, measure), { kind: 'latest' }, []));
  }
  rendered.set('measure for a year not held', measureAnswerCard(await compareMeasure(db, primary, catalog.byId.get('ks2_rwm_expected')!), { kind: 'specific', year: '2010/11' }, []));
  rendered.set('school list with measure', schoolListCard(await listSchools(db, 'Dacorum', catalog.byId.get('persistent_absence'), { op: 'above', value: 5 })));
  rendered.set('school list without measure', schoolListCard(await listSchools(db, 'Watford')));
  for (const role of ROLES) {
    const user = { ...helen, role };
    rendered.set(`welcome ${role}`, welcomeCard(user, 'Hertfordshire school improvement'));
    rendered.set(`help ${role}`, helpCard(user));
  }
  rendered.set('message', messageCard('Title', ['One', 'Two'], ['Help']));
  rendered.set('message without suggestions', messageCard('Title', ['One']));
  rendered.set('school choice', schoolChoiceCard([{ urn: primary.urn, name: primary.name }, { urn: secondary.urn, name: secondary.name }]));
});
afterAll(() => db.close());

describe('every card the bot can send', () => {
  it('parses with the Adaptive Cards SDK without errors or warnings, and fits in a Teams message', () => {
    const failures = [...rendered.entries()].flatMap(([name, card]) => cardProblems(card).map((p) => `${name}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('carries a text fallback', () => {
    for (const [name, card] of rendered) expect(card.fallbackText, name).toMatch(/\w/);
  });

  it('names the year and the source of every figure', () => {
    for (const [name, card] of rendered) {
      if (!name.startsWith('measure ') && !name.startsWith('overview')) continue;
      const json = JSON.stringify(card);
      if (json.includes('no data')) continue;
      expect(json, name).toMatch(/Source: DfE school performance tables \(.+\) 20\d\d\/\d\d/);
      expect(json, name).toMatch(/20\d\d\/\d\d/);
    }
  });

  it('shows a suppressed figure as suppressed, never as 0', () => {
    const card = JSON.stringify(rendered.get('measure ks2_reading_progress trend'));
    expect(card).toContain('Not published');
    expect(card).toContain('no key stage 1 assessments');
    expect(card).not.toMatch(/"text":"0(\.0+)?"/);
  });
});

describe('the card checker', () => {
  it('catches an unknown element, an unbound template field and an oversized card', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Nope' }, { type: 'TextBlock', text: '${missing}' }, { type: 'TextBlock', text: 'x'.repeat(30_000) }] };
    const problems = cardProblems(broken);
    expect(problems.some((p) => p.startsWith('parse:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('template:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('size:'))).toBe(true);
  });
});
