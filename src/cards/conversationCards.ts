import { AppUser } from '../repos/userRepo';
import { isLaRole } from '../services/accessPolicy';
import { AdaptiveCardJson, renderCard } from './cardRenderer';

const ROLE_LINES: Record<AppUser['role'], string> = {
  headteacher: 'I can show you how your school is doing against the county and England, and your LA school improvement record.',
  governor: "I can explain how your school is doing in plain English, against the county and England, so you can hold leaders to account.",
  chair_of_governors: "I can explain how your school is doing in plain English, against the county and England, so you can hold leaders to account.",
  la_adviser: 'You can ask about any school by name or URN, see its LA record, and list schools in a district by a measure.',
  la_officer: 'You can ask about any school by name or URN, see its LA record, and list schools in a district by a measure.',
  service_manager: 'You can look up any school’s published figures.',
};

export function suggestionsFor(user: AppUser): string[] {
  // Short enough for a button on a phone: Teams clips long titles.
  if (isLaRole(user.role)) return ['How is Sandon JMI doing?', 'Dacorum: persistent absence above 20%', 'Help'];
  return ['How are we doing?', 'Persistent absence vs county', 'Reading: last three years'];
}

function capabilitiesFor(user: AppUser): string[] {
  const common = [
    'Published results: KS2 (SATs), KS4 (Progress 8, Attainment 8, grade 5 English and maths), absence and persistent absence, pupil numbers, free school meals, SEN, against the county and England, with trends',
    'What the terms mean, in plain English ("what does Progress 8 mean?")',
    'Briefings: what is on, booking a place, what was covered',
    'Traded services: what you can buy, prices, subscriptions and enquiries',
    'Feedback on the services your school received',
  ];
  if (isLaRole(user.role)) return [...common, 'Any school by name or URN, and lists of schools in a district', 'LA-internal records: banding, notices of concern, adviser visits'];
  if (user.role === 'service_manager') return [...common, 'Any school by name or URN', 'Feedback summaries and enquiries for your services'];
  return [...common, 'A governors’ briefing pack with the questions to ask', 'Your LA school improvement record: banding, notices of concern, adviser visits'];
}

export function welcomeCard(user: AppUser, serviceName: string): AdaptiveCardJson {
  const firstName = user.displayName.split(' ')[0];
  return renderCard(
    'welcome',
    { firstName, serviceName, roleLine: ROLE_LINES[user.role], capabilities: capabilitiesFor(user), suggestions: suggestionsFor(user) },
    `Hello ${firstName}. I'm Critical Friend. Ask me "how are we doing?", or type help.`,
  );
}

export function helpCard(user: AppUser): AdaptiveCardJson {
  const examples = isLaRole(user.role)
    ? ['"How is Sandon JMI doing?"', '"What is the Progress 8 for 117578?"', '"Schools in Watford with persistent absence above 20%"', '"What is the banding for Leavesden JMI?"']
    : ['"How are we doing?"', '"What were our KS2 results last year?"', '"What\'s our persistent absence compared with the county?"', '"Show me reading over the last three years"', '"What\'s our Progress 8?"', '"What is our banding?"'];
  return renderCard(
    'message',
    {
      title: 'What you can ask',
      paragraphs: [...capabilitiesFor(user).map((c) => `- ${c}`), `For example: ${examples.join(', ')}.`, 'Type **cancel** to stop a question, or **start over** to begin again.'],
      suggestions: suggestionsFor(user),
    },
    `You can ask, for example: ${examples.join(', ')}.`,
  );
}

export function messageCard(title: string, paragraphs: string[], suggestions: string[] = []): AdaptiveCardJson {
  return renderCard('message', { title, paragraphs, suggestions }, [title, ...paragraphs].join(' '));
}

export function schoolChoiceCard(schools: { urn: string; name: string }[], prompt = 'Which school do you mean?'): AdaptiveCardJson {
  const example = `How is ${schools[0]?.name ?? 'Leavesden JMI School'} doing?`;
  return renderCard('schoolChoice', { prompt, example, schools }, `${prompt} ${schools.map((s) => s.name).join(' or ')}.`);
}
