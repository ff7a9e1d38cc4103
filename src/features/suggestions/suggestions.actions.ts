/**
 * Firing a workflow action (POST /suggestions/:id/<action>): the one guard of the action (role,
 * state, finer rule), the version the user saw, the action's own work, the state change, the
 * history row, notifications and the audit row — all in one transaction.
 *
 * Each action has one handler (suggestions.handlers.ts); this file only runs them.
 */
import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { suggestionScope } from './suggestions.policy.js';
import { suggestionCode } from './suggestions.queries.js';
import { ACTIONS, check, contextOf, type ActionName } from './suggestions.workflow.js';
import type { ActionInput } from './suggestions.schemas.js';
import { createHandlers, workflowInclude, type WorkflowRow } from './suggestions.handlers.js';

const STALE = '这件建议刚刚被其他人修改过，您看到的不是最新内容。请刷新页面后再操作。';

export function createSuggestionActions(db: Db, deps: { audit: AuditService; notifications: NotificationsService }, now: () => Date) {
  const { audit } = deps;
  const handlers = createHandlers(deps.notifications);

  /** Loads a suggestion the user may read, for a change; 404 when out of their scope. */
  async function loadForChange(tx: Tx, user: CurrentUser, id: number): Promise<WorkflowRow> {
    const s = await tx.suggestion.findFirst({ where: { AND: [suggestionScope(user), { id }] }, include: workflowInclude });
    if (!s) throw new NotFoundError('没有找到这件建议，或您无权操作。');
    return s;
  }

  /**
   * Fires `action` on suggestion `id` as `user`, who saw `version`. Refuses with 403/409 (the
   * action's guard) or 409 (a concurrent change); returns the new state and a message for the user.
   */
  async function fire<A extends ActionName>(user: CurrentUser, id: number, action: A, input: ActionInput[A], version: number, tx?: Tx) {
    const run = async (tx: Tx) => {
      const s = await loadForChange(tx, user, id);
      const t = now();
      const ctx = contextOf(s, t);
      const c = check(user, action, ctx, action === 'rate' ? { result: (input as ActionInput['rate']).result } : {});
      if (!c.ok) throw c.status === 403 ? new ForbiddenError(c.message) : new ConflictError(c.message);
      if (version !== s.version) throw new ConflictError(STALE);
      const handler = handlers[action];
      const result = await handler({ tx, user, s, ctx, t, link: `/suggestions/${s.id}`, code: suggestionCode(s) }, input);
      const to = c.to ?? s.status;
      const updated = await tx.suggestion.updateMany({
        where: { id, version: s.version },
        data: { ...result.data, status: to, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new ConflictError(STALE);
      await tx.suggestionEvent.create({
        data: {
          suggestionId: id,
          actorId: user.id,
          action: result.event ?? action,
          fromStatus: s.status,
          toStatus: c.to ? to : null,
          note: result.note ?? '',
        },
      });
      await result.notify?.();
      await audit.record(user, { action: `suggestion.${action}`, entity: 'Suggestion', entityId: id }, tx);
      return { status: to, label: ACTIONS[action].label, message: result.message ?? `已${ACTIONS[action].label}。` };
    };
    return tx ? run(tx) : db.$transaction(run);
  }

  return {
    fire,

    /** 交办 several suggestions at once: all or none. */
    async assignMany(user: CurrentUser, input: ActionInput['assign'] & { ids: number[] }) {
      return db.$transaction(async (tx) => {
        const done: string[] = [];
        for (const id of input.ids) {
          const s = await tx.suggestion.findFirst({ where: { id, townshipId: user.townshipId } });
          if (!s) throw new NotFoundError();
          if (s.status !== 'ACCEPTED')
            throw new ConflictError(`${suggestionCode(s)}“${s.title}”当前不是待交办状态，本次批量交办未执行，请重新勾选。`);
          await fire(user, id, 'assign', input, s.version, tx);
          done.push(suggestionCode(s));
        }
        return done;
      });
    },
  };
}
