import { Database } from '../db/database';

/**
 * Which service managers manage which traded services team. Teams are defined in the catalogue;
 * who manages them is provisioned data (the demo's is in data/demo/tradedTeams.json).
 */
export async function teamsManagedBy(db: Database, entraObjectId: string): Promise<string[]> {
  const rows = await db.all<{ team_id: string }>('SELECT team_id FROM traded_team_managers WHERE entra_object_id = ? ORDER BY team_id', [
    entraObjectId.toLowerCase(),
  ]);
  return rows.map((r) => r.team_id);
}

/** Active service managers of a team: the people told when an enquiry for the team arrives. */
export async function managersOfTeam(db: Database, teamId: string): Promise<string[]> {
  const rows = await db.all<{ entra_object_id: string }>(
    `SELECT m.entra_object_id FROM traded_team_managers m JOIN users u ON u.entra_object_id = m.entra_object_id
      WHERE m.team_id = ? AND u.active = 1 AND u.role = 'service_manager' ORDER BY m.entra_object_id`,
    [teamId],
  );
  return rows.map((r) => r.entra_object_id);
}

export async function setTeamManagers(tx: Database, entraObjectId: string, teamIds: string[]): Promise<void> {
  const id = entraObjectId.toLowerCase();
  await tx.run('DELETE FROM traded_team_managers WHERE entra_object_id = ?', [id]);
  for (const teamId of teamIds) await tx.run('INSERT INTO traded_team_managers (team_id, entra_object_id) VALUES (?, ?)', [teamId, id]);
}
