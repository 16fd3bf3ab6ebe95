// The adaptivecards package's lib/ build is ESM without file extensions, which Node cannot load; its UMD bundle works.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Teams refuses a message over about 28 KB; keep cards well under it. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/** Every problem the Adaptive Cards SDK reports when it parses and validates a card, plus template leftovers. */
export function cardProblems(card: object): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const issue of parsed.validateProperties().validationEvents) problems.push(`validate: ${issue.message}`);
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('template: an unbound ${…} expression is left in the card');
  const size = Buffer.byteLength(json, 'utf8');
  if (size > TEAMS_MESSAGE_LIMIT_BYTES) problems.push(`size: ${size} bytes is over the Teams limit`);
  if ((card as { version?: string }).version !== '1.5') problems.push('version: not Adaptive Cards 1.5');
  return problems;
}
