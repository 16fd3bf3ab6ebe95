import { School } from '../repos/schoolRepo';
import { AppUser, Role } from '../repos/userRepo';
import { isLaRole, isSchoolRole } from '../services/accessPolicy';
import { Audience, Briefing } from './briefingRepo';

export type Decision = { allowed: true } | { allowed: false; reason: string };

const AUDIENCE_ROLES: Record<Audience, Role[]> = {
  headteachers: ['headteacher'],
  governors: ['governor', 'chair_of_governors'],
  heads_and_governors: ['headteacher', 'governor', 'chair_of_governors'],
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  headteachers: 'Headteachers and school leaders',
  governors: 'Governors',
  heads_and_governors: 'Headteachers and governors',
};

export const audienceFits = (role: Role, audience: Audience): boolean => AUDIENCE_ROLES[audience].includes(role);

/** Who a briefing is for, in words for a refusal: "for governors". */
const forWhom = (audience: Audience): string => `for ${AUDIENCE_LABELS[audience].toLowerCase()}`;

/**
 * Places are for the schools a briefing is meant for. LA staff run the briefings and see who is
 * coming instead; traded services staff are not an audience. Only a headteacher books for a colleague.
 */
export function mayBook(user: AppUser, briefing: Briefing, forColleague: boolean): Decision {
  if (!isSchoolRole(user.role) || user.schoolUrns.length === 0) {
    return { allowed: false, reason: isLaRole(user.role) ? 'LA staff do not book places: ask "who is coming to …" to see the attendance list.' : 'Places on briefings are booked by headteachers and governors.' };
  }
  if (!audienceFits(user.role, briefing.audience)) return { allowed: false, reason: `“${briefing.title}” is ${forWhom(briefing.audience)}.` };
  if (forColleague && user.role !== 'headteacher') return { allowed: false, reason: 'Only a headteacher can book a place for a colleague.' };
  return { allowed: true };
}

/** What was covered is for the briefing's own audience and LA staff. */
export function maySeeSummary(user: AppUser, briefing: Briefing): Decision {
  if (isLaRole(user.role)) return { allowed: true };
  if (isSchoolRole(user.role) && audienceFits(user.role, briefing.audience)) return { allowed: true };
  return { allowed: false, reason: `The notes from “${briefing.title}” are ${forWhom(briefing.audience)} and LA staff.` };
}

/** Who has booked is LA-internal: it says which schools engage and which do not. */
export const maySeeAttendance = (user: AppUser): boolean => isLaRole(user.role);

/** Briefings a user sees in their list: their own audience, or everything for LA staff. */
export const isForUser = (user: AppUser, briefing: Briefing): boolean => !isSchoolRole(user.role) || audienceFits(user.role, briefing.audience);

/** The school a place is booked for: the user's school in the briefing's district, else their first. */
export function schoolForBooking(schools: School[], briefing: Briefing): School | undefined {
  return schools.find((s) => briefing.district !== null && s.district === briefing.district) ?? schools[0];
}
