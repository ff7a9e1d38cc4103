import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { ProjectPhase, ProjectRatingValue, ProjectStatus } from '../../generated/prisma/enums.js';
import type { AuditService } from '../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { canManageProjects, canRecordInspection, canRecordProgress, canShortlist } from './projects.policy.js';
import type { InspectionForm, ProgressForm, ProjectForm } from './projects.schemas.js';
import { sessionName } from './voting.service.js';

const STATUS_ORDER: ProjectStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'IN_USE'];

/**
 * Whether a progress update may move the project from `from` to `to`: never backwards, never
 * earlier than the last update, and 已完工 / 投入使用 only at 100%. Returns field errors.
 */
export function progressProblems(
  last: { status: ProjectStatus; date: Date | null; percent: number },
  next: { status: ProjectStatus; date: Date; percent: number },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (STATUS_ORDER.indexOf(next.status) < STATUS_ORDER.indexOf(last.status))
    errors.status = '实施状态不能回退，如情况有变请在进展情况中说明';
  if (last.date && next.date < last.date) errors.date = '日期不能早于上一次进度更新';
  if ((next.status === 'COMPLETED' || next.status === 'IN_USE') && next.percent !== 100)
    errors.percent = '已完工或投入使用的项目完成进度应为100';
  if (next.percent < last.percent && !errors.status) errors.percent = `完成进度不能低于上一次的${last.percent}%`;
  return errors;
}

export function createProjectsService(db: Db, audit?: AuditService) {
  /** The latest progress update of each project: percent complete and money spent. */
  async function latestProgress(projectIds: number[]) {
    if (projectIds.length === 0) return new Map<number, { percent: number; spentYuan: number }>();
    const rows = await db.projectProgress.findMany({
      where: { projectId: { in: projectIds } },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
      select: { projectId: true, percent: true, spentYuan: true },
    });
    const map = new Map<number, { percent: number; spentYuan: number }>();
    for (const r of rows) if (!map.has(r.projectId)) map.set(r.projectId, r);
    return map;
  }

  return {
    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.livelihoodProject.findMany({
        where: { townshipId: user.townshipId },
        distinct: ['year'],
        select: { year: true },
        orderBy: { year: 'desc' },
      });
      return rows.map((r) => r.year);
    },

    async list(user: CurrentUser, filter: { year?: number; phase?: ProjectPhase; followerId?: number }) {
      const projects = await db.livelihoodProject.findMany({
        where: {
          townshipId: user.townshipId,
          ...(filter.year ? { year: filter.year } : {}),
          ...(filter.phase ? { phase: filter.phase } : {}),
          ...(filter.followerId ? { followerId: filter.followerId } : {}),
        },
        include: {
          responsibleUnit: { select: { name: true } },
          outcomes: { orderBy: { position: 'asc' } },
          follower: { select: { displayName: true, title: true } },
        },
        orderBy: [{ year: 'desc' }, { id: 'asc' }],
      });
      const progress = await latestProgress(projects.map((p) => p.id));
      return projects.map((p) => ({ ...p, percent: progress.get(p.id)?.percent ?? 0, spentYuan: progress.get(p.id)?.spentYuan ?? 0 }));
    },

    async get(user: CurrentUser, id: number) {
      const project = await db.livelihoodProject.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          responsibleUnit: { select: { name: true } },
          follower: { select: { displayName: true, title: true } },
          session: { include: { congress: true } },
          outcomes: { orderBy: { position: 'asc' } },
          milestones: { orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] },
          progress: { orderBy: [{ date: 'asc' }, { id: 'asc' }], include: { author: { select: { displayName: true } } } },
          supervisors: { include: { deputy: { select: { id: true, name: true } } } },
          inspections: {
            include: { activity: { include: { _count: { select: { participants: true } } } } },
            orderBy: { activity: { date: 'asc' } },
          },
          tasks: { select: { id: true, title: true, status: true, dueDate: true }, orderBy: { dueDate: 'desc' } },
        },
      });
      if (!project) throw new NotFoundError('没有找到该民生实事项目。');
      const votes = await db.projectVote.groupBy({ by: ['choice'], where: { projectId: id }, _count: { _all: true } });
      const tally = { FOR: 0, AGAINST: 0, ABSTAIN: 0 };
      for (const v of votes) tally[v.choice] += v._count._all;
      const paper = await db.projectPaperTally.findMany({ where: { projectId: id } });
      for (const p of paper) {
        tally.FOR += p.forCount;
        tally.AGAINST += p.againstCount;
        tally.ABSTAIN += p.abstainCount;
      }
      const last = project.progress.at(-1);
      const ratingRows = await db.projectRating.groupBy({ by: ['value'], where: { projectId: id }, _count: { _all: true } });
      const ratings: Record<ProjectRatingValue, number> = { SATISFIED: 0, BASICALLY_SATISFIED: 0, DISSATISFIED: 0, ABSTAIN: 0 };
      for (const r of ratingRows) ratings[r.value] += r._count._all;
      return {
        ...project,
        tally,
        ratings,
        ratingTotal: Object.values(ratings).reduce((a, b) => a + b, 0),
        sessionName: project.session ? sessionName(project.session) : '',
        percent: last?.percent ?? 0,
        spentYuan: last?.spentYuan ?? 0,
      };
    },

    /** Select options of the project forms. */
    async formOptions(user: CurrentUser) {
      const [units, sessions, presidium, deputies] = await Promise.all([
        db.handlingUnit.findMany({
          where: { townshipId: user.townshipId, active: true },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        }),
        db.congressSession.findMany({
          where: { congress: { townshipId: user.townshipId } },
          include: { congress: true },
          orderBy: { date: 'desc' },
        }),
        db.user.findMany({
          where: { townshipId: user.townshipId, role: 'PRESIDIUM', active: true },
          select: { id: true, displayName: true, title: true },
          orderBy: { id: 'asc' },
        }),
        db.deputy.findMany({
          where: { townshipId: user.townshipId, status: 'ACTIVE' },
          select: { id: true, name: true, village: true },
          orderBy: { name: 'asc' },
        }),
      ]);
      return {
        units,
        sessions: sessions.map((s) => ({ id: s.id, name: `${sessionName(s)}（${s.date.getFullYear()}年）`, votingStatus: s.votingStatus })),
        presidium,
        deputies,
      };
    },

    async create(user: CurrentUser, form: ProjectForm) {
      if (!canManageProjects(user)) throw new ForbiddenError('只有工作人员可以录入候选项目。');
      await checkRefs(user, form);
      return db.$transaction(async (tx) => {
        const project = await tx.livelihoodProject.create({
          data: {
            ...dataOf(form),
            townshipId: user.townshipId,
            outcomes: { create: form.outcomes.map((o, i) => ({ ...o, position: i + 1 })) },
          },
        });
        await audit?.record(
          user,
          {
            action: 'project.create',
            entity: 'LivelihoodProject',
            entityId: project.id,
            detail: { name: project.name, budgetYuan: project.budgetYuan },
          },
          tx,
        );
        return project;
      });
    },

    /** Edits a candidate before the vote; the phase and the status are never changed here. */
    async update(user: CurrentUser, id: number, form: ProjectForm) {
      if (!canManageProjects(user)) throw new ForbiddenError('只有工作人员可以修改候选项目。');
      const existing = await findOwn(user, id);
      if (!['COLLECTED', 'SHORTLISTED'].includes(existing.phase)) throw new ConflictError('项目已经票决，不能再修改项目内容。');
      await checkRefs(user, form);
      await db.$transaction(async (tx) => {
        await tx.projectOutcome.deleteMany({ where: { projectId: id } });
        await tx.livelihoodProject.update({
          where: { id },
          data: { ...dataOf(form), outcomes: { create: form.outcomes.map((o, i) => ({ ...o, position: i + 1 })) } },
        });
        await audit?.record(user, { action: 'project.update', entity: 'LivelihoodProject', entityId: id, detail: { name: form.name } }, tx);
      });
    },

    /** 初定: the presidium puts a collected candidate on the list of a session that has not voted yet. */
    async shortlist(user: CurrentUser, id: number, sessionId: number) {
      if (!canShortlist(user)) throw new ForbiddenError('只有主席团可以初定候选项目。');
      const project = await findOwn(user, id);
      if (project.phase !== 'COLLECTED' && project.phase !== 'SHORTLISTED') throw new ConflictError('该项目已经票决，不能再初定。');
      const session = await db.congressSession.findFirst({ where: { id: sessionId, congress: { townshipId: user.townshipId } } });
      if (!session) throw new ValidationError({ sessionId: '请选择提交票决的会议' });
      if (session.votingStatus !== 'NOT_OPEN') throw new ValidationError({ sessionId: '该次会议的票决已经开始或结束，不能再增加候选项目' });
      await db.$transaction(async (tx) => {
        await tx.livelihoodProject.update({ where: { id }, data: { phase: 'SHORTLISTED', sessionId } });
        await audit?.record(user, { action: 'project.shortlist', entity: 'LivelihoodProject', entityId: id, detail: { sessionId } }, tx);
      });
    },

    /** 撤回: a candidate leaves the list before voting opens. */
    async withdraw(user: CurrentUser, id: number) {
      if (!canShortlist(user)) throw new ForbiddenError();
      const project = await findOwn(user, id);
      if (project.phase !== 'COLLECTED' && project.phase !== 'SHORTLISTED') throw new ConflictError('该项目已经票决，不能撤回。');
      if (project.session && project.session.votingStatus !== 'NOT_OPEN') throw new ConflictError('票决已经开始，不能再撤回候选项目。');
      await db.$transaction(async (tx) => {
        await tx.livelihoodProject.update({ where: { id }, data: { phase: 'WITHDRAWN' } });
        await audit?.record(user, { action: 'project.withdraw', entity: 'LivelihoodProject', entityId: id }, tx);
      });
    },

    /** 一名主席团成员联系一件实事, and the deputies named to supervise it. */
    async setTeam(user: CurrentUser, id: number, input: { followerId: number | null; supervisorIds: number[] }) {
      if (!canManageProjects(user)) throw new ForbiddenError('只有工作人员可以安排联系人和监督代表。');
      const project = await findOwn(user, id);
      if (project.phase !== 'PASSED') throw new ConflictError('只有票决通过的项目才安排联系人和监督代表。');
      if (input.followerId !== null) {
        const f = await db.user.findFirst({ where: { id: input.followerId, townshipId: user.townshipId, role: 'PRESIDIUM' } });
        if (!f) throw new ValidationError({ followerId: '请选择一名主席团成员' });
      }
      const found = await db.deputy.count({ where: { id: { in: input.supervisorIds }, townshipId: user.townshipId } });
      if (found !== new Set(input.supervisorIds).size) throw new ValidationError({ supervisorIds: '监督代表的取值不正确' });
      await db.$transaction(async (tx) => {
        await tx.livelihoodProject.update({ where: { id }, data: { followerId: input.followerId } });
        await tx.projectSupervisor.deleteMany({ where: { projectId: id } });
        await tx.projectSupervisor.createMany({ data: [...new Set(input.supervisorIds)].map((deputyId) => ({ projectId: id, deputyId })) });
        await audit?.record(user, { action: 'project.team', entity: 'LivelihoodProject', entityId: id, detail: input }, tx);
      });
    },

    async addMilestone(user: CurrentUser, id: number, input: { title: string; dueDate: Date | null; doneOn: Date | null }) {
      const project = await findOwn(user, id);
      if (!canRecordProgress(user, project)) throw new ForbiddenError('您不能维护该项目的节点安排。');
      if (project.phase !== 'PASSED') throw new ConflictError('只有票决通过的项目才安排实施节点。');
      await db.$transaction(async (tx) => {
        await tx.projectMilestone.create({ data: { projectId: id, ...input } });
        await audit?.record(user, { action: 'project.milestone', entity: 'LivelihoodProject', entityId: id, detail: input }, tx);
      });
    },

    async completeMilestone(user: CurrentUser, id: number, milestoneId: number, doneOn: Date) {
      const project = await findOwn(user, id);
      if (!canRecordProgress(user, project)) throw new ForbiddenError('您不能维护该项目的节点安排。');
      const m = await db.projectMilestone.findFirst({ where: { id: milestoneId, projectId: id } });
      if (!m) throw new NotFoundError('没有找到该节点。');
      if (m.doneOn) throw new ConflictError('该节点已经完成。');
      await db.$transaction(async (tx) => {
        await tx.projectMilestone.update({ where: { id: milestoneId }, data: { doneOn } });
        await audit?.record(
          user,
          { action: 'project.milestone.done', entity: 'LivelihoodProject', entityId: id, detail: { milestoneId, doneOn } },
          tx,
        );
      });
    },

    /**
     * 实施进度: a new dated update. The project's status changes only here, together with the
     * new ProjectProgress row; earlier rows are never changed.
     */
    async addProgress(user: CurrentUser, id: number, form: ProgressForm) {
      const project = await findOwn(user, id);
      if (!canRecordProgress(user, project)) throw new ForbiddenError('只有工作人员、联系该项目的主席团成员和责任单位可以更新进度。');
      if (project.phase !== 'PASSED') throw new ConflictError('只有票决通过的项目才能更新实施进度。');
      const last = project.progress[0];
      const errors = progressProblems({ status: project.status, date: last?.date ?? null, percent: last?.percent ?? 0 }, form);
      for (const outcomeId of Object.keys(form.achieved).map(Number)) {
        if (!project.outcomes.some((o) => o.id === outcomeId)) errors[`achieved_${outcomeId}`] = '建设成效的取值不正确';
      }
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.$transaction(async (tx) => {
        await tx.projectProgress.create({
          data: {
            projectId: id,
            date: form.date,
            percent: form.percent,
            spentYuan: form.spentYuan,
            status: form.status,
            note: form.note,
            authorId: user.id,
          },
        });
        const r = await tx.livelihoodProject.updateMany({ where: { id, status: project.status }, data: { status: form.status } });
        if (r.count !== 1) throw new ConflictError('项目状态已被他人更新，请刷新页面后重试。');
        for (const [outcomeId, achieved] of Object.entries(form.achieved)) {
          await tx.projectOutcome.update({ where: { id: Number(outcomeId) }, data: { achieved } });
        }
        await audit?.record(
          user,
          {
            action: 'project.progress',
            entity: 'LivelihoodProject',
            entityId: id,
            detail: { from: project.status, to: form.status, percent: form.percent, spentYuan: form.spentYuan },
          },
          tx,
        );
      });
    },

    /** 视察: an Activity of kind INSPECTION (its participants count as 人次) plus the Inspection row. */
    async addInspection(user: CurrentUser, id: number, form: InspectionForm) {
      if (!canRecordInspection(user)) throw new ForbiddenError('只有工作人员和主席团成员可以登记视察。');
      const project = await findOwn(user, id);
      const found = await db.deputy.count({ where: { id: { in: form.participantIds }, townshipId: user.townshipId } });
      if (found !== new Set(form.participantIds).size) throw new ValidationError({ participantIds: '参加视察的代表取值不正确' });
      return db.$transaction(async (tx) => {
        const activity = await tx.activity.create({
          data: {
            townshipId: user.townshipId,
            kind: 'INSPECTION',
            title: `民生实事项目实地视察：${project.name}`,
            date: form.date,
            place: form.place || project.location,
            description: form.findings,
            otherAttendees: form.otherAttendees,
            participants: { create: [...new Set(form.participantIds)].map((deputyId) => ({ deputyId })) },
            inspection: { create: { projectId: id, findings: form.findings, followUp: form.followUp } },
          },
        });
        await audit?.record(
          user,
          { action: 'project.inspection', entity: 'LivelihoodProject', entityId: id, detail: { activityId: activity.id } },
          tx,
        );
        return activity;
      });
    },
  };

  /** A project of the user's township with what the rules need: its session, outcomes and last update. */
  async function findOwn(user: CurrentUser, id: number) {
    const project = await db.livelihoodProject.findFirst({
      where: { id, townshipId: user.townshipId },
      include: { session: true, outcomes: true, progress: { orderBy: [{ date: 'desc' }, { id: 'desc' }], take: 1 } },
    });
    if (!project) throw new NotFoundError('没有找到该民生实事项目。');
    return project;
  }

  async function checkRefs(user: CurrentUser, form: ProjectForm) {
    const errors: Record<string, string> = {};
    if (
      form.responsibleUnitId !== null &&
      !(await db.handlingUnit.count({ where: { id: form.responsibleUnitId, townshipId: user.townshipId } }))
    ) {
      errors.responsibleUnitId = '请选择责任单位';
    }
    if (
      form.sessionId !== null &&
      !(await db.congressSession.count({ where: { id: form.sessionId, congress: { townshipId: user.townshipId } } }))
    ) {
      errors.sessionId = '请选择票决会议';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  /** The project's own columns from the form (the outcomes are rows of their own). */
  function dataOf(form: ProjectForm) {
    const { outcomes, ...columns } = form;
    return columns;
  }
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
