import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Database } from '../db/database';
import { DATA_DIR } from '../projectPaths';
import { getSetting, putSetting } from '../repos/appSettingsRepo';
import { HELPED, insertFeedback, Rating } from './feedbackRepo';
import { ReceivedService } from './servicesReceived';
import { termOf } from './terms';

const demoFile = z.object({
  services: z.array(
    z.object({ kind: z.enum(['governor_services', 'cpd']), title: z.string().min(1), deliveredOn: z.string().date(), districts: z.array(z.string()).min(1) }),
  ),
  sampleFeedback: z.object({
    oneIn: z.number().int().min(1),
    ratingsByTerm: z.record(z.array(z.number().int().min(1).max(5)).min(1)),
    helped: z.array(z.enum(HELPED)).min(1),
    comments: z.record(z.enum(['adviser_visit', 'governor_services', 'cpd']), z.record(z.enum(['1', '2', '3', '4', '5']), z.array(z.string()))),
  }),
});

type RatingKey = '1' | '2' | '3' | '4' | '5';

const pick = <T>(items: T[], seed: number): T => items[Math.abs(seed) % items.length];
const seedOf = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

/**
 * The fictional demo layer for feedback: services other than adviser visits (data/demo/servicesReceived.json)
 * and sample feedback from schools none of the demo users belong to, so the demo users' own lists
 * stay untouched. Deterministic and safe to run on every start.
 */
export async function seedDemoFeedback(db: Database, today: Date = new Date()): Promise<void> {
  const text = fs.readFileSync(path.join(DATA_DIR, 'demo', 'servicesReceived.json'), 'utf8');
  // Skipped when nothing it depends on has changed since it last ran: this file, the day (services
  // become "received" as their dates pass) and the demo layer (visits, schools, users).
  const demoLayer = (await getSetting(db, 'demo_seed')) ?? '';
  const fingerprint = createHash('sha256').update(text).update(today.toISOString().slice(0, 10)).update(demoLayer).digest('hex');
  if ((await getSetting(db, 'demo_feedback_seed')) === fingerprint) return;
  const file = demoFile.parse(JSON.parse(text));
  await db.transaction(async (tx) => {
    for (const s of file.services) {
      await tx.run(
        `INSERT OR IGNORE INTO services_received (urn, service_kind, title, delivered_on)
         SELECT a.urn, ?, ?, ? FROM adviser_assignments a JOIN school_districts d ON d.urn = a.urn
          WHERE d.district IN (${s.districts.map(() => '?').join(',')})`,
        [s.kind, s.title, s.deliveredOn, ...s.districts],
      );
    }
  });
  await seedSampleFeedback(db, file.sampleFeedback, today);
  await putSetting(db, 'demo_feedback_seed', fingerprint);
}

async function seedSampleFeedback(db: Database, sample: z.infer<typeof demoFile>['sampleFeedback'], today: Date): Promise<void> {
  const todayIso = today.toISOString().slice(0, 10);
  const received = await db.all<{ ref: string; urn: string; kind: ReceivedService['kind']; date: string }>(
    `SELECT 'visit:' || urn || ':' || visit_date AS ref, urn, 'adviser_visit' AS kind, visit_date AS date FROM adviser_visits WHERE status = 'completed' AND visit_date <= ?
     UNION ALL SELECT 'service:' || id, urn, service_kind, delivered_on FROM services_received WHERE delivered_on <= ?`,
    [todayIso, todayIso],
  );
  const usersSchools = new Set((await db.all<{ urn: string }>('SELECT DISTINCT urn FROM user_schools')).map((r) => r.urn));
  await db.transaction(async (tx) => {
    for (const s of received) {
      const seed = seedOf(s.ref);
      const ratings = sample.ratingsByTerm[termOf(s.date).label];
      if (usersSchools.has(s.urn) || !ratings || Math.abs(seed) % sample.oneIn !== 0) continue;
      const rating = pick(ratings, seed >> 3) as Rating;
      const submittedAt = new Date(Math.min(Date.parse(`${s.date}T15:00:00Z`) + 3 * 86_400_000, today.getTime()));
      await insertFeedback(tx, {
        urn: s.urn,
        serviceRef: s.ref,
        serviceKind: s.kind,
        serviceDate: s.date,
        rating,
        helped: pick(sample.helped, seed >> 5),
        comment: pick(sample.comments[s.kind]?.[String(rating) as RatingKey] ?? [''], seed >> 7),
        mayContact: false,
        submittedBy: `demo:${s.urn}`,
        submitterRole: 'headteacher',
        submittedAt,
        cardInstanceId: `demo:${s.ref}`,
        activityKey: null,
      });
    }
  });
}
