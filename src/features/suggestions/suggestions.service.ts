/**
 * The suggestions service (代表建议), composed of one module per job:
 *   suggestions.queries.ts    the filtered list, tabs, ledger rows, years, one suggestion with its buttons
 *   suggestions.actions.ts    firing a workflow action (one handler per action: suggestions.handlers.ts)
 *   suggestions.drafting.ts   提出, drafts, a voter's opinion as a draft
 *   suggestions.home.ts       counts, recent items and deadline alerts for the home pages
 *   (deadline reminders: features/notifications/deadline-reminders.ts, in batches)
 * The rules of who may do what, and when, are in suggestions.workflow.ts and suggestions.policy.ts.
 */
import type { Db } from '../../db.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { createSuggestionQueries } from './suggestions.queries.js';
import { createSuggestionActions } from './suggestions.actions.js';
import { createSuggestionDrafting } from './suggestions.drafting.js';
import { createSuggestionHomeQueries } from './suggestions.home.js';

export { suggestionCode, carriedInto, yearWhere } from './suggestions.queries.js';
export type { ActionInput } from './suggestions.schemas.js';

export function createSuggestionsService(db: Db, deps: { audit: AuditService; notifications: NotificationsService }, now: () => Date) {
  const actions = createSuggestionActions(db, deps, now);
  return {
    ...createSuggestionQueries(db, now),
    ...actions,
    ...createSuggestionDrafting(db, { audit: deps.audit, fire: actions.fire }, now),
    ...createSuggestionHomeQueries(db, now),
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export type SuggestionListItem = Awaited<ReturnType<SuggestionsService['list']>>['items'][number];
export type SuggestionDetail = Awaited<ReturnType<SuggestionsService['get']>>;
