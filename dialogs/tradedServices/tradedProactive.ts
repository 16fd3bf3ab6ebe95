import { enquiryListCard, enquiryStatusCard, STATUS_LABELS } from '../../src/cards/tradedAccountCards';
import { Database } from '../../src/db/database';
import { OutboxMessage } from '../../src/proactive/outbox';
import { ProactiveRenderer } from '../../src/proactive/proactiveSender';
import { Catalogue, CONTRACT_LABELS } from '../../src/traded/catalogue';
import { Enquiry, enquiryByReference } from '../../src/traded/enquiryRepo';
import { enquiryViews } from './accountAnswers';
import { ENQUIRY_RECEIVED } from './enquiryFlow';
import { STATUS_CHANGED } from './enquiryStatusUpdate';

async function enquiryOf(message: OutboxMessage, db: Database): Promise<Enquiry | undefined> {
  const reference = message.payload.reference;
  return typeof reference === 'string' ? enquiryByReference(db, reference) : undefined;
}

/**
 * Rendered when sent, from the database as it is then: an enquiry already declined or closed by
 * another manager is not announced.
 */
export function tradedRenderers(catalogue: Catalogue): Record<string, ProactiveRenderer> {
  return {
    [ENQUIRY_RECEIVED]: async (message, db) => {
      const enquiry = await enquiryOf(message, db);
      if (!enquiry || enquiry.status === 'declined' || enquiry.status === 'closed') return undefined;
      const [view] = await enquiryViews(db, [enquiry]);
      const service = catalogue.service(enquiry.serviceId)?.name ?? enquiry.serviceId;
      const title = `New ${enquiry.kind} from ${view.schoolName}: ${service}`;
      const summary = `${CONTRACT_LABELS[enquiry.contractLength]}. Sent to ${enquiry.teamEmail}; you are one of the team's managers.`;
      return enquiryListCard(catalogue, title, summary, [view], 'Restricted to the service’s team.');
    },
    [STATUS_CHANGED]: async (message, db) => {
      const enquiry = await enquiryOf(message, db);
      if (!enquiry) return undefined;
      const views = await enquiryViews(db, [enquiry]);
      return enquiryStatusCard(catalogue, `Update on ${enquiry.reference}: ${STATUS_LABELS[enquiry.status].toLowerCase()}`, 'The team has moved your enquiry on.', views);
    },
  };
}
