import { AppUser, Role } from '../repos/userRepo';

/** Published DfE figures are public; banding, notices of concern and adviser visits are LA-internal. */
export type Classification = 'public' | 'restricted';

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'not_registered' | 'not_your_school' | 'la_only' };

const SCHOOL_ROLES: Role[] = ['headteacher', 'governor', 'chair_of_governors'];
const LA_ROLES: Role[] = ['la_adviser', 'la_officer'];

export const isSchoolRole = (role: Role): boolean => SCHOOL_ROLES.includes(role);
export const isLaRole = (role: Role): boolean => LA_ROLES.includes(role);

/**
 * Who may see what about a school. Anyone registered may see published figures; restricted data
 * only the school's own head and governors and the LA's school improvement officers. Traded services
 * staff (service managers) sell to schools and do not see their internal records.
 */
export function canView(user: AppUser | undefined, urn: string, classification: Classification): AccessDecision {
  if (!user) return { allowed: false, reason: 'not_registered' };
  if (classification === 'public') return { allowed: true };
  if (isLaRole(user.role)) return { allowed: true };
  if (isSchoolRole(user.role)) return user.schoolUrns.includes(urn) ? { allowed: true } : { allowed: false, reason: 'not_your_school' };
  return { allowed: false, reason: 'la_only' };
}

/** Lists and filters across many schools are an LA officer's tool. */
export function canCompareAcrossSchools(user: AppUser | undefined): boolean {
  return Boolean(user && isLaRole(user.role));
}
