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

type SchoolList = { all: School[]; byUrn: Map<string, School>; districts: string[] };

/** Every school, by name, held in memory while the published data is unchanged. */
function schoolList(db: Database): Promise<SchoolList> {
  return db.snapshot('published', 'schools', async () => {
    const all = (await db.all<SchoolRow>(`${SELECT} ORDER BY s.name, s.urn`)).map((r) => Object.freeze(toSchool(r)));
    const districts = [...new Set(all.flatMap((s) => (s.district ? [s.district] : [])))].sort();
    return { all, byUrn: new Map(all.map((s) => [s.urn, s])), districts };
  });
}

export async function getSchool(db: Database, urn: string): Promise<School | undefined> {
  return (await schoolList(db)).byUrn.get(urn);
}

/** The schools with these URNs, by name; unknown URNs are left out. */
export async function getSchools(db: Database, urns: string[]): Promise<School[]> {
  if (!urns.length) return [];
  const wanted = new Set(urns);
  return (await schoolList(db)).all.filter((s) => wanted.has(s.urn));
}

export async function listOpenSchools(db: Database): Promise<School[]> {
  return (await schoolList(db)).all.filter((s) => s.status === 'Open');
}

export async function listSchoolsInDistrict(db: Database, district: string): Promise<School[]> {
  return (await schoolList(db)).all.filter((s) => s.district === district && s.status === 'Open');
}

export async function listDistricts(db: Database): Promise<string[]> {
  return [...(await schoolList(db)).districts];
}
