import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { canHandleOpinion, firstAnswerFlag, opinionScope, queueScope } from '../opinions/opinions.policy.js';
import { recordOpinionEvent } from '../opinions/opinions.history.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { formatDate, maskPhone, yearOf, yearRange } from '../../lib/format.js';
import { phoneSearchFor } from '../../lib/personal-data.js';
import { deadlineFlag } from '../../lib/deadline.js';
import { calendarDaysBetween, noticeWarning } from './receptions.notice.js';
import type {
  OpinionFilter,
  OpinionForm,
  ReceptionFilter,
  ReceptionForm,
  RecordForm,
  ReferForm,
  ReferralAnswerForm,
} from './receptions.schemas.js';

import { canFollowUpReferrals, canManageReceptions, canReadReceptions, canSeeVoterContact } from './receptions.policy.js';

/** 额尔德木图 → 额***; the surname stays so that people can still be told apart. */
export function maskName(name: string): string {
  if (!name) return '';
  return name.slice(0, 1) + '*'.repeat(Math.min(Math.max(name.length - 1, 1), 3));
}

const opinionInclude = {
  deputy: { select: { id: true, name: true } },
  referredUnit: { select: { id: true, name: true } },
  suggestion: { select: { id: true, title: true, status: true, year: true, number: true } },
  reception: { select: { id: true, date: true, station: { select: { id: true, name: true } } } },
  station: { select: { id: true, name: true } },
} satisfies Prisma.VoterOpinionInclude;
type OpinionRow = Prisma.VoterOpinionGetPayload<{ include: typeof opinionInclude }>;

export function createReceptionsService(
  db: Db,
  audit: AuditService,
  now: () => Date = () => new Date(),
  notifications?: Pick<NotificationsService, 'notify'>,
) {
  function assertRead(user: CurrentUser) {
    if (!canReadReceptions(user)) throw new ForbiddenError();
  }
  function assertManage(user: CurrentUser) {
    if (!canManageReceptions(user)) throw new ForbiddenError('只有工作人员可以安排和登记接待日。');
  }

  /**
   * What a user may see of an opinion: the voter's name masked but for staff and the deputy it was sent
   * to; the phone masked for everyone unless revealed (on the opinion's page, audited); overdue flags.
   */
  function shape<T extends OpinionRow>(user: CurrentUser, o: T, revealPhone = false) {
    const full = canSeeVoterContact(user, o);
    const open = o.handling === 'REFERRED' && !o.answeredAt;
    return {
      ...o,
      voterName: full ? o.voterName : maskName(o.voterName),
      voterPhone: full && revealPhone ? o.voterPhone : maskPhone(o.voterPhone),
      flag: deadlineFlag(o.referralDueDate, open, now()),
      /** 有访必答: a code opinion's first answer is due within 7 days. */
      firstAnswerFlag: firstAnswerFlag(o, now()),
      awaitingAnswer: open,
    };
  }

  async function checkDeputies(tx: Tx | Db, user: CurrentUser, deputyIds: number[], field: string) {
    const unique = [...new Set(deputyIds)];
    if (!unique.length) return unique;
    const found = await tx.deputy.count({ where: { id: { in: unique }, townshipId: user.townshipId } });
    if (found !== unique.length) throw new ValidationError({ [field]: '所选代表中有不属于本镇的人员' });
    return unique;
  }

  async function loadReception(user: CurrentUser, id: number) {
    const r = await db.reception.findFirst({ where: { id, townshipId: user.townshipId } });
    if (!r) throw new NotFoundError('没有找到该接待日。');
    return r;
  }

  async function loadOpinion(user: CurrentUser, id: number) {
    const o = await db.voterOpinion.findFirst({ where: { AND: [opinionScope(user), { id }] } });
    if (!o) throw new NotFoundError('没有找到该选民意见。');
    return o;
  }

  function assertPending(o: { handling: string }) {
    if (o.handling !== 'PENDING') throw new ConflictError('这条意见已经处理过了，每条意见只能按一种方式处理。请刷新页面查看。');
  }

  /** The deputy's account of a code opinion sent to them, to tell them what became of it. */
  async function notifyDeputy(tx: Tx, o: { id: number; deputyId: number | null; source: string }, title: string) {
    if (!notifications || o.source !== 'CODE' || !o.deputyId) return;
    const users = await tx.user.findMany({ where: { deputyId: o.deputyId, active: true }, select: { id: true } });
    await notifications.notify(
      users.map((u) => u.id),
      { kind: 'opinion', title, link: `/opinions/${o.id}` },
      tx,
    );
  }

  function opinionWhere(user: CurrentUser, filter: OpinionFilter): Prisma.VoterOpinionWhereInput {
    const and: Prisma.VoterOpinionWhereInput[] = [opinionScope(user), { spam: !!filter.spam }];
    if (filter.handling) and.push({ handling: filter.handling });
    if (filter.source) and.push({ source: filter.source });
    if (filter.overdue) {
      const todayStart = new Date(now().getTime() - 24 * 3600 * 1000);
      and.push({ handling: 'REFERRED', answeredAt: null, referralDueDate: { lt: todayStart } });
    }
    if (filter.year) {
      const range = yearRange(filter.year);
      and.push({ OR: [{ reception: { date: range } }, { receptionId: null, createdAt: range }] });
    }
    if (filter.phone && canManageReceptions(user)) {
      // Not a phone number: nothing matches (never every opinion).
      and.push({ voterPhoneHash: phoneSearchFor(db, filter.phone) ?? '-' });
    }
    return { AND: and };
  }

  return {
    async list(user: CurrentUser, filter: ReceptionFilter) {
      assertRead(user);
      const rows = await db.reception.findMany({
        where: {
          townshipId: user.townshipId,
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.station ? { stationId: filter.station } : {}),
          ...(filter.year ? { date: yearRange(filter.year) } : {}),
        },
        include: {
          station: { select: { id: true, name: true } },
          deputies: { include: { deputy: { select: { id: true, name: true } } }, orderBy: { deputy: { name: 'asc' } } },
          _count: { select: { opinions: true } },
        },
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        take: 500,
      });
      return rows.map((r) => ({ ...r, notice: noticeWarning(r, now()) }));
    },

    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.reception.findMany({ where: { townshipId: user.townshipId }, select: { date: true } });
      return [...new Set(rows.map((r) => yearOf(r.date)))].sort((a, b) => b - a);
    },

    async get(user: CurrentUser, id: number) {
      assertRead(user);
      const r = await db.reception.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          township: { select: { name: true } },
          station: true,
          deputies: {
            include: { deputy: { select: { id: true, name: true, village: true, levels: true } } },
            orderBy: { deputy: { name: 'asc' } },
          },
          opinions: { include: opinionInclude, orderBy: { id: 'asc' } },
        },
      });
      if (!r) throw new NotFoundError('没有找到该接待日。');
      return { ...r, opinions: r.opinions.map((o) => shape(user, o)), notice: noticeWarning(r, now()) };
    },

    /** 安排接待日. */
    async create(user: CurrentUser, form: ReceptionForm) {
      assertManage(user);
      const station = await db.liaisonStation.findFirst({ where: { id: form.stationId, townshipId: user.townshipId } });
      if (!station) throw new ValidationError({ stationId: '请选择本镇的联络站' });
      const deputyIds = await checkDeputies(db, user, form.deputyIds, 'deputyIds');
      return db.$transaction(async (tx) => {
        const r = await tx.reception.create({
          data: {
            townshipId: user.townshipId,
            stationId: station.id,
            date: form.date,
            timeRange: form.timeRange,
            noticePublishedOn: form.noticePublishedOn,
            deputies: { create: deputyIds.map((deputyId) => ({ deputyId })) },
          },
        });
        await audit.record(
          user,
          {
            action: 'reception.schedule',
            entity: 'Reception',
            entityId: r.id,
            detail: { station: station.name, date: form.date, deputyIds },
          },
          tx,
        );
        return r;
      });
    },

    /** Changes the schedule of a reception day that has not been held yet. */
    async update(user: CurrentUser, id: number, form: ReceptionForm) {
      assertManage(user);
      const existing = await loadReception(user, id);
      if (existing.status !== 'SCHEDULED') throw new ConflictError('接待日已登记或已取消，不能再修改排期。');
      const station = await db.liaisonStation.findFirst({ where: { id: form.stationId, townshipId: user.townshipId } });
      if (!station) throw new ValidationError({ stationId: '请选择本镇的联络站' });
      const deputyIds = await checkDeputies(db, user, form.deputyIds, 'deputyIds');
      await db.$transaction(async (tx) => {
        await tx.receptionDeputy.deleteMany({ where: { receptionId: id } });
        await tx.reception.update({
          where: { id },
          data: {
            stationId: station.id,
            date: form.date,
            timeRange: form.timeRange,
            noticePublishedOn: form.noticePublishedOn,
            deputies: { create: deputyIds.map((deputyId) => ({ deputyId })) },
          },
        });
        await audit.record(
          user,
          { action: 'reception.update', entity: 'Reception', entityId: id, detail: { date: form.date, deputyIds } },
          tx,
        );
      });
    },

    async cancel(user: CurrentUser, id: number) {
      assertManage(user);
      const existing = await loadReception(user, id);
      if (existing.status !== 'SCHEDULED') throw new ConflictError('只有尚未举行的接待日可以取消。');
      await db.$transaction(async (tx) => {
        await tx.reception.update({ where: { id }, data: { status: 'CANCELLED' } });
        await audit.record(user, { action: 'reception.cancel', entity: 'Reception', entityId: id }, tx);
      });
    },

    /** 登记接待情况: who was present, how many voters came, a summary. May be corrected later. */
    async record(user: CurrentUser, id: number, form: RecordForm) {
      assertManage(user);
      const existing = await loadReception(user, id);
      if (existing.status === 'CANCELLED') throw new ConflictError('该接待日已取消，不能登记接待情况。');
      const presentIds = await checkDeputies(db, user, form.presentIds, 'presentIds');
      if (!presentIds.length) throw new ValidationError({ presentIds: '请勾选到场接待的代表' });
      await db.$transaction(async (tx) => {
        const rows = await tx.receptionDeputy.findMany({ where: { receptionId: id } });
        for (const row of rows) {
          await tx.receptionDeputy.update({
            where: { receptionId_deputyId: { receptionId: id, deputyId: row.deputyId } },
            data: { present: presentIds.includes(row.deputyId) },
          });
        }
        const extra = presentIds.filter((d) => !rows.some((r) => r.deputyId === d));
        if (extra.length)
          await tx.receptionDeputy.createMany({ data: extra.map((deputyId) => ({ receptionId: id, deputyId, present: true })) });
        await tx.reception.update({ where: { id }, data: { status: 'HELD', voterCount: form.voterCount, summary: form.summary } });
        await audit.record(
          user,
          { action: 'reception.record', entity: 'Reception', entityId: id, detail: { presentIds, voterCount: form.voterCount } },
          tx,
        );
      });
    },

    /** 登记选民意见 raised at a reception. */
    async addOpinion(user: CurrentUser, receptionId: number, form: OpinionForm) {
      assertManage(user);
      const r = await loadReception(user, receptionId);
      if (r.status === 'CANCELLED') throw new ConflictError('该接待日已取消，不能登记意见。');
      if (form.deputyId) await checkDeputies(db, user, [form.deputyId], 'deputyId');
      return db.$transaction(async (tx) => {
        const o = await tx.voterOpinion.create({
          data: {
            townshipId: user.townshipId,
            receptionId,
            deputyId: form.deputyId ?? null,
            content: form.content,
            category: form.category,
            voterName: form.voterName,
            voterPhone: form.voterPhone,
          },
        });
        await audit.record(user, { action: 'opinion.create', entity: 'VoterOpinion', entityId: o.id, detail: { receptionId } }, tx);
        return o;
      });
    },

    async listOpinions(user: CurrentUser, filter: OpinionFilter) {
      assertRead(user);
      const rows = await db.voterOpinion.findMany({
        where: opinionWhere(user, filter),
        include: opinionInclude,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 500,
      });
      return rows.map((o) => shape(user, o));
    },

    /** Referred opinions still waiting for the unit's answer whose due date has passed. */
    async overdueCount(user: CurrentUser): Promise<number> {
      if (!canFollowUpReferrals(user)) return 0;
      return db.voterOpinion.count({ where: opinionWhere(user, { overdue: '1' }) });
    },

    /**
     * One opinion the user may read. `reveal` checks and audits 显示完整号码 (the POST);
     * `revealed` shows the number once after it (the page it redirects to, lib/reveal).
     */
    async getOpinion(user: CurrentUser, id: number, options: { reveal?: boolean; revealed?: boolean; ip?: string } = {}) {
      assertRead(user);
      const o = await db.voterOpinion.findFirst({
        where: { AND: [opinionScope(user), { id }] },
        include: {
          ...opinionInclude,
          events: { include: { actor: { select: { displayName: true } } }, orderBy: { id: 'asc' } },
        },
      });
      if (!o) throw new NotFoundError('没有找到该选民意见。');
      if (options.reveal) {
        if (!canSeeVoterContact(user, o)) throw new ForbiddenError('您无权查看完整号码。');
        await audit.record(user, {
          action: 'personal.reveal',
          entity: 'VoterOpinion',
          entityId: o.id,
          detail: { field: 'voterPhone' },
          ip: options.ip,
        });
      }
      return shape(user, o, !!(options.reveal || options.revealed));
    },

    /** 答复: staff (当场答复 at a reception, or any pending opinion), or the deputy a code opinion was sent to. */
    async answer(user: CurrentUser, id: number, input: { answer: string }) {
      const o = await loadOpinion(user, id);
      assertPending(o);
      const mine = user.role === 'DEPUTY' && (await db.voterOpinion.count({ where: { AND: [queueScope(user), { id }] } })) === 1;
      if (!canHandleOpinion(user, o, mine)) throw new ForbiddenError('您不能答复这条意见。');
      const t = now();
      await db.$transaction(async (tx) => {
        const done = await tx.voterOpinion.updateMany({
          where: { id, handling: 'PENDING' },
          data: { handling: 'ANSWERED', answer: input.answer, answeredAt: t, respondedAt: o.respondedAt ?? t, readAt: o.readAt ?? t },
        });
        if (done.count !== 1) throw new ConflictError();
        await recordOpinionEvent(tx, id, user.id, 'answer', input.answer);
        await audit.record(user, { action: 'opinion.answer', entity: 'VoterOpinion', entityId: id }, tx);
        if (user.role === 'STAFF') await notifyDeputy(tx, o, '工作人员答复了选民通过代表码反映的意见');
      });
    },

    /** 转办 to a town department with a due date. */
    async refer(user: CurrentUser, id: number, input: ReferForm) {
      assertManage(user);
      assertPending(await loadOpinion(user, id));
      const unit = await db.handlingUnit.findFirst({ where: { id: input.unitId, townshipId: user.townshipId, active: true } });
      if (!unit) throw new ValidationError({ unitId: '请选择本镇的承办单位' });
      if (calendarDaysBetween(now(), input.dueDate) < 0) throw new ValidationError({ dueDate: '办理期限不能早于今天' });
      const o = await loadOpinion(user, id);
      const t = now();
      await db.$transaction(async (tx) => {
        const done = await tx.voterOpinion.updateMany({
          where: { id, handling: 'PENDING' },
          data: {
            handling: 'REFERRED',
            referredUnitId: unit.id,
            referralDueDate: input.dueDate,
            respondedAt: o.respondedAt ?? t,
            readAt: o.readAt ?? t,
          },
        });
        if (done.count !== 1) throw new ConflictError();
        await recordOpinionEvent(tx, id, user.id, 'refer', `${unit.name}，期限${formatDate(input.dueDate)}`);
        await notifyDeputy(tx, o, `选民意见已转${unit.name}办理`);
        await audit.record(
          user,
          { action: 'opinion.refer', entity: 'VoterOpinion', entityId: id, detail: { unit: unit.name, dueDate: input.dueDate } },
          tx,
        );
      });
      return unit;
    },

    /** Records the department's answer to a referred opinion: the referral is then closed. */
    async answerReferral(user: CurrentUser, id: number, input: ReferralAnswerForm) {
      assertManage(user);
      const o = await loadOpinion(user, id);
      if (o.handling !== 'REFERRED' || o.answeredAt) throw new ConflictError('这条意见不是待答复的转办意见。');
      await db.$transaction(async (tx) => {
        await tx.voterOpinion.update({ where: { id }, data: { answer: input.answer, answeredAt: input.answeredOn } });
        await recordOpinionEvent(tx, id, user.id, 'referral-answer', input.answer);
        await notifyDeputy(tx, o, '承办单位已答复选民通过代表码反映的意见');
        await audit.record(user, { action: 'opinion.referral-answer', entity: 'VoterOpinion', entityId: id }, tx);
      });
    },
  };
}

export type ReceptionsService = ReturnType<typeof createReceptionsService>;
export type ReceptionDetail = Awaited<ReturnType<ReceptionsService['get']>>;
export type OpinionView = Awaited<ReturnType<ReceptionsService['getOpinion']>>;
