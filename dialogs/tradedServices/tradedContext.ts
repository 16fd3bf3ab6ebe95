import { Recognition } from '../../src/language/intents';
import { getSchools, School } from '../../src/repos/schoolRepo';
import { Catalogue } from '../../src/traded/catalogue';
import { AnswerDeps } from '../answerDeps';

/** What every traded services answer needs: the shared deps, the catalogue loaded once, and the clock. */
export type TradedContext = { deps: AnswerDeps; catalogue: Catalogue; now: () => Date };

/** Schools named in the question, by URN or by name. */
export async function namedSchools(ctx: TradedContext, recognition: Recognition): Promise<School[]> {
  const urns = recognition.entities.urns.length ? recognition.entities.urns : recognition.entities.schools.map((s) => s.urn);
  return getSchools(ctx.deps.db, [...new Set(urns)]);
}

export const todayIn = (ctx: TradedContext): string => ctx.now().toISOString().slice(0, 10);
