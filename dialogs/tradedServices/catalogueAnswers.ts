import { messageCard } from '../../src/cards/conversationCards';
import { categoriesCard, priceCard, SchoolQuote, serviceCard, serviceListCard } from '../../src/cards/tradedCatalogueCards';
import { Recognition } from '../../src/language/intents';
import { getSchools } from '../../src/repos/schoolRepo';
import { threeYearDiscount, TradedService } from '../../src/traded/catalogue';
import { bestMatch, namedServices, searchCatalogue } from '../../src/traded/catalogueSearch';
import { pricingSchool } from '../../src/traded/schoolRoll';
import { quote } from '../../src/traded/servicePricing';
import { FeatureTurn } from '../feature';
import { namedSchools, TradedContext } from './tradedContext';

/** "What traded services are there?", "do you do anything on phonics?", "governor training". */
export async function answerBrowse(ctx: TradedContext, turn: FeatureTurn, text: string): Promise<void> {
  const search = searchCatalogue(ctx.catalogue, text);
  const named = namedServices(search);
  const best = bestMatch(search);
  if (best && named.length === 1) return turn.send(serviceCard(ctx.catalogue, best, turn.user.role));
  if (named.length) {
    const others = search.matches.map((m) => m.service).filter((s) => !named.includes(s));
    return turn.send(serviceListCard(ctx.catalogue, 'Services that match your question', `${named.length} services match "${text}", best match first.`, [...named, ...others]));
  }
  const [category] = search.categories;
  if (category) return showCategory(ctx, turn, category.id);
  await turn.send(categoriesCard(ctx.catalogue));
}

export async function showCategory(ctx: TradedContext, turn: FeatureTurn, categoryId: string): Promise<void> {
  const category = ctx.catalogue.category(categoryId);
  if (!category) {
    await turn.send(messageCard('That category is not in the catalogue', ['Please choose one of these.']), categoriesCard(ctx.catalogue));
    return;
  }
  const services = ctx.catalogue.services.filter((s) => s.category === category.id);
  await turn.send(serviceListCard(ctx.catalogue, category.label, `${services.length} services. Choose one for what it includes, its price and how to order.`, services));
}

/** A service chosen from a card: the id came from the client, so it is looked up again here. */
export async function showService(ctx: TradedContext, turn: FeatureTurn, serviceId: string): Promise<void> {
  const service = ctx.catalogue.service(serviceId);
  if (!service) return unknownService(ctx, turn);
  await turn.send(serviceCard(ctx.catalogue, service, turn.user.role));
}

/** A button whose data did not parse: an old card, or a forged one. */
export async function staleButton(ctx: TradedContext, turn: FeatureTurn): Promise<void> {
  await turn.send(messageCard('That button did not work', ['The card may be out of date. Here is the current catalogue.']), categoriesCard(ctx.catalogue));
}

export async function unknownService(ctx: TradedContext, turn: FeatureTurn): Promise<void> {
  const message = messageCard('That service is not in the catalogue', ['It may have been withdrawn, or the card is out of date. Here is the current catalogue.']);
  await turn.send(message, categoriesCard(ctx.catalogue));
}

/** "How much is the adviser programme for us?" */
export async function answerPrice(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition, text: string): Promise<void> {
  const search = searchCatalogue(ctx.catalogue, text);
  const service = bestMatch(search);
  if (service) return sendPrice(ctx, turn, service, await priceSchoolsFor(ctx, turn, recognition), quantityIn(text));
  const named = namedServices(search);
  if (named.length) return turn.send(serviceListCard(ctx.catalogue, 'Which service?', 'Choose a service for its price.', named));
  const message = messageCard('Which service?', ['Name the service you would like a price for, e.g. "how much is the adviser programme for us?". Here is the catalogue.']);
  await turn.send(message, categoriesCard(ctx.catalogue));
}

/** A price button on a card: the user's own schools. */
export async function priceFromCard(ctx: TradedContext, turn: FeatureTurn, serviceId: string): Promise<void> {
  const service = ctx.catalogue.service(serviceId);
  if (!service) return unknownService(ctx, turn);
  await sendPrice(ctx, turn, service, await getSchools(ctx.deps.db, turn.user.schoolUrns), undefined);
}

/** Prices are published to every school, so any school may be named; otherwise the user's own. */
async function priceSchoolsFor(ctx: TradedContext, turn: FeatureTurn, recognition: Recognition) {
  const named = await namedSchools(ctx, recognition);
  return named.length ? named : getSchools(ctx.deps.db, turn.user.schoolUrns);
}

async function sendPrice(ctx: TradedContext, turn: FeatureTurn, service: TradedService, schools: Awaited<ReturnType<typeof getSchools>>, quantity: number | undefined) {
  const threeYearDiscountPercent = threeYearDiscount(ctx.catalogue, service);
  const quotes: SchoolQuote[] = [];
  for (const school of schools.slice(0, 3)) {
    const pricing = await pricingSchool(ctx.deps.db, school);
    quotes.push({ school: pricing, quote: quote(service, { school: pricing, quantity, threeYearDiscountPercent }) });
  }
  const general = quote(service, { quantity, threeYearDiscountPercent });
  await turn.send(priceCard(ctx.catalogue, service, quotes, general, turn.user.role));
}

export function quantityIn(text: string): number | undefined {
  const m = /\b(\d{1,3})\s*(delegates?|people|places|teachers|staff|ects?|days?|governors|mentors)\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}
