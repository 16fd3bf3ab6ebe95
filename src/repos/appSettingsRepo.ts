import { Database } from '../db/database';

/** Small facts the app keeps about itself (what demo data was last loaded, the trained language model). */
export async function getSetting(db: Database, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM app_settings WHERE key = ?', [key]))?.value;
}

export async function putSetting(db: Database, key: string, value: string): Promise<void> {
  await db.run('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
