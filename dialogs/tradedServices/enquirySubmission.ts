import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EnquiryEntries } from '../../src/traded/enquiryRequest';

/** The longest value accepted for each field at the edge: generous, only to keep forged payloads small. */
const EDGE_LIMITS: Record<keyof EnquiryEntries, number> = {
  serviceId: 80,
  urn: 10,
  requestKind: 20,
  contractLength: 20,
  quantity: 10,
  startTerm: 20,
  contactName: 500,
  contactEmail: 500,
  contactPhone: 100,
  notes: 5000,
};

/** What fits back into the form's inputs when it is shown again (their maxLength). */
const FORM_LIMITS: Partial<Record<keyof EnquiryEntries, number>> = { contactName: 120, contactEmail: 200, contactPhone: 20, notes: 1000 };

const FIELD_LABELS: Record<keyof EnquiryEntries | 'cardId', string> = {
  cardId: 'form id',
  serviceId: 'service',
  urn: 'school',
  requestKind: 'order or enquiry',
  contractLength: 'contract',
  quantity: 'number',
  startTerm: 'start term',
  contactName: 'contact name',
  contactEmail: 'contact email',
  contactPhone: 'contact phone',
  notes: 'notes',
};

const field = (key: keyof EnquiryEntries) => z.string().max(EDGE_LIMITS[key]).default('');

/**
 * The enquiry form's data as it arrives: the card's own id (for de-duplication) and each input as
 * text. Whether the values make sense (a real service, the user's own school…) is checked after.
 */
export const enquirySubmission = z.object({
  verb: z.literal('tradedEnquirySubmit'),
  cardId: z.string().uuid(),
  serviceId: field('serviceId'),
  urn: field('urn'),
  requestKind: field('requestKind'),
  contractLength: field('contractLength'),
  quantity: field('quantity'),
  startTerm: field('startTerm'),
  contactName: field('contactName'),
  contactEmail: field('contactEmail'),
  contactPhone: field('contactPhone'),
  notes: field('notes'),
});

const KEYS = Object.keys(EDGE_LIMITS) as (keyof EnquiryEntries)[];

/** What can be recovered from a payload that failed the schema, so the form comes back with the user's entries. */
export function leniently(raw: unknown): { cardId: string; entries: EnquiryEntries } {
  const value: Record<string, unknown> = raw && typeof raw === 'object' ? { ...raw } : {};
  const text = (key: keyof EnquiryEntries) => {
    const v = value[key];
    return typeof v === 'string' ? v.slice(0, FORM_LIMITS[key] ?? EDGE_LIMITS[key]) : '';
  };
  const entries = Object.fromEntries(KEYS.map((k) => [k, text(k)])) as EnquiryEntries;
  const cardId = z.string().uuid().safeParse(value.cardId);
  return { cardId: cardId.success ? cardId.data : randomUUID(), entries };
}

/** The fields, in words, that made a payload fail the schema. */
export function unreadableFields(raw: unknown): string[] {
  const parsed = enquirySubmission.safeParse(raw);
  if (parsed.success) return [];
  const keys = parsed.error.issues.map((i) => String(i.path[0] ?? 'form'));
  return [...new Set(keys)].map((k) => FIELD_LABELS[k as keyof typeof FIELD_LABELS] ?? k);
}
