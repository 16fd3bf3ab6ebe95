import { z } from 'zod';
import { Database } from '../db/database';

export const ROLES = ['headteacher', 'governor', 'chair_of_governors', 'la_adviser', 'la_officer', 'service_manager'] as const;
export type Role = (typeof ROLES)[number];

export type AppUser = {
  entraObjectId: string;
  email: string;
  displayName: string;
  role: Role;
  schoolUrns: string[];
};

/** One row of the user provisioning CSV the council's IT team supplies. */
export const userImportRow = z.object({
  entra_object_id: z.string().trim().uuid('entra_object_id is not an Entra object id (a GUID)'),
  email: z.string().trim().email('email is not an email address'),
  display_name: z.string().trim().min(1, 'display_name is blank').max(200),
  role: z.enum(ROLES, { errorMap: () => ({ message: `role must be one of ${ROLES.join(', ')}` }) }),
  school_urns: z
    .string()
    .trim()
    .default('')
    .transform((s) => s.split(/[;\s]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{6}$/, 'each school URN must be six digits'))),
});
export type UserImportRow = z.infer<typeof userImportRow>;

/** An active user by Entra object id; held in memory while the directory is unchanged. */
export async function findUser(db: Database, entraObjectId: string): Promise<AppUser | undefined> {
  const id = entraObjectId.toLowerCase();
  // Unknown ids are not held, so someone sending made-up ids cannot fill memory.
  return db.snapshot('directory', `user:${id}`, () => loadUser(db, id), { keep: (user) => user !== undefined });
}

async function loadUser(db: Database, id: string): Promise<AppUser | undefined> {
  const user = await db.get<{ entra_object_id: string; email: string; display_name: string; role: Role; urns: string | null }>(
    `SELECT u.entra_object_id, u.email, u.display_name, u.role, GROUP_CONCAT(s.urn) AS urns
       FROM users u LEFT JOIN user_schools s ON s.entra_object_id = u.entra_object_id
      WHERE u.entra_object_id = ? AND u.active = 1
      GROUP BY u.entra_object_id`,
    [id],
  );
  if (!user) return undefined;
  return Object.freeze({
    entraObjectId: user.entra_object_id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    schoolUrns: (user.urns ?? '').split(',').filter(Boolean).sort(),
  });
}

/** Adds or replaces users and their school links; one transaction, so a bad file changes nothing. */
export async function upsertUsers(db: Database, rows: UserImportRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of rows) {
      const id = r.entra_object_id.toLowerCase();
      await tx.run(
        `INSERT INTO users (entra_object_id, email, display_name, role, active) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (entra_object_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, role = excluded.role, active = 1`,
        [id, r.email, r.display_name, r.role],
      );
      await tx.run('DELETE FROM user_schools WHERE entra_object_id = ?', [id]);
      for (const urn of r.school_urns) await tx.run('INSERT INTO user_schools (entra_object_id, urn) VALUES (?, ?)', [id, urn]);
    }
  });
}
