import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { deadlineFlag } from '../../lib/deadline.js';

const OPEN_STATES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED'] as const;

export function createTasksService(db: Db, now: () => Date = () => new Date()) {
  return {
    /** The tasks assigned to the user's own deputy record: open ones first, then by due date. */
    async mine(user: CurrentUser) {
      if (!user.deputyId) return [];
      const rows = await db.supervisionTaskAssignment.findMany({
        where: { deputyId: user.deputyId, task: { townshipId: user.townshipId, status: { not: 'CANCELLED' } } },
        include: {
          task: {
            include: {
              project: { select: { id: true, name: true } },
              suggestion: { select: { id: true, title: true } },
              station: { select: { id: true, name: true } },
              assignedBy: { select: { displayName: true } },
            },
          },
        },
      });
      const items = rows.map((a) => {
        const open = (OPEN_STATES as readonly string[]).includes(a.status);
        return { ...a, open, flag: deadlineFlag(a.task.dueDate, open, now()) };
      });
      return items.sort((a, b) => Number(b.open) - Number(a.open) || a.task.dueDate.getTime() - b.task.dueDate.getTime());
    },

    async openCount(user: CurrentUser): Promise<number> {
      if (!user.deputyId) return 0;
      return db.supervisionTaskAssignment.count({
        where: { deputyId: user.deputyId, status: { in: [...OPEN_STATES] }, task: { status: 'OPEN' } },
      });
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
