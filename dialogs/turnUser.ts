import { TurnContext } from 'botbuilder';
import { AppUser } from '../src/repos/userRepo';

const USER_KEY = Symbol('critical-friend.user');

/** The registered user for this turn, looked up from the database on every turn by Entra object id. */
export function setTurnUser(context: TurnContext, user: AppUser): void {
  context.turnState.set(USER_KEY, user);
}

export function turnUser(context: TurnContext): AppUser {
  const user = context.turnState.get(USER_KEY) as AppUser | undefined;
  if (!user) throw new Error('turnUser: no registered user on this turn (the bot must check before running dialogs)');
  return user;
}
