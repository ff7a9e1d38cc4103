import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { SuggestionStatus } from '../../generated/prisma/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { pageArgs, toPage } from '../../lib/pagination.js';
import { deadlineFlag } from '../../lib/deadline.js';
import { formatDate, yearOf, yearRange } from '../../lib/format.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { suggestionScope } from './suggestions.policy.js';
import { searchWhere } from './suggestions.search.js';
import {
  ACTIONS,
  AWAITING_REPLY,
  TERMINAL,
  availableActions,
  canStillReturnAssignment,
  check,
  maxExtendedDeadline,
  rehandlingDeadline,
  replyDeadline,
  type ActionName,
  type WorkflowContext,
} from './suggestions.workflow.js';
import type {
  SuggestionFilter,
  SuggestionForm,
  assignSchema,
  assistOpinionSchema,
  contactSchema,
  decideExtensionSchema,
  extensionSchema,
  keySchema,
  mergeSchema,
  noteSchema,
  publicSchema,
  rateSchema,
  reasonSchema,
  replySchema,
  superviseSchema,
  updateSchema,
} from './suggestions.schemas.js';
import type { z } from 'zod';

/** 2024-015, or 未编号 before 立案. */
export function suggestionCode(s: { year: number; number: number | null }): string {
  return s.number ? `${s.year}-${String(s.number).padStart(3, '0')}` : '未编号';
}

const listInclude = {
  leadDeputy: { select: { id: true, name: true } },
  assignments: { where: { active: true }, include: { unit: { select: { id: true, name: true } } } },
} satisfies Prisma.SuggestionInclude;

/** Unfinished suggestions of earlier years, carried over (结转) into `year`. */
export function carriedInto(year: number): Prisma.SuggestionWhereInput {
  // Accepted in an earlier year and not finished by the start of `year` (closed later, or still open).
  return {
    year: { lt: year },
    number: { not: null },
    status: { notIn: ['MERGED', 'REFERENCE'] },
    OR: [{ status: { not: 'CLOSED' } }, { closedAt: { gte: yearRange(year).gte } }],
  };
}

/** A year's list: that year's suggestions plus the unfinished ones carried over from earlier years. */
export function yearWhere(year: number): Prisma.SuggestionWhereInput {
  return { OR: [{ year }, carriedInto(year)] };
}

/** The input of each action, as its zod schema outputs it. */
export type ActionInput = {
  submit: z.output<typeof noteSchema>;
  accept: z.output<typeof noteSchema>;
  return: z.output<typeof reasonSchema>;
  merge: z.output<typeof mergeSchema>;
  toReference: z.output<typeof reasonSchema>;
  assign: z.output<typeof assignSchema>;
  sign: z.output<typeof noteSchema>;
  returnAssignment: z.output<typeof reasonSchema>;
  logContact: z.output<typeof contactSchema>;
  assistOpinion: z.output<typeof assistOpinionSchema>;
  requestExtension: z.output<typeof extensionSchema>;
  decideExtension: z.output<typeof decideExtensionSchema>;
  reply: z.output<typeof replySchema>;
  rate: z.output<typeof rateSchema>;
  implementationUpdate: z.output<typeof updateSchema>;
  markImplemented: z.output<typeof noteSchema>;
  confirm: z.output<typeof noteSchema>;
  setKey: z.output<typeof keySchema>;
  supervise: z.output<typeof superviseSchema>;
  setPublic: z.output<typeof publicSchema>;
};

type Tx = Prisma.TransactionClient;

/** The rows the workflow needs to decide, loaded inside the transaction. */
const workflowInclude = {
  assignments: { where: { active: true } },
  replies: { where: { isAssistOpinion: false }, orderBy: { id: 'desc' }, take: 1 },
  satisfactions: { select: { result: true } },
} satisfies Prisma.SuggestionInclude;
type WorkflowRow = Prisma.SuggestionGetPayload<{ include: typeof workflowInclude }>;

/** What the workflow needs to know, from a suggestion with its assignments, replies and ratings. */
export function contextOf(s: {
  status: SuggestionStatus;
  leadDeputyId: number;
  supervisorId: number | null;
  assignments: Array<{ role: 'LEAD' | 'ASSIST'; unitId: number; active: boolean }>;
  replies: Array<{ id: number; isAssistOpinion: boolean; category: WorkflowContext['replyCategory'] }>;
  satisfactions: Array<{ result: string }>;
}): WorkflowContext {
  const active = s.assignments.filter((a) => a.active);
  const latest = s.replies
    .filter((r) => !r.isAssistOpinion)
    .reduce<(typeof s.replies)[number] | null>((a, r) => (!a || r.id > a.id ? r : a), null);
  return {
    status: s.status,
    leadDeputyId: s.leadDeputyId,
    supervisorId: s.supervisorId,
    leadUnitIds: active.filter((a) => a.role === 'LEAD').map((a) => a.unitId),
    assistUnitIds: active.filter((a) => a.role === 'ASSIST').map((a) => a.unitId),
    replyCategory: latest?.category ?? null,
    round: 1 + s.satisfactions.filter((x) => x.result === 'DISSATISFIED').length,
  };
}

export function createSuggestionsService(
  db: Db,
  deps: { audit: AuditService; notifications: NotificationsService },
  now: () => Date = () => new Date(),
) {
  const { audit, notifications } = deps;

  /** Adds the code, the deadline flag, and whether it is carried over (结转) into `viewYear`. */
  function decorate<T extends { deadline: Date | null; status: SuggestionStatus; year: number; number: number | null }>(
    s: T,
    viewYear = yearOf(now()),
  ) {
    const open = AWAITING_REPLY.includes(s.status);
    return {
      ...s,
      code: suggestionCode(s),
      flag: deadlineFlag(s.deadline, open, now()),
      carriedOver: s.year < viewYear && s.number !== null && !TERMINAL.includes(s.status),
    };
  }

  async function filterWhere(user: CurrentUser, filter: SuggestionFilter): Promise<Prisma.SuggestionWhereInput> {
    const and: Prisma.SuggestionWhereInput[] = [suggestionScope(user)];
    if (user.role === 'PRESIDIUM' && filter.scope !== 'all') and.push({ supervisorId: user.id });
    if (filter.carried) and.push(carriedInto(filter.year ?? yearOf(now())));
    else if (filter.year) and.push(yearWhere(filter.year));
    if (filter.status) and.push({ status: filter.status });
    if (filter.category) and.push({ category: filter.category });
    if (filter.key) and.push({ isKey: true });
    if (filter.unit) and.push({ assignments: { some: { unitId: filter.unit, active: true } } });
    if (filter.deputy) and.push({ OR: [{ leadDeputyId: filter.deputy }, { coSigners: { some: { deputyId: filter.deputy } } }] });
    if (filter.overdue) {
      const todayStart = new Date(now().getTime() - 24 * 3600 * 1000);
      and.push({ status: { in: [...AWAITING_REPLY] }, deadline: { lt: todayStart } });
    }
    if (filter.q) and.push(await searchWhere(db, user.townshipId, filter.q));
    return { AND: and };
  }

  function orderBy(sort: SuggestionFilter['sort']): Prisma.SuggestionOrderByWithRelationInput[] {
    switch (sort) {
      case 'deadline':
        return [{ deadline: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
      case 'number':
        return [{ year: 'desc' }, { number: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }];
      default:
        return [{ updatedAt: 'desc' }, { id: 'desc' }];
    }
  }

  /** Loads a suggestion the user may read, for a change; 404 when out of their scope. */
  async function loadForChange(tx: Tx, user: CurrentUser, id: number): Promise<WorkflowRow> {
    const s = await tx.suggestion.findFirst({ where: { AND: [suggestionScope(user), { id }] }, include: workflowInclude });
    if (!s) throw new NotFoundError('没有找到这件建议，或您无权操作。');
    return s;
  }

  async function usersOfUnits(tx: Tx, unitIds: number[]): Promise<number[]> {
    if (!unitIds.length) return [];
    const rows = await tx.user.findMany({ where: { unitId: { in: unitIds }, active: true }, select: { id: true } });
    return rows.map((r) => r.id);
  }
  async function userOfDeputy(tx: Tx, deputyId: number): Promise<number[]> {
    const u = await tx.user.findFirst({ where: { deputyId, active: true }, select: { id: true } });
    return u ? [u.id] : [];
  }
  async function staffUsers(tx: Tx, townshipId: number): Promise<number[]> {
    const rows = await tx.user.findMany({ where: { townshipId, role: 'STAFF', active: true }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  async function validateCoSigners(user: CurrentUser, leadDeputyId: number, coSignerIds: number[]) {
    const ids = [...new Set(coSignerIds)].filter((id) => id !== leadDeputyId);
    if (ids.length) {
      const found = await db.deputy.count({ where: { id: { in: ids }, townshipId: user.townshipId, status: 'ACTIVE' } });
      if (found !== ids.length) throw new ValidationError({ coSignerIds: '附议代表中有不是本镇在任代表的人员' });
    }
    return ids;
  }

  async function leadDeputyFor(user: CurrentUser, form: SuggestionForm): Promise<number> {
    if (user.role === 'DEPUTY') {
      if (!user.deputyId) throw new ForbiddenError('您的账号没有关联代表信息，请联系工作人员。');
      return user.deputyId;
    }
    if (user.role !== 'STAFF') throw new ForbiddenError('只有代表本人或工作人员可以提出建议。');
    if (!form.leadDeputyId) throw new ValidationError({ leadDeputyId: '请选择领衔代表' });
    const d = await db.deputy.findFirst({ where: { id: form.leadDeputyId, townshipId: user.townshipId, status: 'ACTIVE' } });
    if (!d) throw new ValidationError({ leadDeputyId: '请选择本镇在任代表作为领衔代表' });
    return d.id;
  }

  /** The action's own work inside the transaction; returns fields to set and the event note. */
  async function perform<A extends ActionName>(
    tx: Tx,
    user: CurrentUser,
    s: WorkflowRow,
    ctx: WorkflowContext,
    action: A,
    input: ActionInput[A],
  ): Promise<{ data?: Prisma.SuggestionUncheckedUpdateInput; note?: string; notify?: () => Promise<void> }> {
    const t = now();
    const link = `/suggestions/${s.id}`;
    const code = suggestionCode(s);
    switch (action) {
      case 'submit':
        return {
          data: { submittedAt: t, statusNote: '', year: yearOf(t) },
          notify: async () =>
            notifications.notify(await staffUsers(tx, s.townshipId), { kind: 'submitted', title: `新建议待审查：${s.title}`, link }, tx),
        };
      case 'accept': {
        // Numbered in the year of 立案, per township: 2024-015.
        const year = yearOf(t);
        const max = await tx.suggestion.aggregate({ where: { townshipId: s.townshipId, year }, _max: { number: true } });
        const number = (max._max.number ?? 0) + 1;
        return { data: { year, number, acceptedAt: t, statusNote: '' }, note: `编号 ${suggestionCode({ year, number })}` };
      }
      case 'return':
      case 'toReference': {
        const { reason } = input as ActionInput['return'];
        const title = action === 'return' ? `建议被退回修改：${s.title}` : `建议不作为建议处理：${s.title}`;
        return {
          data: { statusNote: reason },
          note: reason,
          notify: async () => notifications.notify(await userOfDeputy(tx, s.leadDeputyId), { kind: action, title, link }, tx),
        };
      }
      case 'merge': {
        const { duplicateOfCode, reason } = input as ActionInput['merge'];
        const [y, n] = duplicateOfCode.split('-').map(Number);
        const original = await tx.suggestion.findFirst({ where: { townshipId: s.townshipId, year: y, number: n } });
        if (!original || original.id === s.id || original.status === 'MERGED') {
          throw new ValidationError({ duplicateOfCode: `没有找到可并入的建议“${duplicateOfCode}”` });
        }
        return {
          data: { duplicateOfId: original.id, statusNote: reason },
          note: `并入 ${duplicateOfCode}：${reason}`,
          notify: async () =>
            notifications.notify(
              await userOfDeputy(tx, s.leadDeputyId),
              { kind: 'merge', title: `您的建议与 ${duplicateOfCode} 重复，已并案办理：${s.title}`, link },
              tx,
            ),
        };
      }
      case 'assign': {
        const { leadUnitId, assistUnitIds, isComplex } = input as ActionInput['assign'];
        const unitIds = [leadUnitId, ...assistUnitIds];
        const units = await tx.handlingUnit.findMany({ where: { id: { in: unitIds }, townshipId: s.townshipId, active: true } });
        if (units.length !== new Set(unitIds).size) throw new ValidationError({ leadUnitId: '请选择本镇在用的承办单位' });
        await tx.suggestionAssignment.createMany({
          data: [
            { suggestionId: s.id, unitId: leadUnitId, role: 'LEAD', assignedAt: t },
            ...assistUnitIds.map((unitId) => ({ suggestionId: s.id, unitId, role: 'ASSIST' as const, assignedAt: t })),
          ],
        });
        const deadline = replyDeadline(t, isComplex);
        const names = (ids: number[]) => ids.map((id) => units.find((u) => u.id === id)!.name).join('、');
        return {
          data: { assignedAt: t, isComplex, deadline },
          note: `主办：${names([leadUnitId])}${assistUnitIds.length ? `；协办：${names(assistUnitIds)}` : ''}；答复期限 ${formatDate(deadline)}`,
          notify: async () =>
            notifications.notify(
              await usersOfUnits(tx, unitIds),
              { kind: 'assignment', title: `新交办建议 ${code}：${s.title}，请于${formatDate(deadline)}前答复`, link },
              tx,
            ),
        };
      }
      case 'sign':
        await tx.suggestionAssignment.updateMany({
          where: { suggestionId: s.id, unitId: user.unitId!, active: true },
          data: { signedAt: t },
        });
        return {};
      case 'returnAssignment': {
        const { reason } = input as ActionInput['returnAssignment'];
        if (!s.assignedAt || !canStillReturnAssignment(s.assignedAt, t)) {
          throw new ConflictError('交办已超过7天，不能再退回。如确属交办错误，请联系镇人大工作人员。');
        }
        await tx.suggestionAssignment.updateMany({
          where: { suggestionId: s.id, active: true },
          data: { active: false, returnedAt: t, returnReason: reason },
        });
        return {
          data: { deadline: null, assignedAt: null },
          note: reason,
          notify: async () =>
            notifications.notify(
              await staffUsers(tx, s.townshipId),
              { kind: 'assignment-returned', title: `承办单位退回交办，请重新交办：${s.title}`, link },
              tx,
            ),
        };
      }
      case 'logContact': {
        const c = input as ActionInput['logContact'];
        await tx.suggestionContact.create({
          data: { suggestionId: s.id, unitId: user.unitId!, date: c.date, way: c.way, summary: c.summary, authorId: user.id },
        });
        return { note: c.summary };
      }
      case 'assistOpinion': {
        const { content } = input as ActionInput['assistOpinion'];
        await tx.reply.create({
          data: { suggestionId: s.id, unitId: user.unitId!, isAssistOpinion: true, content, round: ctx.round, authorId: user.id },
        });
        return {};
      }
      case 'requestExtension': {
        const { newDeadline, reason } = input as ActionInput['requestExtension'];
        if (ctx.round > 1) throw new ConflictError('重新办理期间（1个月内再次答复）不能申请延期。');
        const previous = await tx.deadlineExtension.count({ where: { suggestionId: s.id, status: { in: ['PENDING', 'APPROVED'] } } });
        if (previous) throw new ConflictError('每件建议只能申请一次延期，已有延期申请。');
        if (!s.deadline) throw new ConflictError('这件建议没有答复期限，无需延期。');
        if (newDeadline <= s.deadline)
          throw new ValidationError({ newDeadline: `延期后的期限应晚于现在的期限（${formatDate(s.deadline)}）` });
        const max = maxExtendedDeadline(s.deadline);
        if (newDeadline > max) throw new ValidationError({ newDeadline: `延期最多3个月，最晚为${formatDate(max)}` });
        await tx.deadlineExtension.create({
          data: { suggestionId: s.id, unitId: user.unitId!, requestedById: user.id, reason, newDeadline },
        });
        return {
          note: `申请延期至${formatDate(newDeadline)}：${reason}`,
          notify: async () => {
            const presidium = s.supervisorId
              ? [s.supervisorId]
              : (
                  await tx.user.findMany({ where: { townshipId: s.townshipId, role: 'PRESIDIUM', active: true }, select: { id: true } })
                ).map((u) => u.id);
            await notifications.notify(presidium, { kind: 'extension', title: `延期申请待审批：${s.title}`, link }, tx);
          },
        };
      }
      case 'decideExtension': {
        const { decision, note } = input as ActionInput['decideExtension'];
        const pending = await tx.deadlineExtension.findFirst({ where: { suggestionId: s.id, status: 'PENDING' } });
        if (!pending) throw new ConflictError('没有待审批的延期申请。');
        await tx.deadlineExtension.update({
          where: { id: pending.id },
          data: { status: decision === 'approve' ? 'APPROVED' : 'REFUSED', decidedById: user.id, decidedAt: t, decisionNote: note },
        });
        const text = decision === 'approve' ? `同意延期至${formatDate(pending.newDeadline)}` : '不同意延期';
        return {
          data: decision === 'approve' ? { deadline: pending.newDeadline } : {},
          note: note ? `${text}：${note}` : text,
          notify: async () =>
            notifications.notify(
              await usersOfUnits(tx, ctx.leadUnitIds),
              { kind: 'extension-decided', title: `延期申请${decision === 'approve' ? '已同意' : '未同意'}：${s.title}`, link },
              tx,
            ),
        };
      }
      case 'reply': {
        const r = input as ActionInput['reply'];
        await tx.reply.create({
          data: {
            suggestionId: s.id,
            unitId: user.unitId!,
            round: ctx.round,
            category: r.category,
            content: r.content,
            plannedCompletion: r.category === 'B' ? r.plannedCompletion : null,
            dueAt: s.deadline,
            authorId: user.id,
            createdAt: t,
          },
        });
        // Replying settles a pending extension request: it is no longer needed.
        await tx.deadlineExtension.updateMany({
          where: { suggestionId: s.id, status: 'PENDING' },
          data: { status: 'REFUSED', decidedAt: t, decisionNote: '单位已答复，延期申请自动撤销' },
        });
        return {
          data: { repliedAt: t },
          note: `${r.category}类答复`,
          notify: async () =>
            notifications.notify(
              await userOfDeputy(tx, s.leadDeputyId),
              { kind: 'reply-to-rate', title: `您的建议已答复，请进行满意度测评：${s.title}`, link },
              tx,
            ),
        };
      }
      case 'rate': {
        const r = input as ActionInput['rate'];
        await tx.satisfaction.create({
          data: {
            suggestionId: s.id,
            replyId: s.replies[0]?.id ?? null,
            deputyId: s.leadDeputyId,
            round: ctx.round,
            attitude: r.attitude,
            result: r.result,
            comment: r.comment,
          },
        });
        const rehandle = r.result === 'DISSATISFIED' && ctx.round < 2;
        const labels = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' } as const;
        const comment = r.comment.replace(/[。；;，,.\s]+$/, '');
        const note = `办理态度${labels[r.attitude]}，办理结果${labels[r.result]}${comment ? `：${comment}` : ''}`;
        if (rehandle) {
          const deadline = rehandlingDeadline(t);
          return {
            data: { deadline, repliedAt: null },
            note: `${note}；退回重新办理，${formatDate(deadline)}前再次答复`,
            notify: async () =>
              notifications.notify(
                await usersOfUnits(tx, ctx.leadUnitIds),
                { kind: 'rehandle', title: `代表对答复不满意，请重新办理：${s.title}`, link },
                tx,
              ),
          };
        }
        return {
          data: ctx.replyCategory === 'B' ? {} : { closedAt: t },
          note,
          notify: async () =>
            notifications.notify(
              await usersOfUnits(tx, ctx.leadUnitIds),
              { kind: 'rated', title: `代表已测评（${note.split('：')[0]}）：${s.title}`, link },
              tx,
            ),
        };
      }
      case 'implementationUpdate': {
        const u = input as ActionInput['implementationUpdate'];
        await tx.implementationUpdate.create({
          data: { suggestionId: s.id, unitId: user.unitId!, date: u.date, content: u.content, authorId: user.id },
        });
        return { note: u.content };
      }
      case 'markImplemented':
        return {
          note: (input as ActionInput['markImplemented']).note,
          notify: async () =>
            notifications.notify(
              await userOfDeputy(tx, s.leadDeputyId),
              { kind: 'implemented', title: `您的建议已落实，请确认：${s.title}`, link },
              tx,
            ),
        };
      case 'confirm':
        return { data: { closedAt: t }, note: (input as ActionInput['confirm']).note };
      case 'setKey': {
        const { isKey, supervisorId } = input as ActionInput['setKey'];
        if (isKey) {
          const sup = await tx.user.findFirst({ where: { id: supervisorId, townshipId: s.townshipId, role: 'PRESIDIUM', active: true } });
          if (!sup) throw new ValidationError({ supervisorId: '督办人应为本镇主席团成员' });
          return {
            data: { isKey: true, supervisorId: sup.id },
            note: `设为重点建议，督办人：${sup.displayName}`,
            notify: async () => notifications.notify([sup.id], { kind: 'key-suggestion', title: `请督办重点建议：${s.title}`, link }, tx),
          };
        }
        return { data: { isKey: false, supervisorId: null }, note: '取消重点建议' };
      }
      case 'supervise': {
        const v = input as ActionInput['supervise'];
        await tx.supervision.create({ data: { suggestionId: s.id, supervisorId: user.id, way: v.way, date: v.date, note: v.note } });
        return {
          note: v.note,
          notify:
            v.way === 'PROMPT'
              ? async () =>
                  notifications.notify(
                    await usersOfUnits(tx, ctx.leadUnitIds),
                    { kind: 'prompt', title: `督办人催办：${s.title}`, link },
                    tx,
                  )
              : undefined,
        };
      }
      case 'setPublic': {
        const { withheld } = input as ActionInput['setPublic'];
        return { data: { publicWithheld: withheld }, note: withheld ? '不在公开页面公开' : '在公开页面公开' };
      }
    }
    return {};
  }

  /**
   * Fires a workflow action: checks the role and state (403 / 409), the version the user saw
   * (409 on a concurrent change), does the action's work, moves the state and writes the event —
   * all in one transaction, so that nothing is half-written.
   */
  async function fire<A extends ActionName>(user: CurrentUser, id: number, action: A, input: ActionInput[A], version: number, tx?: Tx) {
    const run = async (tx: Tx) => {
      const s = await loadForChange(tx, user, id);
      const ctx = contextOf(s);
      const c = check(user, action, ctx, action === 'rate' ? { result: (input as ActionInput['rate']).result } : {});
      if (!c.ok) throw c.status === 403 ? new ForbiddenError(c.message) : new ConflictError(c.message);
      if (version !== s.version) throw new ConflictError('这件建议刚刚被其他人修改过，您看到的不是最新内容。请刷新页面后再操作。');
      const result = await perform(tx, user, s, ctx, action, input);
      const to = c.to ?? s.status;
      const updated = await tx.suggestion.updateMany({
        where: { id, version: s.version },
        data: { ...(result.data as Prisma.SuggestionUncheckedUpdateManyInput), status: to, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new ConflictError('这件建议刚刚被其他人修改过，请刷新页面后再操作。');
      await tx.suggestionEvent.create({
        data: { suggestionId: id, actorId: user.id, action, fromStatus: s.status, toStatus: c.to ? to : null, note: result.note ?? '' },
      });
      await result.notify?.();
      await audit.record(user, { action: `suggestion.${action}`, entity: 'Suggestion', entityId: id }, tx);
      return { status: to, label: ACTIONS[action].label };
    };
    return tx ? run(tx) : db.$transaction(run);
  }

  return {
    fire,

    async list(user: CurrentUser, filter: SuggestionFilter) {
      const where = await filterWhere(user, filter);
      const [items, total] = await Promise.all([
        db.suggestion.findMany({ where, include: listInclude, orderBy: orderBy(filter.sort), ...pageArgs(filter.page) }),
        db.suggestion.count({ where }),
      ]);
      return toPage(
        items.map((s) => decorate(s, filter.year)),
        total,
        filter.page,
      );
    },

    /** Counts per state for the tabs: the same filters as the list, except the state. */
    async tabCounts(user: CurrentUser, filter: SuggestionFilter) {
      const where = await filterWhere(user, { ...filter, status: undefined });
      const rows = await db.suggestion.groupBy({ by: ['status'], where, _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<SuggestionStatus, number>>;
    },

    /** Every row of the filtered list (for the .xlsx 台账), with what the ledger shows. */
    async listAll(user: CurrentUser, filter: SuggestionFilter) {
      const where = await filterWhere(user, filter);
      const rows = await db.suggestion.findMany({
        where,
        include: {
          ...listInclude,
          coSigners: { include: { deputy: { select: { name: true } } } },
          supervisor: { select: { displayName: true } },
          replies: { where: { isAssistOpinion: false }, orderBy: { id: 'desc' }, take: 1 },
          satisfactions: { orderBy: { round: 'desc' }, take: 1 },
        },
        orderBy: orderBy(filter.sort === 'updated' ? 'number' : filter.sort),
        take: 5000,
      });
      return rows.map((s) => decorate(s, filter.year));
    },

    /** Years that have suggestions in this user's scope, newest first. */
    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.suggestion.findMany({
        where: suggestionScope(user),
        distinct: ['year'],
        select: { year: true },
        orderBy: { year: 'desc' },
      });
      return rows.map((r) => r.year);
    },

    async get(user: CurrentUser, id: number) {
      const s = await db.suggestion.findFirst({
        where: { AND: [suggestionScope(user), { id }] },
        include: {
          leadDeputy: { select: { id: true, name: true } },
          assignments: { include: { unit: { select: { id: true, name: true } } }, orderBy: { assignedAt: 'asc' } },
          coSigners: { include: { deputy: { select: { id: true, name: true } } } },
          supervisor: { select: { id: true, displayName: true, title: true } },
          replies: { include: { unit: { select: { name: true } } }, orderBy: { id: 'asc' } },
          satisfactions: { orderBy: { id: 'asc' } },
          supervisions: { include: { supervisor: { select: { displayName: true } } }, orderBy: { date: 'asc' } },
          events: { include: { actor: { select: { displayName: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
          updates: { include: { unit: { select: { name: true } } }, orderBy: { date: 'asc' } },
          contacts: { include: { unit: { select: { name: true } } }, orderBy: { date: 'asc' } },
          extensions: {
            include: { unit: { select: { name: true } }, decidedBy: { select: { displayName: true } } },
            orderBy: { id: 'asc' },
          },
          duplicateOf: { select: { id: true, year: true, number: true, title: true } },
          opinion: { select: { id: true, content: true, receptionId: true } },
        },
      });
      if (!s) throw new NotFoundError('没有找到这件建议，或您无权查看。');
      const ctx = contextOf(s);
      let actions = availableActions(user, ctx);
      // Finer rules than state and role, so that no button leads to a refusal.
      if (s.extensions.some((e) => e.status !== 'REFUSED')) actions = actions.filter((a) => a !== 'requestExtension');
      if (!s.extensions.some((e) => e.status === 'PENDING')) actions = actions.filter((a) => a !== 'decideExtension');
      if (!s.assignedAt || !canStillReturnAssignment(s.assignedAt, now())) actions = actions.filter((a) => a !== 'returnAssignment');
      const assistPending = s.assignments
        .filter(
          (a) =>
            a.active && a.role === 'ASSIST' && !s.replies.some((r) => r.isAssistOpinion && r.unitId === a.unit.id && r.round === ctx.round),
        )
        .map((a) => a.unit.name);
      const canEdit =
        (s.status === 'DRAFT' || s.status === 'RETURNED') &&
        ((user.role === 'DEPUTY' && user.deputyId === s.leadDeputyId) || (user.role === 'STAFF' && s.createdById === user.id));
      return { ...decorate(s), ctx, actions, canEdit, assistPending };
    },

    /** 提出: a deputy's own suggestion, or one staff register on a deputy's behalf; saved as a draft or submitted. */
    async create(user: CurrentUser, form: SuggestionForm) {
      const leadDeputyId = await leadDeputyFor(user, form);
      const coSignerIds = await validateCoSigners(user, leadDeputyId, form.coSignerIds);
      const submit = form.intent === 'submit';
      return db.$transaction(async (tx) => {
        if (form.opinionId) {
          const opinion = await tx.voterOpinion.findFirst({
            where: {
              id: form.opinionId,
              townshipId: user.townshipId,
              ...(user.role === 'DEPUTY' ? { deputyId: user.deputyId ?? -1 } : {}),
            },
          });
          if (!opinion) throw new ValidationError({ opinionId: '没有找到该选民意见' });
          if (opinion.suggestionId) throw new ValidationError({ opinionId: '该选民意见已经转为代表建议' });
        }
        const t = now();
        const created = await tx.suggestion.create({
          data: {
            townshipId: user.townshipId,
            year: yearOf(t),
            title: form.title,
            content: form.content,
            category: form.category,
            leadDeputyId,
            createdById: user.id,
            coSigners: { create: coSignerIds.map((deputyId) => ({ deputyId })) },
          },
        });
        await tx.suggestionEvent.create({
          data: {
            suggestionId: created.id,
            actorId: user.id,
            action: 'create',
            toStatus: 'DRAFT',
            note: user.role === 'STAFF' ? '工作人员代为登记' : '',
          },
        });
        if (form.opinionId) {
          await tx.voterOpinion.update({
            where: { id: form.opinionId },
            data: { handling: 'CONVERTED', suggestionId: created.id, answeredAt: t },
          });
        }
        await audit.record(user, { action: 'suggestion.create', entity: 'Suggestion', entityId: created.id }, tx);
        if (submit) await fire(user, created.id, 'submit', { note: '' }, created.version, tx);
        return created;
      });
    },

    /** A voter's opinion turned into the starting values of a suggestion form (转为代表建议). */
    async opinionDraft(user: CurrentUser, opinionId: number) {
      if (user.role !== 'STAFF' && user.role !== 'DEPUTY') throw new ForbiddenError();
      const o = await db.voterOpinion.findFirst({
        where: { id: opinionId, townshipId: user.townshipId, ...(user.role === 'DEPUTY' ? { deputyId: user.deputyId ?? -1 } : {}) },
        include: { reception: { include: { station: { select: { name: true } } } } },
      });
      if (!o) throw new NotFoundError('没有找到该选民意见。');
      if (o.suggestionId) throw new ConflictError('该选民意见已经转为代表建议。');
      const where = o.reception ? `${formatDate(o.reception.date)}在${o.reception.station.name}接待选民时` : '联系选民时';
      const firstLine = o.content.split(/[。！？\n]/)[0]!.slice(0, 40);
      return {
        id: o.id,
        deputyId: o.deputyId,
        category: o.category,
        title: `关于${firstLine}的建议`,
        content: `${where}，选民反映：${o.content}\n\n建议：`,
      };
    },

    /** Edits a draft or a returned suggestion (its lead deputy, or the staff member who registered it). */
    async updateDraft(user: CurrentUser, id: number, form: SuggestionForm, version: number) {
      return db.$transaction(async (tx) => {
        const s = await loadForChange(tx, user, id);
        const mine = (user.role === 'DEPUTY' && user.deputyId === s.leadDeputyId) || (user.role === 'STAFF' && s.createdById === user.id);
        if (!mine) throw new ForbiddenError('只有领衔代表本人或代为登记的工作人员可以修改。');
        if (s.status !== 'DRAFT' && s.status !== 'RETURNED') throw new ConflictError('建议已提交，不能再修改。');
        if (s.version !== version) throw new ConflictError('这件建议刚刚被其他人修改过，请刷新页面后再操作。');
        const coSignerIds = await validateCoSigners(user, s.leadDeputyId, form.coSignerIds);
        await tx.suggestionCoSigner.deleteMany({ where: { suggestionId: id } });
        const updated = await tx.suggestion.updateMany({
          where: { id, version },
          data: { title: form.title, content: form.content, category: form.category, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new ConflictError();
        await tx.suggestionCoSigner.createMany({ data: coSignerIds.map((deputyId) => ({ suggestionId: id, deputyId })) });
        await tx.suggestionEvent.create({ data: { suggestionId: id, actorId: user.id, action: 'edit', note: '修改建议内容' } });
        if (form.intent === 'submit') await fire(user, id, 'submit', { note: '' }, version + 1, tx);
      });
    },

    /** 交办 several suggestions at once: all or none. */
    async assignMany(user: CurrentUser, ids: number[], input: ActionInput['assign']) {
      return db.$transaction(async (tx) => {
        const done: string[] = [];
        for (const id of ids) {
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

    /** Counts per state in this user's scope (tabs, home pages). */
    async countByStatus(user: CurrentUser, where: Prisma.SuggestionWhereInput = {}) {
      const rows = await db.suggestion.groupBy({ by: ['status'], where: { AND: [suggestionScope(user), where] }, _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<SuggestionStatus, number>>;
    },

    /** Items awaiting a reply whose deadline has passed or is within 7 days: the first `take`, and how many. */
    async deadlineAlerts(user: CurrentUser, take = 10) {
      const soon = new Date(now().getTime() + 7 * 24 * 60 * 60 * 1000);
      const extra: Prisma.SuggestionWhereInput = user.role === 'PRESIDIUM' ? { supervisorId: user.id } : {};
      const where = { AND: [suggestionScope(user), extra, { status: { in: [...AWAITING_REPLY] }, deadline: { lte: soon } }] };
      const [items, total] = await Promise.all([
        db.suggestion.findMany({ where, include: listInclude, orderBy: { deadline: 'asc' }, take }),
        db.suggestion.count({ where }),
      ]);
      return Object.assign(
        items.map((s) => decorate(s)),
        { total },
      );
    },

    /** How many suggestions in this user's scope match `where`. */
    count(user: CurrentUser, where: Prisma.SuggestionWhereInput) {
      return db.suggestion.count({ where: { AND: [suggestionScope(user), where] } });
    },

    async recent(user: CurrentUser, where: Prisma.SuggestionWhereInput, take = 10) {
      const items = await db.suggestion.findMany({
        where: { AND: [suggestionScope(user), where] },
        include: listInclude,
        orderBy: [{ updatedAt: 'desc' }],
        take,
      });
      return items.map((s) => decorate(s));
    },

    /**
     * Deadline reminders: once per suggestion and deadline, tell the lead unit, the supervisor and
     * staff that a reply is due within 7 days, and again when it is overdue. Run periodically.
     */
    async remindDeadlines(): Promise<number> {
      const t = now();
      const soon = new Date(t.getTime() + 7 * 24 * 3600 * 1000);
      const due = await db.suggestion.findMany({
        where: { status: { in: [...AWAITING_REPLY] }, deadline: { lte: soon } },
        include: { assignments: { where: { active: true, role: 'LEAD' } } },
      });
      let sent = 0;
      for (const s of due) {
        const overdue = deadlineFlag(s.deadline, true, t) === 'overdue';
        const key = `${overdue ? 'overdue' : 'due7'}:suggestion:${s.id}:${s.deadline!.toISOString().slice(0, 10)}`;
        await db.$transaction(async (tx) => {
          const users = [
            ...(await usersOfUnits(
              tx,
              s.assignments.map((a) => a.unitId),
            )),
            ...(s.supervisorId ? [s.supervisorId] : []),
            ...(await staffUsers(tx, s.townshipId)),
          ];
          const title = overdue
            ? `建议已逾期未答复：${suggestionCode(s)} ${s.title}（期限${formatDate(s.deadline)}）`
            : `建议7日内到期：${suggestionCode(s)} ${s.title}（期限${formatDate(s.deadline)}）`;
          await notifications.notify(
            users,
            { kind: overdue ? 'overdue' : 'due-soon', title, link: `/suggestions/${s.id}`, dedupeKey: key },
            tx,
          );
          sent += users.length;
        });
      }
      return sent;
    },
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export type SuggestionListItem = Awaited<ReturnType<SuggestionsService['list']>>['items'][number];
export type SuggestionDetail = Awaited<ReturnType<SuggestionsService['get']>>;
