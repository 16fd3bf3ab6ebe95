import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database';
import { loadMeasureCatalog } from '../../src/dfe/measureCatalog';
import { assembleGovernorPack, GovernorPack, PackDeps } from '../../src/governorPack/governorPack';
import { packSummaryCard } from '../../src/governorPack/packCardView';
import { renderPackHtml } from '../../src/governorPack/packHtml';
import { loadPackRules } from '../../src/governorPack/packRules';
import { getSchool, School } from '../../src/repos/schoolRepo';
import { AppUser, findUser } from '../../src/repos/userRepo';
import { loadBandingConfig } from '../../src/services/banding';
import { headlineMeasureIds } from '../../src/services/schoolOverview';
import { cardProblems } from '../support/cardCheck';
import { DEMO, readReply } from '../support/conversation';
import { asPercent, sourceRow } from '../support/dfeCsv';
import { hertsDb } from '../support/testDb';
import { TEST_TODAY } from '../support/globalSetup';
import { latestSchoolFigure } from './sourceFigures';

const catalog = loadMeasureCatalog();
let db: Database;
let deps: PackDeps;
let helen: AppUser;
let daniel: AppUser;
let grace: AppUser;
const packs = new Map<string, { school: School; pack: GovernorPack }>();

beforeAll(async () => {
  ({ db } = await hertsDb());
  deps = { db, catalog, banding: loadBandingConfig(), rules: loadPackRules(catalog), laRecordProvenance: 'Fictional demo data: not a real LA record.' };
  helen = (await findUser(db, DEMO.helen))!;
  daniel = (await findUser(db, DEMO.daniel))!;
  grace = (await findUser(db, DEMO.grace))!;
  for (const [urn, user] of [['117324', helen], ['117578', daniel]] as const) {
    const school = (await getSchool(db, urn))!;
    packs.set(urn, { school, pack: await assembleGovernorPack(deps, user, school, TEST_TODAY) });
  }
});
afterAll(() => db.close());

describe.each([
  ['a primary school (Leavesden JMI)', '117324'],
  ['a secondary school (Ashlyns)', '117578'],
])('the governor pack for %s', (_name, urn) => {
  it('shows every headline measure for its phase with the latest year and the figure in the DfE file (or "No data")', () => {
    const { pack, school } = packs.get(urn)!;
    expect(pack.headlines.map((h) => h.measureId)).toEqual(headlineMeasureIds(school.phase));
    for (const row of pack.headlines) {
      const source = latestSchoolFigure(catalog, catalog.byId.get(row.measureId)!, urn);
      if (source) expect({ measure: row.measureId, year: row.year, school: row.school }).toEqual({ measure: row.measureId, year: source.year, school: source.text });
      else expect({ measure: row.measureId, year: row.year, school: row.school }).toEqual({ measure: row.measureId, year: 'No data', school: 'No data' });
    }
  });

  it('explains every headline figure that is not a number, and never shows one as 0', () => {
    const { pack } = packs.get(urn)!;
    for (const row of pack.headlines.filter((h) => !/\d/.test(h.school))) {
      expect(pack.notes.some((n) => n.startsWith(row.label))).toBe(true);
    }
  });

  it('gives the Ofsted position from the DfE file, labelled with its framework and date, and the change to report cards', () => {
    const { pack } = packs.get(urn)!;
    const source = sourceRow('2022-2023', '919_school_information.csv', (r) => r.URN === urn);
    const text = [...pack.ofsted, ...pack.ofstedQuestions].join(' ');
    const [day, month, year] = source.OFSTEDLASTINSP.split('-');
    const date = new Date(`${year}-${month}-${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    expect(text).toContain(`Last inspection held: ${date}, overall effectiveness **${source.OFSTEDRATING}**`);
    expect(text).toContain('under the framework in use before September 2024');
    expect(text).toContain('no longer get a single-word overall judgement');
  });

  it('ties challenge questions to each area to watch and names the year of each reason', () => {
    const { pack } = packs.get(urn)!;
    for (const area of pack.areasToWatch) {
      expect(area.questions.length).toBeGreaterThan(0);
      for (const reason of area.reasons) expect(reason).toMatch(/20\d\d\/\d\d/);
    }
  });

  it('renders as a card that parses, fits in a Teams message, and links to the printable version', () => {
    const { pack } = packs.get(urn)!;
    const card = packSummaryCard(pack, 'https://bot.example.org/packs/abc.def.html', 7, ['What do the terms mean?']);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"url":"https://bot.example.org/packs/abc.def.html"');
    const text = readReply({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    for (const h of pack.headlines) expect(text).toContain(`**${h.label}** (${h.year})`);
  });

  it('renders as one printable HTML page with the same figures, trend charts and every text escaped', () => {
    const { pack, school } = packs.get(urn)!;
    const html = renderPackHtml(pack, 'Made for a test.');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(school.name.replace(/&/g, '&amp;'));
    for (const h of pack.headlines) expect(html).toContain(`<td><strong>${h.school}</strong></td>`);
    expect(html).not.toContain('${');
  });
});

describe('the governor pack against the source for the comparisons', () => {
  it('shows the LA and England figures for KS2 RWM and persistent absence from the DfE files', () => {
    const { pack } = packs.get('117324')!;
    const rwm = pack.headlines.find((h) => h.measureId === 'ks2_rwm_expected')!;
    const la = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '3');
    const england = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.RECTYPE === '4');
    expect([rwm.year, rwm.la, rwm.national]).toEqual(['2024/25', asPercent(la.PTRWM_EXP), asPercent(england.PTRWM_EXP)]);
    const pa = pack.headlines.find((h) => h.measureId === 'persistent_absence')!;
    const laPa = sourceRow('2023-2024', '919_abs.csv', (r) => !r.URN && r.ESTAB === 'PRI' && r.LA === '919');
    const englandPa = sourceRow('2023-2024', '919_abs.csv', (r) => !r.URN && r.ESTAB === 'PRI' && r.LA === 'NAT');
    expect([pa.year, pa.la, pa.national]).toEqual(['2023/24', asPercent(laPa.PPERSABS10), asPercent(englandPa.PPERSABS10)]);
  });

  it('describes the trend between the years held, in words, from the source figures', () => {
    const { pack } = packs.get('117324')!;
    const first = sourceRow('2022-2023', '919_ks2final.csv', (r) => r.URN === '117324');
    const last = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117324');
    const rwm = pack.headlines.find((h) => h.measureId === 'ks2_rwm_expected')!;
    expect(rwm.trend).toContain(`from ${asPercent(first.PTRWM_EXP)} in 2022/23 to ${asPercent(last.PTRWM_EXP)} in 2024/25`);
  });

  it('flags Leavesden’s 2024/25 RWM result, far below the county’s, as an area to watch', () => {
    const { pack } = packs.get('117324')!;
    const school = sourceRow('2024-2025', '919_ks2final.csv', (r) => r.URN === '117324');
    const area = pack.areasToWatch.find((a) => a.measureId === 'ks2_rwm_expected');
    expect(area?.reasons[0]).toContain(`was ${asPercent(school.PTRWM_EXP)} in 2024/25`);
  });
});

describe('the LA record in a pack', () => {
  it('is included for the school’s own headteacher, with the banding and the open notice of concern', () => {
    const { pack } = packs.get('117324')!;
    expect(pack.laRecord?.bandLine).toMatch(/^Band [ABCD]|Not enough published data/);
    expect(pack.laRecord?.notices.join(' ')).toContain('Open notice of concern');
    expect(pack.laRecord?.provenance).toContain('Fictional');
  });

  it('is left out for someone the access policy does not let see restricted data', async () => {
    const school = (await getSchool(db, '117324'))!;
    const pack = await assembleGovernorPack(deps, grace, school, TEST_TODAY);
    expect(pack.laRecord).toBeNull();
    const card = packSummaryCard(pack, 'https://bot.example.org/packs/x.y.html', 7, []);
    expect(JSON.stringify(card)).not.toMatch(/Band [ABCD]|notice of concern issued/);
    expect(renderPackHtml(pack, '')).not.toContain('LA school improvement record');
  });
});
