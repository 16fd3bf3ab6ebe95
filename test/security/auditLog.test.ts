import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerDeps } from '../../dialogs/answerDeps';
import { Database } from '../../src/db/database';
import { auditTrail } from '../../src/repos/auditRepo';
import { answerDeps, chatAs, DEMO } from '../support/conversation';
import { hertsDb } from '../support/testDb';

let db: Database;
let deps: AnswerDeps;
beforeAll(async () => {
  ({ db } = await hertsDb());
  deps = await answerDeps(db);
});
afterAll(() => db.close());

describe('the audit log', () => {
  it('records who viewed which school’s LA record, and not who was refused', async () => {
    await chatAs(deps, DEMO.helen).send('what is our banding?').assertReply(() => undefined);
    await chatAs(deps, DEMO.grace).send('what is the banding for Sandon JMI?').assertReply(() => undefined);
    const trail = await auditTrail(db, { urn: '117324' });
    expect(trail).toEqual([expect.objectContaining({ entraObjectId: DEMO.helen, action: 'viewed LA record', urn: '117324' })]);
    expect(await auditTrail(db, { entraObjectId: DEMO.grace })).toEqual([]);
  });

  it('holds identifiers only, never what the user typed', async () => {
    await chatAs(deps, DEMO.tom).send('banding for Woodhall Primary please, my secret note xyzzy').assertReply(() => undefined);
    const everything = JSON.stringify(await auditTrail(db));
    expect(everything).not.toContain('xyzzy');
  });
});
