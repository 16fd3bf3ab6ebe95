import { Role } from '../repos/userRepo';
import { Catalogue, CONTRACT_LABELS, CONTRACT_LENGTHS, TradedService } from '../traded/catalogue';
import { Enquiry } from '../traded/enquiryRepo';
import { allowedKinds, EnquiryEntries } from '../traded/enquiryRequest';
import { StartTerm, termLabel } from '../traded/startTerms';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

type Choice = { value: string; title: string };

declare module './cardModels' {
  interface CardModels {
    tradedEnquiryForm: {
      cardId: string;
      serviceId: string;
      title: string;
      intro: string;
      problems: string[];
      servicePicker: boolean;
      services: { id: string; name: string }[];
      schools: { urn: string; name: string }[];
      kinds: Choice[];
      contracts: Choice[];
      terms: Choice[];
      quantityLabel: string;
      entries: EnquiryEntries;
      routingLine: string;
    };
    tradedEnquiryReceipt: { title: string; reference: string; facts: { title: string; value: string }[]; lines: string[]; suggestions: string[] };
  }
}

const KIND_TITLES: Record<string, string> = { order: 'Order: please set this up', enquiry: 'Enquiry: please contact us first' };

export type EnquiryFormView = {
  catalogue: Catalogue;
  /** Undefined when the form came back naming a service the catalogue does not hold: the user picks it again. */
  service: TradedService | undefined;
  role: Role;
  schools: { urn: string; name: string }[];
  terms: StartTerm[];
  entries: EnquiryEntries;
  problems: string[];
  cardId: string;
};

/** The order or enquiry form, filled with what the user entered last time (or sensible defaults). */
export function enquiryFormCard(v: EnquiryFormView): AdaptiveCardJson {
  const { service, catalogue } = v;
  const kinds = allowedKinds(v.role).map((k) => ({ value: k, title: KIND_TITLES[k] }));
  const contracts = (service ? service.contracts : [...CONTRACT_LENGTHS]).map((c) => ({ value: c, title: CONTRACT_LABELS[c] }));
  const rule = service?.pricing;
  const quantityLabel = rule?.kind === 'per_delegate' ? `Number of ${rule.unit}s` : rule?.kind === 'day_rate' ? 'Number of days' : '';
  const team = service && catalogue.team(service.team);
  const ordering = kinds.some((k) => k.value === 'order');
  const title = service ? `${ordering ? 'Order or enquire' : 'Enquire'}: ${service.name}` : 'Which service would you like?';
  const intro = ordering
    ? 'Send an order or an enquiry to the team. Nothing is bought until the team confirms it with you.'
    : 'As a governor you can send an enquiry, and the team will contact the school; the headteacher places orders.';
  return renderCard(
    'tradedEnquiryForm',
    {
      cardId: v.cardId,
      serviceId: service?.id ?? '',
      title,
      intro,
      problems: v.problems,
      servicePicker: !service,
      services: catalogue.services.map((s) => ({ id: s.id, name: s.name })),
      schools: v.schools,
      kinds,
      contracts,
      terms: v.terms.map((t) => ({ value: t.value, title: t.label })),
      quantityLabel,
      entries: v.entries,
      routingLine: team ? `Goes to ${team.name} (${team.email}). You will get a reference to ask about its progress.` : 'Goes to the team that runs the service.',
    },
    v.problems.length ? `${title}. Please check the form: ${v.problems.join(' ')}` : title,
  );
}

/** Said only after the enquiry is committed to the database. */
export function enquiryReceiptCard(catalogue: Catalogue, enquiry: Enquiry, schoolName: string, duplicate: boolean): AdaptiveCardJson {
  const service = catalogue.service(enquiry.serviceId);
  const team = catalogue.team(enquiry.teamId);
  const what = enquiry.kind === 'order' ? 'Order' : 'Enquiry';
  const title = duplicate ? `${what} already received` : `${what} received`;
  const facts = [
    { title: 'Service', value: service?.name ?? enquiry.serviceId },
    { title: 'School', value: schoolName },
    { title: 'Contract', value: CONTRACT_LABELS[enquiry.contractLength] },
    { title: 'Start', value: termLabel(enquiry.startTerm) },
    ...(enquiry.quantity === null ? [] : [{ title: 'Number', value: String(enquiry.quantity) }]),
    ...(enquiry.priceQuoted ? [{ title: 'Price quoted', value: enquiry.priceQuoted }] : []),
    { title: 'Contact', value: `${enquiry.contactName}, ${enquiry.contactEmail}${enquiry.contactPhone ? `, ${enquiry.contactPhone}` : ''}` },
  ];
  const lines = [
    ...(duplicate ? ['You had already sent this form, so it is stored once; nothing new was sent.'] : []),
    `It has gone to ${team?.name ?? 'the service team'} (${enquiry.teamEmail}), who will contact ${enquiry.contactName}.`,
    `Ask me "status of ${enquiry.reference}" at any time.`,
  ];
  return renderCard('tradedEnquiryReceipt', { title, reference: enquiry.reference, facts, lines, suggestions: [`Status of ${enquiry.reference}`] }, `${title}: ${enquiry.reference}.`);
}
