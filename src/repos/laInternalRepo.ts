import { Database } from '../db/database';

export type AdviserVisit = { visitDate: string; adviserName: string; status: 'planned' | 'completed'; focus: string; notes: string };
export type NoticeOfConcern = { issuedOn: string; reason: string; status: 'open' | 'closed'; reviewDue: string | null };
export type AdviserAssignment = { adviserName: string; adviserEmail: string };

export async function adviserFor(db: Database, urn: string): Promise<AdviserAssignment | undefined> {
  const row = await db.get<{ adviser_name: string; adviser_email: string }>(
    'SELECT adviser_name, adviser_email FROM adviser_assignments WHERE urn = ?',
    [urn],
  );
  return row && { adviserName: row.adviser_name, adviserEmail: row.adviser_email };
}

export async function visitsFor(db: Database, urn: string): Promise<AdviserVisit[]> {
  const rows = await db.all<{ visit_date: string; adviser_name: string; status: 'planned' | 'completed'; focus: string; notes: string }>(
    'SELECT visit_date, adviser_name, status, focus, notes FROM adviser_visits WHERE urn = ? ORDER BY visit_date DESC',
    [urn],
  );
  return rows.map((r) => ({ visitDate: r.visit_date, adviserName: r.adviser_name, status: r.status, focus: r.focus, notes: r.notes }));
}

export async function noticesFor(db: Database, urn: string): Promise<NoticeOfConcern[]> {
  const rows = await db.all<{ issued_on: string; reason: string; status: 'open' | 'closed'; review_due: string | null }>(
    'SELECT issued_on, reason, status, review_due FROM notices_of_concern WHERE urn = ? ORDER BY issued_on DESC',
    [urn],
  );
  return rows.map((r) => ({ issuedOn: r.issued_on, reason: r.reason, status: r.status, reviewDue: r.review_due }));
}
