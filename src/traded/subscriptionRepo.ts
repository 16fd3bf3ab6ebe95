import { Database } from '../db/database';

export type Subscription = {
  urn: string;
  serviceId: string;
  contractLength: 'one_year' | 'three_year';
  startsOn: string;
  endsOn: string;
  /** As invoiced, excluding VAT; null when not recorded. */
  annualPricePence: number | null;
  source: string;
};

type Row = { urn: string; service_id: string; contract_length: Subscription['contractLength']; starts_on: string; ends_on: string; annual_price_pence: number | null; source: string };

/** A school's subscriptions that have not ended by `today`, soonest to end first. */
export async function currentSubscriptions(db: Database, urn: string, today: string): Promise<Subscription[]> {
  const rows = await db.all<Row>(
    `SELECT urn, service_id, contract_length, starts_on, ends_on, annual_price_pence, source FROM traded_subscriptions
      WHERE urn = ? AND ends_on >= ? ORDER BY ends_on, service_id`,
    [urn, today],
  );
  return rows.map((r) => ({
    urn: r.urn,
    serviceId: r.service_id,
    contractLength: r.contract_length,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    annualPricePence: r.annual_price_pence,
    source: r.source,
  }));
}

export async function upsertSubscription(tx: Database, s: Subscription): Promise<void> {
  await tx.run(
    `INSERT INTO traded_subscriptions (urn, service_id, contract_length, starts_on, ends_on, annual_price_pence, source) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (urn, service_id, starts_on) DO UPDATE SET contract_length = excluded.contract_length, ends_on = excluded.ends_on,
       annual_price_pence = excluded.annual_price_pence, source = excluded.source`,
    [s.urn, s.serviceId, s.contractLength, s.startsOn, s.endsOn, s.annualPricePence, s.source],
  );
}
