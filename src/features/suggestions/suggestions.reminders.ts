/** Deadline reminders (到期提醒), run periodically by the server. */
import type { Db } from '../../db.js';
import { deadlineFlag, deadlineFlagLabels, dueSoonLimit } from '../../lib/deadline.js';
import { formatDate } from '../../lib/format.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { suggestionCode } from './suggestions.queries.js';
import { staffUsers, usersOfUnits } from './suggestions.recipients.js';
import { AWAITING_REPLY } from './suggestions.workflow.js';

export function createSuggestionReminders(db: Db, notifications: NotificationsService, now: () => Date) {
  return {
    /**
     * Once per suggestion and deadline, tell the lead unit, the supervisor and staff that a reply is
     * due within 7 days, and again when it is overdue. Returns how many notifications were sent.
     */
    async remindDeadlines(): Promise<number> {
      const t = now();
      const due = await db.suggestion.findMany({
        where: { status: { in: [...AWAITING_REPLY] }, deadline: { lte: dueSoonLimit(t) } },
        include: { assignments: { where: { active: true, role: 'LEAD' } } },
      });
      let sent = 0;
      for (const s of due) {
        if (!s.deadline) continue;
        const overdue = deadlineFlag(s.deadline, true, t) === 'overdue';
        const key = `${overdue ? 'overdue' : 'due7'}:suggestion:${s.id}:${s.deadline.toISOString().slice(0, 10)}`;
        const what = overdue ? '建议已逾期未答复' : `建议${deadlineFlagLabels['due-soon']}`;
        const title = `${what}：${suggestionCode(s)} ${s.title}（期限${formatDate(s.deadline)}）`;
        await db.$transaction(async (tx) => {
          const users = [
            ...(await usersOfUnits(
              tx,
              s.assignments.map((a) => a.unitId),
            )),
            ...(s.supervisorId ? [s.supervisorId] : []),
            ...(await staffUsers(tx, s.townshipId)),
          ];
          const kind = overdue ? 'overdue' : 'due-soon';
          await notifications.notify(users, { kind, title, link: `/suggestions/${s.id}`, dedupeKey: key }, tx);
          sent += users.length;
        });
      }
      return sent;
    },
  };
}
