import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { TaskAssignmentStatus, TaskStatus } from '../../generated/prisma/enums.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { deadlineFlag } from '../../lib/deadline.js';
import { namesOf } from '../../lib/names.js';
import { cached } from '../../lib/cached.js';
import { canAssignTasks, canReviewAssignment, canViewTask } from './tasks.policy.js';
import type { TaskForm, TaskReport } from './tasks.schemas.js';

const OPEN_STATES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED'] as const;
const WORKING: TaskAssignmentStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'RETURNED'];

export const isOpenAssignment = (s: TaskAssignmentStatus) => (OPEN_STATES as readonly string[]).includes(s);

type Deps = { audit?: AuditService; notifications?: NotificationsService };

export function createTasksService(db: Db, now: () => Date = () => new Date(), deps: Deps = {}) {
  const { audit, notifications } = deps;

  async function findTask(user: CurrentUser, id: number) {
    const task = await db.supervisionTask.findFirst({
      where: { id, townshipId: user.townshipId },
      include: { assignments: { include: { deputy: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } } },
    });
    // A task that is not the user's is absent, not forbidden: its existence is not disclosed.
    if (!task || !canViewTask(user, task.assignments)) throw new NotFoundError('没有找到该监督任务。');
    return task;
  }
  type Task = Awaited<ReturnType<typeof findTask>>;

  /** The user's own assignment in a task. */
  async function myAssignment(user: CurrentUser, id: number) {
    const task = await findTask(user, id);
    const mine = task.assignments.find((a) => a.deputyId === user.deputyId);
    if (!mine) throw new NotFoundError('这项任务没有指派给您。');
    if (task.status !== 'OPEN') throw new ConflictError('该任务已关闭或撤销，不能再办理。');
    return { task, mine };
  }

  /** Moves one assignment, if it is still in one of `from` (optimistic lock on its version). */
  async function move(
    tx: Tx,
    a: { id: number; version: number },
    from: TaskAssignmentStatus[],
    data: Prisma.SupervisionTaskAssignmentUpdateManyMutationInput,
  ) {
    const r = await tx.supervisionTaskAssignment.updateMany({
      where: { id: a.id, version: a.version, status: { in: from } },
      data: { ...data, version: { increment: 1 } },
    });
    if (r.count !== 1) throw new ConflictError('任务状态已被更新，请刷新页面后重试。');
  }

  function event(tx: Tx, taskId: number, user: CurrentUser, action: string, note = '', deputyId: number | null = null) {
    return tx.supervisionTaskEvent.create({ data: { taskId, deputyId, actorId: user.id, action, note } });
  }

  async function usersOfDeputies(tx: Tx | Db, deputyIds: number[]): Promise<number[]> {
    const users = await tx.user.findMany({ where: { deputyId: { in: deputyIds }, active: true }, select: { id: true } });
    return users.map((u) => u.id);
  }

  function assertOffice(user: CurrentUser) {
    if (!canAssignTasks(user)) throw new ForbiddenError('只有工作人员和主席团成员可以安排监督任务。');
  }

  async function review(user: CurrentUser, id: number, assignmentId: number, verdict: 'approve' | 'return', reviewNote: string) {
    assertOffice(user);
    const task = await findTask(user, id);
    const a = task.assignments.find((x) => x.id === assignmentId);
    if (!a) throw new NotFoundError('没有找到该代表的任务。');
    if (!canReviewAssignment(user, a)) throw new ForbiddenError('不能审核自己提交的报告。');
    if (a.status !== 'SUBMITTED') throw new ConflictError('该代表尚未提交报告，或报告已经审核。');
    if (task.status !== 'OPEN') throw new ConflictError('该任务已关闭或撤销。');
    await db.$transaction(async (tx) => {
      await move(tx, a, ['SUBMITTED'], { status: verdict === 'approve' ? 'CLOSED' : 'RETURNED', reviewedAt: now(), reviewNote });
      await event(tx, id, user, verdict, reviewNote, a.deputyId);
      if (verdict === 'approve') {
        const open = await tx.supervisionTaskAssignment.count({ where: { taskId: id, status: { not: 'CLOSED' } } });
        if (open === 0) {
          await tx.supervisionTask.update({ where: { id }, data: { status: 'CLOSED' } });
          await event(tx, id, user, 'close', '全部代表已完成，任务关闭');
        }
      }
      await audit?.record(user, { action: `task.${verdict}`, entity: 'SupervisionTask', entityId: id, detail: { assignmentId } }, tx);
      const title = verdict === 'approve' ? `您的任务报告已审核通过：${task.title}` : `您的任务报告被退回补充：${task.title}`;
      await notifications?.notify(await usersOfDeputies(tx, [a.deputyId]), { kind: `task.${verdict}`, title, link: `/tasks/${id}` }, tx);
    });
  }

  async function mineNow(user: CurrentUser) {
    if (!user.deputyId) return [];
    const found = await db.supervisionTaskAssignment.findMany({
      where: { deputyId: user.deputyId, task: { townshipId: user.townshipId, status: { not: 'CANCELLED' } } },
      include: { task: true },
    });
    const tasks = found.map((a) => a.task);
    const [projects, stations, users, suggestions] = await Promise.all([
      namesOf(
        db,
        'project',
        tasks.map((t) => t.projectId),
      ),
      namesOf(
        db,
        'station',
        tasks.map((t) => t.stationId),
      ),
      namesOf(
        db,
        'user',
        tasks.map((t) => t.assignedById),
      ),
      tasks.some((t) => t.suggestionId)
        ? db.suggestion.findMany({ where: { id: { in: tasks.flatMap((t) => t.suggestionId ?? []) } }, select: { id: true, title: true } })
        : Promise.resolve([]),
    ]);
    const named = <T>(names: Map<number, T>, id: number | null) => (id === null ? null : (names.get(id) ?? null));
    const rows = found.map((a) => ({
      ...a,
      task: {
        ...a.task,
        project: named(projects, a.task.projectId),
        station: named(stations, a.task.stationId),
        assignedBy: named(users, a.task.assignedById),
        suggestion: suggestions.find((s) => s.id === a.task.suggestionId) ?? null,
      },
    }));
    const items = rows.map((a) => {
      const open = isOpenAssignment(a.status) && a.task.status === 'OPEN';
      return { ...a, open, flag: deadlineFlag(a.task.dueDate, open, now()) };
    });
    return items.sort((a, b) => Number(b.open) - Number(a.open) || a.task.dueDate.getTime() - b.task.dueDate.getTime());
  }

  return {
    /** The tasks assigned to the user's own deputy record: open ones first, then by due date. */
    /** The deputy's tasks, open first: kept per deputy and minute until a record changes (home page and /me/tasks). */
    mine(user: CurrentUser) {
      const minute = Math.floor(now().getTime() / 60_000);
      return cached(db, `tasks-mine:${user.townshipId}:${user.deputyId}:${minute}`, 'records', 60_000, () => mineNow(user));
    },

    async openCount(user: CurrentUser): Promise<number> {
      if (!user.deputyId) return 0;
      return db.supervisionTaskAssignment.count({
        where: { deputyId: user.deputyId, status: { in: [...OPEN_STATES] }, task: { status: 'OPEN' } },
      });
    },

    /** Every task of the township with its completion (assignments done of all). */
    async list(user: CurrentUser, filter: { status: TaskStatus | 'ALL' }) {
      assertOffice(user);
      const tasks = await db.supervisionTask.findMany({
        where: { townshipId: user.townshipId, ...(filter.status !== 'ALL' ? { status: filter.status } : {}) },
        include: {
          assignments: { select: { status: true, deputy: { select: { name: true } } } },
          assignedBy: { select: { displayName: true } },
          project: { select: { id: true, name: true } },
        },
        orderBy: [{ dueDate: 'desc' }, { id: 'desc' }],
      });
      return tasks.map((t) => {
        const done = t.assignments.filter((a) => a.status === 'CLOSED').length;
        const submitted = t.assignments.filter((a) => a.status === 'SUBMITTED').length;
        const total = t.assignments.length;
        return {
          ...t,
          done,
          submitted,
          total,
          percent: total ? Math.round((done / total) * 100) : 0,
          flag: deadlineFlag(t.dueDate, t.status === 'OPEN', now()),
        };
      });
    },

    /** Completion per deputy: tasks assigned, completed, open, overdue. */
    async byDeputy(user: CurrentUser) {
      assertOffice(user);
      const rows = await db.supervisionTaskAssignment.findMany({
        where: { task: { townshipId: user.townshipId, status: { not: 'CANCELLED' } } },
        select: {
          status: true,
          deputy: { select: { id: true, name: true, village: true } },
          task: { select: { dueDate: true, status: true } },
        },
      });
      const map = new Map<
        number,
        {
          deputy: { id: number; name: string; village: string };
          total: number;
          done: number;
          open: number;
          overdue: number;
          submitted: number;
        }
      >();
      for (const r of rows) {
        let m = map.get(r.deputy.id);
        if (!m) map.set(r.deputy.id, (m = { deputy: r.deputy, total: 0, done: 0, open: 0, overdue: 0, submitted: 0 }));
        m.total++;
        if (r.status === 'CLOSED') m.done++;
        else if (r.status === 'SUBMITTED') m.submitted++;
        else if (r.task.status === 'OPEN') {
          m.open++;
          if (deadlineFlag(r.task.dueDate, true, now()) === 'overdue') m.overdue++;
        }
      }
      return [...map.values()]
        .map((m) => ({ ...m, percent: Math.round((m.done / m.total) * 100) }))
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.deputy.name.localeCompare(b.deputy.name, 'zh-CN'));
    },

    /** One task: the office sees every assignee; a deputy sees only their own part and its history. */
    async get(user: CurrentUser, id: number) {
      const scoped = await findTask(user, id);
      const office = canAssignTasks(user);
      const task = await db.supervisionTask.findUniqueOrThrow({
        where: { id },
        include: {
          project: { select: { id: true, name: true } },
          suggestion: { select: { id: true, title: true } },
          station: { select: { id: true, name: true } },
          reception: { select: { id: true, date: true } },
          assignedBy: { select: { displayName: true, title: true } },
          events: { include: { actor: { select: { displayName: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
      });
      const mine = scoped.assignments.find((a) => a.deputyId === user.deputyId) ?? null;
      const assignments = (office ? scoped.assignments : scoped.assignments.filter((a) => a.deputyId === user.deputyId)).map((a) => ({
        ...a,
        canReview: a.status === 'SUBMITTED' && task.status === 'OPEN' && canReviewAssignment(user, a),
      }));
      const names = new Map(scoped.assignments.map((a) => [a.deputyId, a.deputy.name]));
      const events = task.events
        .filter((e) => office || e.deputyId === null || e.deputyId === user.deputyId)
        .map((e) => ({ ...e, deputyName: e.deputyId ? (names.get(e.deputyId) ?? '') : '' }));
      const done = scoped.assignments.filter((a) => a.status === 'CLOSED').length;
      return {
        task,
        mine,
        assignments,
        events,
        office,
        done,
        total: scoped.assignments.length,
        flag: deadlineFlag(task.dueDate, task.status === 'OPEN' && (!mine || isOpenAssignment(mine.status)), now()),
      };
    },

    /** Select options of the new-task form. */
    async formOptions(user: CurrentUser) {
      const [deputies, projects, suggestions, stations] = await Promise.all([
        db.deputy.findMany({
          where: { townshipId: user.townshipId, status: 'ACTIVE' },
          select: { id: true, name: true, village: true, user: { select: { role: true } } },
          orderBy: { name: 'asc' },
        }),
        db.livelihoodProject.findMany({
          where: { townshipId: user.townshipId, phase: { in: ['PASSED', 'SHORTLISTED'] } },
          select: { id: true, name: true, year: true },
          orderBy: [{ year: 'desc' }, { id: 'asc' }],
        }),
        db.suggestion.findMany({
          where: { townshipId: user.townshipId, status: { notIn: ['DRAFT', 'CLOSED', 'MERGED', 'REFERENCE'] } },
          select: { id: true, title: true, isKey: true },
          orderBy: [{ isKey: 'desc' }, { id: 'desc' }],
        }),
        db.liaisonStation.findMany({
          where: { townshipId: user.townshipId, active: true },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        }),
      ]);
      return { deputies, projects, suggestions, stations };
    },

    /** 发布任务: the task, one assignment per deputy, the history, and a notification to each assignee. */
    async create(user: CurrentUser, form: TaskForm) {
      assertOffice(user);
      const deputyIds = [...new Set(form.deputyIds)];
      const t = user.townshipId;
      const [deputies, project, suggestion, station] = await Promise.all([
        db.deputy.findMany({ where: { id: { in: deputyIds }, townshipId: t, status: 'ACTIVE' }, select: { id: true, name: true } }),
        form.projectId ? db.livelihoodProject.count({ where: { id: form.projectId, townshipId: t } }) : 1,
        form.suggestionId ? db.suggestion.count({ where: { id: form.suggestionId, townshipId: t } }) : 1,
        form.stationId ? db.liaisonStation.count({ where: { id: form.stationId, townshipId: t } }) : 1,
      ]);
      const errors: Record<string, string> = {};
      if (deputies.length !== deputyIds.length) errors.deputyIds = '所选代表不在任或不存在';
      if (!project) errors.projectId = '请选择民生实事项目';
      if (!suggestion) errors.suggestionId = '请选择代表建议';
      if (!station) errors.stationId = '请选择联络站';
      if (Object.keys(errors).length) throw new ValidationError(errors);
      return db.$transaction(async (tx) => {
        const task = await tx.supervisionTask.create({
          data: {
            townshipId: t,
            kind: form.kind,
            title: form.title,
            description: form.description,
            dueDate: form.dueDate,
            projectId: form.projectId,
            suggestionId: form.suggestionId,
            stationId: form.stationId,
            assignedById: user.id,
            assignments: { create: deputyIds.map((deputyId) => ({ deputyId })) },
          },
        });
        await event(tx, task.id, user, 'create');
        for (const d of deputies) await event(tx, task.id, user, 'assign', `指派给${d.name}`, d.id);
        await audit?.record(
          user,
          { action: 'task.create', entity: 'SupervisionTask', entityId: task.id, detail: { title: task.title, deputyIds } },
          tx,
        );
        await notifications?.notify(
          await usersOfDeputies(tx, deputyIds),
          { kind: 'task.assigned', title: `新的监督任务：${task.title}`, link: `/tasks/${task.id}` },
          tx,
        );
        return task;
      });
    },

    async accept(user: CurrentUser, id: number) {
      const { mine } = await myAssignment(user, id);
      if (mine.status !== 'ASSIGNED') throw new ConflictError('您已经接受了这项任务。');
      await db.$transaction(async (tx) => {
        await move(tx, mine, ['ASSIGNED'], { status: 'ACCEPTED', acceptedAt: now() });
        await event(tx, id, user, 'accept', '', mine.deputyId);
        await audit?.record(user, { action: 'task.accept', entity: 'SupervisionTask', entityId: id }, tx);
      });
    },

    async recordProgress(user: CurrentUser, id: number, note: string) {
      const { mine } = await myAssignment(user, id);
      if (!WORKING.includes(mine.status))
        throw new ConflictError(mine.status === 'ASSIGNED' ? '请先接受任务。' : '报告已提交，不能再记录进展。');
      await db.$transaction(async (tx) => {
        await move(tx, mine, WORKING, { status: 'IN_PROGRESS' });
        await event(tx, id, user, 'progress', note, mine.deputyId);
        await audit?.record(user, { action: 'task.progress', entity: 'SupervisionTask', entityId: id }, tx);
      });
    },

    /** The assignee's report; the assigner is told it is waiting for review. */
    async submitReport(user: CurrentUser, id: number, report: TaskReport) {
      const { task, mine } = await myAssignment(user, id);
      if (!WORKING.includes(mine.status))
        throw new ConflictError(mine.status === 'ASSIGNED' ? '请先接受任务再提交报告。' : '报告已提交，等待审核。');
      await db.$transaction(async (tx) => {
        await move(tx, mine, WORKING, {
          status: 'SUBMITTED',
          reportText: report.reportText,
          reportDate: report.reportDate,
          findings: report.findings,
          submittedAt: now(),
        });
        await event(tx, id, user, 'submit', '', mine.deputyId);
        await audit?.record(user, { action: 'task.report', entity: 'SupervisionTask', entityId: id }, tx);
        if (task.assignedById) {
          await notifications?.notify(
            [task.assignedById],
            { kind: 'task.submitted', title: `${mine.deputy.name}提交了任务报告：${task.title}`, link: `/tasks/${id}` },
            tx,
          );
        }
      });
    },

    approve: (user: CurrentUser, id: number, assignmentId: number, note: string) => review(user, id, assignmentId, 'approve', note),
    returnReport: (user: CurrentUser, id: number, assignmentId: number, note: string) => review(user, id, assignmentId, 'return', note),

    /** Closes (or cancels) the whole task; assignments keep their state as history. */
    async finish(user: CurrentUser, id: number, to: 'CLOSED' | 'CANCELLED') {
      assertOffice(user);
      const task: Task = await findTask(user, id);
      if (task.status !== 'OPEN') throw new ConflictError('该任务已关闭或撤销。');
      await db.$transaction(async (tx) => {
        const r = await tx.supervisionTask.updateMany({ where: { id, status: 'OPEN' }, data: { status: to } });
        if (r.count !== 1) throw new ConflictError('该任务已关闭或撤销。');
        await event(tx, id, user, to === 'CLOSED' ? 'close' : 'cancel', to === 'CLOSED' ? '任务关闭' : '任务撤销');
        await audit?.record(user, { action: to === 'CLOSED' ? 'task.close' : 'task.cancel', entity: 'SupervisionTask', entityId: id }, tx);
      });
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
