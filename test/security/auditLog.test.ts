import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../src/repos/auditRepo';
import { DEMO, chatAs, useHertsBot } from '../support/conversation';

const herts = useHertsBot();

describe('the audit log', () => {
  it('records who viewed which school’s LA record, and not who was refused', async () => {
    await chatAs(herts.deps, DEMO.helen).send('what is our banding?').assertReply(() => undefined);
    await chatAs(herts.deps, DEMO.grace).send('what is the banding for Sandon JMI?').assertReply(() => undefined);
    const trail = await auditTrail(herts.db, { urn: '117324' });
    expect(trail).toEqual([expect.objectContaining({ entraObjectId: DEMO.helen, action: 'viewed LA record', urn: '117324' })]);
    expect(await auditTrail(herts.db, { entraObjectId: DEMO.grace })).toEqual([]);
  });

  it('holds identifiers only, never what the user typed', async () => {
    await chatAs(herts.deps, DEMO.tom).send('banding for Woodhall Primary please, my secret note xyzzy').assertReply(() => undefined);
    const everything = JSON.stringify(await auditTrail(herts.db));
    expect(everything).not.toContain('xyzzy');
  });
});
