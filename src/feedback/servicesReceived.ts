import { Database } from '../db/database';
import { longDate } from '../dates';

export const SERVICE_KINDS = ['adviser_visit', 'governor_services', 'cpd'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  adviser_visit: 'adviser visits',
  governor_services: 'governor services',
  cpd: 'CPD courses',
};
export const SERVICE_KIND_NAMES: Record<ServiceKind, string> = { adviser_visit: 'adviser visit', governor_services: 'governor service', cpd: 'CPD course' };

/**
 * A service a school has received and may give feedback on. `ref` is what the card sends back:
 * 'visit:<urn>:<date>' for an adviser visit (its natural key: the demo seed re-creates visit rows on
 * every start, so their ids change), 'service:<id>' for anything in services_received.
 */
export type ReceivedService = { ref: string; urn: string; schoolName: string; kind: ServiceKind; title: string; date: string };

type Row = { ref: string; urn: string; school_name: string; kind: ServiceKind; title: string; date: string };

const RECEIVED_SQL = `
  SELECT 'visit:' || v.urn || ':' || v.visit_date AS ref, v.urn, s.name AS school_name, 'adviser_visit' AS kind,
         'Adviser visit with ' || v.adviser_name AS title, v.visit_date AS date
    FROM adviser_visits v JOIN schools s ON s.urn = v.urn
   WHERE v.status = 'completed' AND v.visit_date <= ?
  UNION ALL
  SELECT 'service:' || r.id, r.urn, s.name, r.service_kind, r.title, r.delivered_on
    FROM services_received r JOIN schools s ON s.urn = r.urn
   WHERE r.delivered_on <= ?`;

const toService = (r: Row): ReceivedService => ({ ref: r.ref, urn: r.urn, schoolName: r.school_name, kind: r.kind, title: r.title, date: r.date });

/** What these schools have received up to `today`, most recent first. */
export async function servicesReceivedBy(db: Database, urns: string[], today: string): Promise<ReceivedService[]> {
  if (!urns.length) return [];
  const rows = await db.all<Row>(
    `SELECT * FROM (${RECEIVED_SQL}) WHERE urn IN (${urns.map(() => '?').join(',')}) ORDER BY date DESC, ref`,
    [today, today, ...urns],
  );
  return rows.map(toService);
}

/** A service by the reference a card sent back, if it exists and was delivered by `today`. */
export async function findReceivedService(db: Database, ref: string, today: string): Promise<ReceivedService | undefined> {
  const row = await db.get<Row>(`SELECT * FROM (${RECEIVED_SQL}) WHERE ref = ?`, [today, today, ref]);
  return row && toService(row);
}

export const SERVICE_REF = /^(visit:\d{6}:\d{4}-\d{2}-\d{2}|service:\d{1,9})$/;

/** "Adviser visit with Tom Hartley, 25 November 2026", with the school when the person has more than one. */
export function serviceLabel(s: ReceivedService, withSchool: boolean): string {
  return `${s.title}, ${longDate(s.date)}${withSchool ? ` (${s.schoolName})` : ''}`;
}
