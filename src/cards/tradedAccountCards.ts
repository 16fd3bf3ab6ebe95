import { Catalogue, CONTRACT_LABELS } from '../traded/catalogue';
import { Enquiry, ENQUIRY_STATUSES, EnquiryStatus, StatusChange } from '../traded/enquiryRepo';
import { longDate } from '../dates';
import { formatPence } from '../traded/priceText';
import { termLabel } from '../traded/startTerms';
import { Subscription } from '../traded/subscriptionRepo';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

type Fact = { title: string; value: string };
type EnquiryRow = { reference: string; heading: string; facts: Fact[]; history: string[] };

declare module './cardModels' {
  interface CardModels {
    tradedSubscriptions: {
      title: string;
      source: string;
      asAt: string;
      filterNote: string;
      canEnquire: boolean;
      schools: { name: string; empty: string; rows: { serviceId: string; service: string; contract: string; period: string; renewal: string; price: string }[] }[];
    };
    tradedEnquiryStatus: { title: string; intro: string; enquiries: EnquiryRow[] };
    tradedEnquiryList: {
      title: string;
      summary: string;
      enquiries: (EnquiryRow & { notes: string; statuses: { enquiry: string; value: string; title: string }[] })[];
      footer: string;
    };
  }
}

export const STATUS_LABELS: Record<EnquiryStatus, string> = {
  received: 'Received',
  in_progress: 'In progress',
  confirmed: 'Confirmed',
  declined: 'Declined',
  closed: 'Closed',
};

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type SchoolSubscriptions = { name: string; subscriptions: Subscription[] };

export function subscriptionsCard(
  catalogue: Catalogue,
  view: { title: string; filterNote: string; schools: SchoolSubscriptions[]; canEnquire: boolean; today: string; source: string },
): AdaptiveCardJson {
  const schools = view.schools.map((s) => ({
    name: s.name,
    empty: s.subscriptions.length ? '' : 'No current subscriptions on record.',
    rows: s.subscriptions.map((sub) => {
      const noticeBy = addDays(sub.endsOn, -catalogue.renewalNoticeDays);
      const notice = noticeBy < view.today ? `the notice date (${longDate(noticeBy)}) has passed` : `tell the team by ${longDate(noticeBy)} if you will not renew`;
      return {
        serviceId: sub.serviceId,
        service: catalogue.service(sub.serviceId)?.name ?? sub.serviceId,
        contract: CONTRACT_LABELS[sub.contractLength],
        period: `${longDate(sub.startsOn)} to ${longDate(sub.endsOn)}`,
        renewal: `Ends ${longDate(sub.endsOn)}; ${notice} (${catalogue.renewalNoticeDays} days' notice)`,
        price: sub.annualPricePence === null ? 'Not recorded' : `${formatPence(sub.annualPricePence)} a year excluding VAT, as invoiced`,
      };
    }),
  }));
  const fallback = schools.map((s) => `${s.name}: ${s.rows.map((r) => `${r.service} (ends ${r.period.split(' to ')[1]})`).join('; ') || 'none'}`).join('. ');
  return renderCard(
    'tradedSubscriptions',
    { title: view.title, source: view.source, asAt: longDate(view.today), filterNote: view.filterNote, canEnquire: view.canEnquire, schools },
    `${view.title}. ${fallback}`,
  );
}

function enquiryRow(catalogue: Catalogue, e: Enquiry, schoolName: string, history: StatusChange[]): EnquiryRow {
  const service = catalogue.service(e.serviceId)?.name ?? e.serviceId;
  return {
    reference: e.reference,
    heading: `${e.kind === 'order' ? 'Order' : 'Enquiry'} for ${service}`,
    facts: [
      { title: 'School', value: schoolName },
      { title: 'Status', value: STATUS_LABELS[e.status] },
      { title: 'Made', value: `${longDate(e.createdAt)} by ${e.requestedByName}` },
      { title: 'Contract', value: `${CONTRACT_LABELS[e.contractLength]}, from ${termLabel(e.startTerm)}${e.quantity === null ? '' : `, ${e.quantity} requested`}` },
      { title: 'Contact', value: `${e.contactName}, ${e.contactEmail}${e.contactPhone ? `, ${e.contactPhone}` : ''}` },
      { title: 'Routed to', value: `${catalogue.team(e.teamId)?.name ?? e.teamId} (${e.teamEmail})` },
    ],
    history: history.map((h) => `${longDate(h.changedAt)}: ${STATUS_LABELS[h.status]} (${h.changedBy})${h.note ? `: ${h.note}` : ''}`),
  };
}

export type EnquiryView = { enquiry: Enquiry; schoolName: string; history: StatusChange[] };

export function enquiryStatusCard(catalogue: Catalogue, title: string, intro: string, enquiries: EnquiryView[]): AdaptiveCardJson {
  const rows = enquiries.map((v) => enquiryRow(catalogue, v.enquiry, v.schoolName, v.history));
  return renderCard('tradedEnquiryStatus', { title, intro, enquiries: rows }, `${title}. ${rows.map((r) => `${r.reference}: ${r.facts[1].value}`).join('; ')}`);
}

/** A service manager's list (or one new enquiry, for the proactive alert), with buttons to move each on. */
export function enquiryListCard(catalogue: Catalogue, title: string, summary: string, enquiries: EnquiryView[], footer: string): AdaptiveCardJson {
  const rows = enquiries.map((v) => ({
    ...enquiryRow(catalogue, v.enquiry, v.schoolName, v.history),
    notes: v.enquiry.notes,
    statuses: ENQUIRY_STATUSES.filter((s) => s !== 'received' && s !== v.enquiry.status).map((s) => ({ enquiry: v.enquiry.reference, value: s, title: STATUS_LABELS[s] })),
  }));
  return renderCard('tradedEnquiryList', { title, summary, enquiries: rows, footer }, `${title}. ${summary}`);
}
