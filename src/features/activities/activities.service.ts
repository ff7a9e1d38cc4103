import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ActivityKind } from '../../generated/prisma/enums.js';
import type { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { toDateInput, yearOf, yearRange } from '../../lib/format.js';
import { activityKindLabels } from '../../lib/labels.js';
import type { ActivityForm, AttendanceForm } from './activities.schemas.js';
import { canReadActivities } from './activities.policy.js';

/** 人次 of one activity: deputies recorded by name plus those counted without names. */
export function personTimes(a: { otherAttendees: number; _count: { participants: number } }): number {
  return a._count.participants + a.otherAttendees;
}

export type PersonTimes = {
  year: number | null;
  activities: number;
  total: number;
  byKind: Array<{ kind: ActivityKind; label: string; activities: number; personTimes: number }>;
  /** 1–12 → 人次 in that month (only when a year is given). */
  byMonth: number[];
  byDeputy: Array<{ deputyId: number; name: string; village: string; count: number }>;
  /** 人次 not recorded by name (otherAttendees). */
  unnamed: number;
};

export function createActivitiesService(db: Db, audit: AuditService) {
  function assertRead(user: CurrentUser) {
    if (!canReadActivities(user)) throw new ForbiddenError();
  }
  function assertManage(user: CurrentUser) {
    if (user.role !== 'STAFF') throw new ForbiddenError('只有工作人员可以登记代表活动。');
  }

  async function findOwn(user: CurrentUser, id: number) {
    const a = await db.activity.findFirst({ where: { id, townshipId: user.townshipId }, include: { inspection: true } });
    if (!a) throw new NotFoundError('没有找到该活动。');
    return a;
  }

  async function checkRefs(user: CurrentUser, form: ActivityForm) {
    if (form.stationId && !(await db.liaisonStation.findFirst({ where: { id: form.stationId, townshipId: user.townshipId } }))) {
      throw new ValidationError({ stationId: '请选择本镇的联络站' });
    }
    if (form.projectId && !(await db.livelihoodProject.findFirst({ where: { id: form.projectId, townshipId: user.townshipId } }))) {
      throw new ValidationError({ projectId: '请选择本镇的民生实事项目' });
    }
  }

  /** The activity's own columns from the form (an inspection's project and findings are an Inspection row). */
  function dataOf(form: ActivityForm) {
    const { projectId, findings, ...columns } = form;
    return { ...columns, stationId: columns.stationId ?? null };
  }

  /** An inspection is an INSPECTION activity plus one Inspection row (project, findings): counted once. */
  async function syncInspection(tx: Tx, activityId: number, form: ActivityForm) {
    if (form.kind !== 'INSPECTION') {
      await tx.inspection.deleteMany({ where: { activityId } });
      return;
    }
    await tx.inspection.upsert({
      where: { activityId },
      create: { activityId, projectId: form.projectId ?? null, findings: form.findings },
      update: { projectId: form.projectId ?? null, findings: form.findings },
    });
  }

  return {
    async list(user: CurrentUser, filter: { year?: number; kind?: ActivityKind }) {
      assertRead(user);
      const activities = await db.activity.findMany({
        where: {
          townshipId: user.townshipId,
          ...(filter.year ? { date: yearRange(filter.year) } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
        },
        include: {
          _count: { select: { participants: true } },
          station: { select: { name: true } },
          inspection: { select: { projectId: true } },
        },
        orderBy: { date: 'desc' },
      });
      const items = activities.map((a) => ({ ...a, personTimes: personTimes(a) }));
      return { items, totalPersonTimes: items.reduce((sum, a) => sum + a.personTimes, 0) };
    },

    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.activity.findMany({ where: { townshipId: user.townshipId }, select: { date: true } });
      const years = new Set(rows.map((r) => yearOf(r.date)));
      return [...years].sort((a, b) => b - a);
    },

    async get(user: CurrentUser, id: number) {
      assertRead(user);
      const activity = await db.activity.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          participants: { include: { deputy: { select: { id: true, name: true, village: true } } }, orderBy: { deputy: { name: 'asc' } } },
          station: { select: { id: true, name: true } },
          inspection: { include: { project: { select: { id: true, name: true } } } },
          _count: { select: { participants: true } },
        },
      });
      if (!activity) throw new NotFoundError('没有找到该活动。');
      return { ...activity, personTimes: personTimes(activity) };
    },

    /** The edit form's values of an activity. */
    async formValues(user: CurrentUser, id: number) {
      const a = await findOwn(user, id);
      return {
        kind: a.kind,
        title: a.title,
        date: toDateInput(a.date),
        endDate: toDateInput(a.endDate),
        place: a.place,
        organiser: a.organiser,
        description: a.description,
        stationId: a.stationId ? String(a.stationId) : '',
        projectId: a.inspection?.projectId ? String(a.inspection.projectId) : '',
        findings: a.inspection?.findings ?? '',
      };
    },

    async create(user: CurrentUser, form: ActivityForm) {
      assertManage(user);
      await checkRefs(user, form);
      return db.$transaction(async (tx) => {
        const a = await tx.activity.create({ data: { ...dataOf(form), townshipId: user.townshipId } });
        await syncInspection(tx, a.id, form);
        await audit.record(
          user,
          { action: 'activity.create', entity: 'Activity', entityId: a.id, detail: { title: a.title, kind: a.kind } },
          tx,
        );
        return a;
      });
    },

    async update(user: CurrentUser, id: number, form: ActivityForm) {
      assertManage(user);
      await findOwn(user, id);
      await checkRefs(user, form);
      await db.$transaction(async (tx) => {
        await tx.activity.update({ where: { id }, data: dataOf(form) });
        await syncInspection(tx, id, form);
        await audit.record(
          user,
          { action: 'activity.update', entity: 'Activity', entityId: id, detail: { title: form.title, kind: form.kind } },
          tx,
        );
      });
    },

    /** 考勤: which deputies took part (replaces the list) and how many others. */
    async setAttendance(user: CurrentUser, id: number, form: AttendanceForm) {
      assertManage(user);
      await findOwn(user, id);
      const deputyIds = [...new Set(form.deputyIds)];
      if (deputyIds.length) {
        const found = await db.deputy.count({ where: { id: { in: deputyIds }, townshipId: user.townshipId } });
        if (found !== deputyIds.length) throw new ValidationError({ deputyIds: '所选代表中有不属于本镇的人员' });
      }
      await db.$transaction(async (tx) => {
        await tx.activityParticipant.deleteMany({ where: { activityId: id } });
        await tx.activityParticipant.createMany({ data: deputyIds.map((deputyId) => ({ activityId: id, deputyId })) });
        await tx.activity.update({ where: { id }, data: { otherAttendees: form.otherAttendees } });
        await audit.record(
          user,
          {
            action: 'activity.attendance',
            entity: 'Activity',
            entityId: id,
            detail: { deputies: deputyIds.length, otherAttendees: form.otherAttendees },
          },
          tx,
        );
      });
      return deputyIds.length + form.otherAttendees;
    },

    /** The deputies who may be marked: the active roster plus anyone already recorded. */
    async attendanceOptions(user: CurrentUser, id: number) {
      const a = await findOwn(user, id);
      const rows = await db.deputy.findMany({
        where: { townshipId: user.townshipId, OR: [{ status: 'ACTIVE' }, { activities: { some: { activityId: a.id } } }] },
        select: { id: true, name: true, village: true },
        orderBy: [{ village: 'asc' }, { name: 'asc' }],
      });
      const selected = await db.activityParticipant.findMany({ where: { activityId: id }, select: { deputyId: true } });
      return { deputies: rows, selected: selected.map((s) => String(s.deputyId)), otherAttendees: a.otherAttendees };
    },

    /**
     * 人次 of deputies' activities: per kind, per month and per deputy, for one year or for all.
     * One ActivityParticipant row is one 人次, plus otherAttendees; an inspection is one activity, so it counts once.
     * The annual report reuses this.
     */
    async personTimes(user: CurrentUser, filter: { year?: number } = {}): Promise<PersonTimes> {
      assertRead(user);
      const where: Prisma.ActivityWhereInput = { townshipId: user.townshipId, ...(filter.year ? { date: yearRange(filter.year) } : {}) };
      const activities = await db.activity.findMany({
        where,
        select: { id: true, kind: true, date: true, otherAttendees: true, _count: { select: { participants: true } } },
      });
      const byKind = new Map<ActivityKind, { activities: number; personTimes: number }>();
      const byMonth = Array.from({ length: 12 }, () => 0);
      let total = 0;
      let unnamed = 0;
      for (const a of activities) {
        const n = personTimes(a);
        total += n;
        unnamed += a.otherAttendees;
        const k = byKind.get(a.kind) ?? { activities: 0, personTimes: 0 };
        byKind.set(a.kind, { activities: k.activities + 1, personTimes: k.personTimes + n });
        if (filter.year) byMonth[Number(toDateInput(a.date).slice(5, 7)) - 1]! += n;
      }
      const perDeputy = await db.activityParticipant.groupBy({ by: ['deputyId'], where: { activity: where }, _count: { _all: true } });
      const deputies = await db.deputy.findMany({
        where: { id: { in: perDeputy.map((p) => p.deputyId) } },
        select: { id: true, name: true, village: true },
      });
      const names = new Map(deputies.map((d) => [d.id, d]));
      return {
        year: filter.year ?? null,
        activities: activities.length,
        total,
        unnamed,
        byKind: (Object.keys(activityKindLabels) as ActivityKind[])
          .filter((kind) => byKind.has(kind))
          .map((kind) => ({ kind, label: activityKindLabels[kind], ...byKind.get(kind)! })),
        byMonth,
        byDeputy: perDeputy
          .map((p) => ({
            deputyId: p.deputyId,
            name: names.get(p.deputyId)?.name ?? '',
            village: names.get(p.deputyId)?.village ?? '',
            count: p._count._all,
          }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
      };
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
