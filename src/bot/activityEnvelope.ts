import { Activity } from 'botbuilder';
import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional(), aadObjectId: z.string().max(64).optional() }).passthrough();

/**
 * The fields of an incoming activity the bot relies on, with their types. Anything else passes
 * through untouched; an activity with a missing or wrong-typed field is refused with 400 here,
 * before botbuilder (whose own parsing throws on some of them) sees it.
 */
export const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    timestamp: z.string().datetime({ offset: true }).optional(),
    localTimestamp: z.string().datetime({ offset: true }).optional(),
    from: account,
    recipient: account,
    conversation: z.object({ id: z.string().min(1).max(512), tenantId: z.string().max(64).optional() }).passthrough(),
    channelData: z.object({ tenant: z.object({ id: z.string().max(64).optional() }).passthrough().optional() }).passthrough().optional(),
    text: z.string().max(10_000).optional(),
    value: z.unknown().optional(),
    deliveryMode: z.string().max(32).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough();

export type ActivityEnvelope = z.infer<typeof activityEnvelope>;

export function tenantOf(activity: ActivityEnvelope): string | undefined {
  return (activity.channelData?.tenant?.id ?? activity.conversation.tenantId)?.toLowerCase();
}

/** botbuilder expects Date objects where JSON carries strings. */
export function toActivity(envelope: ActivityEnvelope): Activity {
  return {
    ...envelope,
    timestamp: envelope.timestamp ? new Date(envelope.timestamp) : undefined,
    localTimestamp: envelope.localTimestamp ? new Date(envelope.localTimestamp) : undefined,
  } as unknown as Activity;
}
