import { Database, SqlValue } from '../db/database';
import { ContractLength } from './catalogue';

export const ENQUIRY_STATUSES = ['received', 'in_progress', 'confirmed', 'declined', 'closed'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
export type RequestKind = 'order' | 'enquiry';

export type NewEnquiry = {
  cardInstanceId: string;
  kind: RequestKind;
  urn: string;
  serviceId: string;
  contractLength: ContractLength;
  quantity: number | null;
  startTerm: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  priceQuoted: string;
  requestedBy: string;
  requestedByName: string;
  requestedByRole: string;
  teamId: string;
  teamEmail: string;
  createdAt: string;
};
export type Enquiry = NewEnquiry & { id: number; reference: string; status: EnquiryStatus };
export type StatusChange = { id: number; status: EnquiryStatus; changedAt: string; changedBy: string; note: string };

type Row = {
  id: number; reference: string; card_instance_id: string; kind: RequestKind; urn: string; service_id: string; contract_length: ContractLength;
  quantity: number | null; start_term: string; contact_name: string; contact_email: string; contact_phone: string; notes: string;
  price_quoted: string; requested_by: string; requested_by_name: string; requested_by_role: string; team_id: string; team_email: string;
  status: EnquiryStatus; created_at: string;
};

const toEnquiry = (r: Row): Enquiry => ({
  id: r.id,
  reference: r.reference,
  cardInstanceId: r.card_instance_id,
  kind: r.kind,
  urn: r.urn,
  serviceId: r.service_id,
  contractLength: r.contract_length,
  quantity: r.quantity,
  startTerm: r.start_term,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  notes: r.notes,
  priceQuoted: r.price_quoted,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name,
  requestedByRole: r.requested_by_role,
  teamId: r.team_id,
  teamEmail: r.team_email,
  status: r.status,
  createdAt: r.created_at,
});

const SELECT = 'SELECT * FROM traded_enquiries';

async function select(db: Database, where: string, params: SqlValue[]): Promise<Enquiry[]> {
  return (await db.all<Row>(`${SELECT} ${where}`, params)).map(toEnquiry);
}

/** "TS-2026-00012": the year it was made and its row number, so it is unique and easy to read out. */
export const referenceFor = (id: number, createdAt: string) => `TS-${createdAt.slice(0, 4)}-${String(id).padStart(5, '0')}`;

/**
 * Stores an enquiry or order with its first status, once per form: a second submit of the same
 * form (a double click, a retry) returns the stored one with `created: false`.
 */
export async function insertEnquiry(tx: Database, e: NewEnquiry): Promise<{ enquiry: Enquiry; created: boolean }> {
  const existing = await enquiryByCardId(tx, e.cardInstanceId);
  if (existing) return { enquiry: existing, created: false };
  const { lastId } = await tx.run(
    `INSERT INTO traded_enquiries (card_instance_id, kind, urn, service_id, contract_length, quantity, start_term, contact_name, contact_email,
       contact_phone, notes, price_quoted, requested_by, requested_by_name, requested_by_role, team_id, team_email, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
    [e.cardInstanceId, e.kind, e.urn, e.serviceId, e.contractLength, e.quantity, e.startTerm, e.contactName, e.contactEmail, e.contactPhone,
      e.notes, e.priceQuoted, e.requestedBy.toLowerCase(), e.requestedByName, e.requestedByRole, e.teamId, e.teamEmail, e.createdAt],
  );
  await tx.run('UPDATE traded_enquiries SET reference = ? WHERE id = ?', [referenceFor(lastId, e.createdAt), lastId]);
  await tx.run(`INSERT INTO traded_enquiry_status_history (enquiry_id, status, changed_at, changed_by, note) VALUES (?, 'received', ?, ?, '')`, [
    lastId,
    e.createdAt,
    e.requestedByName,
  ]);
  const stored = await enquiryByCardId(tx, e.cardInstanceId);
  if (!stored) throw new Error('insertEnquiry: the enquiry just stored cannot be read back');
  return { enquiry: stored, created: true };
}

export async function enquiryByCardId(db: Database, cardInstanceId: string): Promise<Enquiry | undefined> {
  return (await select(db, 'WHERE card_instance_id = ?', [cardInstanceId]))[0];
}

export async function enquiryByReference(db: Database, reference: string): Promise<Enquiry | undefined> {
  return (await select(db, 'WHERE reference = ?', [reference.toUpperCase()]))[0];
}

/** The enquiries and orders made for these schools, newest first. */
export async function enquiriesForSchools(db: Database, urns: string[], limit = 10): Promise<Enquiry[]> {
  if (!urns.length) return [];
  return select(db, `WHERE urn IN (${urns.map(() => '?').join(',')}) ORDER BY created_at DESC, id DESC LIMIT ?`, [...urns, limit]);
}

export type TeamEnquiryFilter = { teamIds: string[]; serviceIds?: string[]; period?: { from: string; to: string } };

/** Enquiries routed to these teams (optionally for some services), newest first: made in [from, to) when given, otherwise those still open. */
export async function enquiriesForTeams(db: Database, filter: TeamEnquiryFilter, limit = 15): Promise<Enquiry[]> {
  const { teamIds, serviceIds, period } = filter;
  if (!teamIds.length || (serviceIds && !serviceIds.length)) return [];
  const inList = (column: string, values: string[]) => `${column} IN (${values.map(() => '?').join(',')})`;
  const conditions = [inList('team_id', teamIds), ...(serviceIds ? [inList('service_id', serviceIds)] : [])];
  conditions.push(period ? 'created_at >= ? AND created_at < ?' : `status NOT IN ('declined', 'closed')`);
  const params = [...teamIds, ...(serviceIds ?? []), ...(period ? [period.from, period.to] : []), limit];
  return select(db, `WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`, params);
}

export async function statusHistory(db: Database, enquiryId: number): Promise<StatusChange[]> {
  const rows = await db.all<{ id: number; status: EnquiryStatus; changed_at: string; changed_by: string; note: string }>(
    'SELECT id, status, changed_at, changed_by, note FROM traded_enquiry_status_history WHERE enquiry_id = ? ORDER BY id',
    [enquiryId],
  );
  return rows.map((r) => ({ id: r.id, status: r.status, changedAt: r.changed_at, changedBy: r.changed_by, note: r.note }));
}

/** Moves an enquiry to a new status and records who did it and why; returns the history entry's id. */
export async function changeStatus(tx: Database, enquiryId: number, change: Omit<StatusChange, 'id'>): Promise<number> {
  await tx.run('UPDATE traded_enquiries SET status = ? WHERE id = ?', [change.status, enquiryId]);
  const { lastId } = await tx.run('INSERT INTO traded_enquiry_status_history (enquiry_id, status, changed_at, changed_by, note) VALUES (?, ?, ?, ?, ?)', [
    enquiryId,
    change.status,
    change.changedAt,
    change.changedBy,
    change.note,
  ]);
  return lastId;
}
