import { Middleware, TurnContext } from 'botbuilder';

/**
 * A token bucket per user (Entra object id, else channel id): `perMinute` messages, refilled
 * evenly. Kept in memory on purpose: it protects this process, loses nothing that matters on a
 * restart, and a second instance simply allows its own share.
 */
export class PerUserRateLimit implements Middleware {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True if this user may have another turn now. */
  take(userKey: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(userKey) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(userKey, bucket);
    if (this.buckets.size > 50_000) this.forgetFullBuckets(now);
    return allowed;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== 'message') return next();
    const key = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'anonymous';
    if (this.take(key)) return next();
    await context.sendActivity("You're sending messages faster than I can answer. Please wait a few seconds and try again.");
  }

  private forgetFullBuckets(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
  }
}
