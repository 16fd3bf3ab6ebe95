import { z } from 'zod';

/**
 * Every Action.Submit verb the bot accepts and the shape of its data. Card data comes back from the
 * client and can be forged, so it is parsed here and then checked against the user's rights.
 */
export const cardSubmission = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('chooseSchool'), urn: z.string().regex(/^\d{6}$/) }),
  // A suggested question on a card button, answered as if typed. (Teams' imBack/messageBack would be nicer,
  // but the Agents Playground drops any Action.Submit whose data has an msteams key.)
  z.object({ verb: z.literal('ask'), text: z.string().trim().min(1).max(500) }),
]);
export type CardSubmission = z.infer<typeof cardSubmission>;

export function parseSubmission(value: unknown): CardSubmission | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = cardSubmission.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
