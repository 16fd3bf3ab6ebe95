import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../projectPaths';

export const DEFAULT_CATALOGUE_PATH = path.join(DATA_DIR, 'traded', 'catalogue.json');

const pounds = z.number().nonnegative().finite();
const id = z.string().regex(/^[a-z0-9_-]{1,60}$/);

/** A band for some phases (as DfE names them: primary, secondary, special…), or for "any" phase. */
const band = z
  .object({ phases: z.array(z.string().min(1)).min(1), norFrom: z.number().int().nonnegative(), norTo: z.number().int().nullable(), amount: pounds })
  .refine((b) => b.norTo === null || b.norTo >= b.norFrom, 'a band ends before it starts');

/** How a service is priced. Amounts are pounds, per year for contracts and per booking for one-off services. */
export const pricingRule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('flat'), amount: pounds }),
    z.object({ kind: z.literal('per_pupil'), perPupil: pounds, minimum: pounds, maximum: pounds }),
    z.object({ kind: z.literal('banded'), bands: z.array(band).min(1) }),
    z.object({ kind: z.literal('per_delegate'), perDelegate: pounds, unit: z.string().min(1), maxPerBooking: z.number().int().positive() }),
    z.object({ kind: z.literal('day_rate'), perDay: pounds, note: z.string().optional() }),
  ])
  .refine((r) => r.kind !== 'per_pupil' || r.minimum <= r.maximum, 'minimum is above maximum');
export type PricingRule = z.infer<typeof pricingRule>;

export const vatTerms = z
  .object({
    treatment: z.enum(['standard', 'exempt', 'outside_scope']),
    ratePercent: z.number().min(0).max(100),
    pricesIncludeVat: z.boolean(),
    note: z.string().optional(),
  })
  .refine((v) => (v.treatment === 'standard') === v.ratePercent > 0, 'only standard-rated services carry a VAT rate');
export type VatTerms = z.infer<typeof vatTerms>;

export const CONTRACT_LENGTHS = ['one_year', 'three_year', 'one_off'] as const;
export type ContractLength = (typeof CONTRACT_LENGTHS)[number];
export const CONTRACT_LABELS: Record<ContractLength, string> = { one_year: '1-year contract', three_year: '3-year contract', one_off: 'One-off booking' };

export const PROVIDER_KINDS = ['la_team', 'partner_school', 'commercial', 'higher_education'] as const;
export const PROVIDER_LABELS: Record<(typeof PROVIDER_KINDS)[number], string> = {
  la_team: 'LA team',
  partner_school: 'Partner school (brokered)',
  commercial: 'External provider (brokered)',
  higher_education: 'Higher education (brokered)',
};

const serviceSchema = z.object({
  id,
  name: z.string().min(1),
  category: id,
  provider: z.object({ kind: z.enum(PROVIDER_KINDS), name: z.string().min(1) }),
  description: z.string().min(1),
  audience: z.string().min(1),
  includes: z.array(z.string().min(1)).min(1),
  pricing: pricingRule,
  vat: vatTerms,
  contracts: z.array(z.enum(CONTRACT_LENGTHS)).min(1),
  threeYearDiscountPercent: z.number().min(0).max(50).optional(),
  pricesApplyFrom: z.string().date().optional(),
  team: id,
  keywords: z.array(z.string().min(1)),
});
export type TradedService = z.infer<typeof serviceSchema>;

const catalogueSchema = z
  .object({
    provenance: z.string().min(1),
    priceYear: z.string().min(1),
    pricesApplyFrom: z.string().date(),
    threeYearDiscountPercent: z.number().min(0).max(50),
    renewalNoticeDays: z.number().int().nonnegative(),
    categories: z.array(z.object({ id, label: z.string().min(1), synonyms: z.array(z.string().min(1)) })).min(1),
    teams: z.array(z.object({ id, name: z.string().min(1), email: z.string().email() })).min(1),
    services: z.array(serviceSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    const categories = new Set(c.categories.map((x) => x.id));
    const teams = new Set(c.teams.map((t) => t.id));
    if (new Set(c.services.map((s) => s.id)).size !== c.services.length) problem('duplicate service ids');
    for (const s of c.services) {
      if (!categories.has(s.category)) problem(`${s.id}: unknown category ${s.category}`);
      if (!teams.has(s.team)) problem(`${s.id}: unknown team ${s.team}`);
    }
  });

export type CatalogueCategory = { id: string; label: string; synonyms: string[] };
export type ServiceTeam = { id: string; name: string; email: string };

export type Catalogue = {
  provenance: string;
  priceYear: string;
  pricesApplyFrom: string;
  threeYearDiscountPercent: number;
  renewalNoticeDays: number;
  categories: CatalogueCategory[];
  teams: ServiceTeam[];
  services: TradedService[];
  service(id: string): TradedService | undefined;
  category(id: string): CatalogueCategory | undefined;
  team(id: string): ServiceTeam | undefined;
};

/** Reads and checks the catalogue once; a bad file stops the bot at start-up naming the problem. */
export function loadCatalogue(file: string = DEFAULT_CATALOGUE_PATH): Catalogue {
  const result = catalogueSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = result.data;
  return {
    ...c,
    service: (serviceId) => c.services.find((s) => s.id === serviceId),
    category: (categoryId) => c.categories.find((x) => x.id === categoryId),
    team: (teamId) => c.teams.find((t) => t.id === teamId),
  };
}

/** The date a service's prices apply from: its own, or the catalogue's. */
export const pricesApplyFrom = (catalogue: Catalogue, service: TradedService): string => service.pricesApplyFrom ?? catalogue.pricesApplyFrom;

export const threeYearDiscount = (catalogue: Catalogue, service: TradedService): number =>
  service.threeYearDiscountPercent ?? catalogue.threeYearDiscountPercent;
