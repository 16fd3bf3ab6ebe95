// botbuilder-dialogs' index loads every prompt and its language recognisers (dates, numbers, choices):
// about 17 MB of heap, 30 MB resident and a tenth of a second of every start, for prompts this bot
// never uses (its one question has its own dialog, SchoolChoicePrompt). The parts it does use come
// from their own modules.
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export type { DialogInstance, DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
export type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
