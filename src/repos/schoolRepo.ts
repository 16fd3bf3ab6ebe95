import { Database } from '../db/database';

export type School = {
  urn: string;
  laCode: string;
  laName: string;
  name: string;
  town: string;
  postcode: string;
  phase: string;
  schoolType: string;
  typeGroup: string;
  status: string;
  district: string | null;
};

type SchoolRow = {
  urn: string; la_code: string; la_name: string | null; name: string; town: string | null; postcode: string | null;
  phase: string; school_type: string | null; type_group: string | null; status: string | null; district: string | null;
};

const SELECT = `SELECT s.urn, s.la_code, s.la_name, s.name, s.town, s.postcode, s.phase, s.school_type, s.type_group, s.status, d.district
                  FROM schools s LEFT JOIN school_districts d ON d.urn = s.urn`;

const toSchool = (r: SchoolRow): School => ({
  urn: r.urn,
  laCode: r.la_code,
  laName: r.la_name ?? '',
  name: r.name,
  town: r.town ?? '',
  postcode: r.postcode ?? '',
  phase: r.phase,
  schoolType: r.school_type ?? '',
  typeGroup: r.type_group ?? '',
  status: r.status ?? '',
  district: r.district,
});

export async function getSchool(db: Database, urn: string): Promise<School | undefined> {
  const row = await db.get<SchoolRow>(`${SELECT} WHERE s.urn = ?`, [urn]);
  return row && toSchool(row);
}

export async function getSchools(db: Database, urns: string[]): Promise<School[]> {
  if (!urns.length) return [];
  const rows = await db.all<SchoolRow>(`${SELECT} WHERE s.urn IN (${urns.map(() => '?').join(',')}) ORDER BY s.name`, urns);
  return rows.map(toSchool);
}

export async function listOpenSchools(db: Database): Promise<School[]> {
  const rows = await db.all<SchoolRow>(`${SELECT} WHERE s.status = 'Open' ORDER BY s.name`);
  return rows.map(toSchool);
}

export async function listSchoolsInDistrict(db: Database, district: string): Promise<School[]> {
  const rows = await db.all<SchoolRow>(`${SELECT} WHERE d.district = ? AND s.status = 'Open' ORDER BY s.name`, [district]);
  return rows.map(toSchool);
}

export async function listDistricts(db: Database): Promise<string[]> {
  const rows = await db.all<{ district: string }>('SELECT DISTINCT district FROM school_districts ORDER BY district');
  return rows.map((r) => r.district);
}
