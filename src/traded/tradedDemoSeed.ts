import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Database } from '../db/database';
import { DATA_DIR } from '../projectPaths';
import { Catalogue } from './catalogue';
import { insertEnquiry } from './enquiryRepo';
import { setTeamManagers } from './serviceTeams';
import { upsertSubscription } from './subscriptionRepo';

const DEMO_DIR = path.join(DATA_DIR, 'demo');
const urn = z.string().regex(/^\d{6}$/);

const subscriptionsFile = z.object({
  fictional: z.literal(true),
  note: z.string(),
  subscriptions: z.array(
    z.object({
      urn,
      serviceId: z.string(),
      contractLength: z.enum(['one_year', 'three_year']),
      startsOn: z.string().date(),
      endsOn: z.string().date(),
      annualPrice: z.number().nonnegative().nullable(),
    }),
  ),
  enquiries: z.array(
    z.object({
      cardInstanceId: z.string().uuid(),
      kind: z.enum(['order', 'enquiry']),
      urn,
      serviceId: z.string(),
      contractLength: z.enum(['one_year', 'three_year', 'one_off']),
      startTerm: z.string(),
      contactName: z.string(),
      contactEmail: z.string().email(),
      notes: z.string(),
      requestedBy: z.string().uuid(),
      createdAt: z.string().datetime(),
    }),
  ),
});

const teamsFile = z.object({
  fictional: z.literal(true),
  note: z.string(),
  managers: z.array(z.object({ entraObjectId: z.string().uuid(), name: z.string(), teams: z.array(z.string()).min(1) })),
});

const readJson = <T>(schema: z.ZodType<T>, file: string): T => schema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8')));

const SOURCE = 'Fictional demo data (data/demo/subscriptions.json)';

/**
 * Loads the fictional traded services layer: who manages which team, the demo schools'
 * subscriptions and a few enquiries. Safe to run on every start; run after the demo users exist.
 */
export async function seedTradedDemoData(db: Database, catalogue: Catalogue): Promise<void> {
  const demo = readJson(subscriptionsFile, 'subscriptions.json');
  const teams = readJson(teamsFile, 'tradedTeams.json');
  const unknown = [...demo.subscriptions, ...demo.enquiries].map((s) => s.serviceId).filter((id) => !catalogue.service(id));
  const unknownTeams = teams.managers.flatMap((m) => m.teams).filter((t) => !catalogue.team(t));
  if (unknown.length || unknownTeams.length) throw new Error(`Demo traded services data names unknown services or teams: ${[...unknown, ...unknownTeams].join(', ')}`);
  await db.transaction(async (tx) => {
    for (const m of teams.managers) await setTeamManagers(tx, m.entraObjectId, m.teams);
    for (const s of demo.subscriptions) {
      if (!(await tx.get('SELECT 1 FROM schools WHERE urn = ?', [s.urn]))) continue;
      const annualPricePence = s.annualPrice === null ? null : Math.round(s.annualPrice * 100);
      await upsertSubscription(tx, { ...s, annualPricePence, source: SOURCE });
    }
    for (const e of demo.enquiries) {
      const requester = await tx.get<{ display_name: string; role: string }>('SELECT display_name, role FROM users WHERE entra_object_id = ?', [e.requestedBy]);
      const service = catalogue.service(e.serviceId);
      const team = service && catalogue.team(service.team);
      if (!requester || !team || !(await tx.get('SELECT 1 FROM schools WHERE urn = ?', [e.urn]))) continue;
      await insertEnquiry(tx, {
        ...e,
        quantity: null,
        contactPhone: '',
        priceQuoted: '',
        requestedByName: requester.display_name,
        requestedByRole: requester.role,
        teamId: team.id,
        teamEmail: team.email,
      });
    }
  });
}
