import { AppUser } from '../repos/userRepo';
import { AccessDecision, canView, isLaRole, isSchoolRole } from '../services/accessPolicy';

/**
 * A briefing pack is for the school's own headteacher and governors and for LA officers. Checked on
 * every turn, every button and every time a pack link is opened, against the user as stored now.
 */
export function mayHavePack(user: AppUser | undefined, urn: string): AccessDecision {
  if (!user) return { allowed: false, reason: 'not_registered' };
  if (isLaRole(user.role)) return { allowed: true };
  if (isSchoolRole(user.role)) return user.schoolUrns.includes(urn) ? { allowed: true } : { allowed: false, reason: 'not_your_school' };
  return { allowed: false, reason: 'la_only' };
}

/** The pack adds the LA's banding and notices of concern only for people the access policy lets see restricted data. */
export const packShowsLaRecord = (user: AppUser, urn: string): boolean => canView(user, urn, 'restricted').allowed;
