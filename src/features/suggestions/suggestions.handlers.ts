/**
 * One handler per workflow action: the action's own work inside the transaction (rows it writes,
 * fields it sets, the history note, whom it notifies). Who may fire it and when is decided before,
 * by the action's guard in suggestions.workflow.ts; a handler only checks its input against the
 * database (ValidationError: the form comes back with the message beside the field).
 */
import type { Tx } from '../../db.js';
import { lockInTransaction } from '../../lib/locks.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { ValidationError } from '../../errors.js';
import { formatDate, toDateInput, yearOf } from '../../lib/format.js';
import { satisfactionLabels, supervisionWayLabels } from '../../lib/labels.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { presidiumUsers, staffUsers, userOfDeputy, usersOfUnits } from './suggestions.recipients.js';
import { suggestionCode } from './suggestions.queries.js';
import {
  RULES,
  maxExtendedDeadline,
  rehandlingDeadline,
  replyDeadline,
  type ActionName,
  type WorkflowContext,
} from './suggestions.workflow.js';
import type { ActionInput } from './suggestions.schemas.js';

/** The rows the workflow needs to decide, loaded inside the transaction. */
export const workflowInclude = {
  assignments: { where: { active: true } },
  replies: { where: { isAssistOpinion: false }, orderBy: { id: 'desc' }, take: 1 },
  satisfactions: { select: { result: true } },
  extensions: { select: { status: true } },
} satisfies Prisma.SuggestionInclude;
export type WorkflowRow = Prisma.SuggestionGetPayload<{ include: typeof workflowInclude }>;

/** What a handler works with. */
export type ActionContext = {
  tx: Tx;
  user: CurrentUser;
  s: WorkflowRow;
  ctx: WorkflowContext;
  /** The time of the action. */
  t: Date;
  link: string;
  code: string;
};

/** What a handler returns: fields to set, the history note, notifications to send, the user's message. */
export type Outcome = {
  data?: Prisma.SuggestionUncheckedUpdateManyInput;
  note?: string;
  /** The history row's action when it differs from the action's (催办 is a kind of 督办). */
  event?: string;
  notify?: () => Promise<void>;
  /** The success message; `已<label>。` when absent. */
  message?: string;
};

type Handlers = { [A in ActionName]: (c: ActionContext, input: ActionInput[A]) => Outcome | Promise<Outcome> };

/** A date of something that already happened: not after today, nor before `since` (when given). */
function pastDate(field: string, label: string, date: Date, now: Date, since?: Date | null): void {
  if (toDateInput(date) > toDateInput(now)) throw new ValidationError({ [field]: `${label}不能晚于今天（${formatDate(now)}）` });
  if (since && toDateInput(date) < toDateInput(since)) {
    throw new ValidationError({ [field]: `${label}不能早于交办日期（${formatDate(since)}）` });
  }
}

export function createHandlers(notifications: NotificationsService): Handlers {
  const tell = (tx: Tx, users: number[], kind: string, title: string, link: string) =>
    notifications.notify(users, { kind, title, link }, tx);

  /** 退回代表修改 and 不作为建议处理: a reason, and the lead deputy is told. */
  const withReason =
    (kind: 'return' | 'toReference', title: string) =>
    ({ tx, s, link }: ActionContext, { reason }: ActionInput['return']): Outcome => ({
      data: { statusNote: reason },
      note: reason,
      notify: async () => tell(tx, await userOfDeputy(tx, s.leadDeputyId), kind, `${title}：${s.title}`, link),
    });

  return {
    submit({ tx, s, t, link }) {
      return {
        data: { submittedAt: t, statusNote: '', year: yearOf(t) },
        notify: async () => tell(tx, await staffUsers(tx, s.townshipId), 'submitted', `新建议待审查：${s.title}`, link),
      };
    },

    async accept({ tx, s, t }) {
      // Numbered in the year of 立案, per township: 2024-015.
      const year = yearOf(t);
      await lockInTransaction(tx, `suggestion-number:${s.townshipId}:${year}`); // several instances on PostgreSQL
      const max = await tx.suggestion.aggregate({ where: { townshipId: s.townshipId, year }, _max: { number: true } });
      const number = (max._max.number ?? 0) + 1;
      return { data: { year, number, acceptedAt: t, statusNote: '' }, note: `编号 ${suggestionCode({ year, number })}` };
    },

    return: withReason('return', '建议被退回修改'),
    toReference: withReason('toReference', '建议不作为建议处理'),

    async merge({ tx, s, link }, { duplicateOfCode, reason }) {
      const [y, n] = duplicateOfCode.split('-').map(Number);
      const original = await tx.suggestion.findFirst({ where: { townshipId: s.townshipId, year: y, number: n } });
      if (!original || original.id === s.id || original.status === 'MERGED') {
        throw new ValidationError({ duplicateOfCode: `没有找到可并入的建议“${duplicateOfCode}”` });
      }
      return {
        data: { duplicateOfId: original.id, statusNote: reason },
        note: `并入 ${duplicateOfCode}：${reason}`,
        notify: async () =>
          tell(tx, await userOfDeputy(tx, s.leadDeputyId), 'merge', `您的建议与 ${duplicateOfCode} 重复，已并案办理：${s.title}`, link),
      };
    },

    async assign({ tx, s, t, link, code }, { leadUnitId, assistUnitIds, isComplex }) {
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
      const names = (ids: number[]) => ids.map((id) => units.find((u) => u.id === id)?.name ?? '').join('、');
      const assisting = assistUnitIds.length ? `；协办：${names(assistUnitIds)}` : '';
      return {
        data: { assignedAt: t, isComplex, deadline },
        note: `主办：${names([leadUnitId])}${assisting}；答复期限 ${formatDate(deadline)}`,
        notify: async () =>
          tell(
            tx,
            await usersOfUnits(tx, unitIds),
            'assignment',
            `新交办建议 ${code}：${s.title}，请于${formatDate(deadline)}前答复`,
            link,
          ),
      };
    },

    async sign({ tx, user, s, t }) {
      await tx.suggestionAssignment.updateMany({
        where: { suggestionId: s.id, unitId: user.unitId ?? -1, active: true },
        data: { signedAt: t },
      });
      return {};
    },

    async returnAssignment({ tx, s, t, link }, { reason }) {
      await tx.suggestionAssignment.updateMany({
        where: { suggestionId: s.id, active: true },
        data: { active: false, returnedAt: t, returnReason: reason },
      });
      return {
        data: { deadline: null, assignedAt: null },
        note: reason,
        notify: async () =>
          tell(tx, await staffUsers(tx, s.townshipId), 'assignment-returned', `承办单位退回交办，请重新交办：${s.title}`, link),
      };
    },

    async logContact({ tx, user, s, t }, c) {
      pastDate('date', '沟通日期', c.date, t, s.assignedAt);
      await tx.suggestionContact.create({
        data: { suggestionId: s.id, unitId: user.unitId ?? -1, date: c.date, way: c.way, summary: c.summary, authorId: user.id },
      });
      return { note: c.summary };
    },

    async assistOpinion({ tx, user, s, ctx }, { content }) {
      await tx.reply.create({
        data: { suggestionId: s.id, unitId: user.unitId ?? -1, isAssistOpinion: true, content, round: ctx.round, authorId: user.id },
      });
      return {};
    },

    async requestExtension({ tx, user, s, link }, { newDeadline, reason }) {
      // The guard made sure there is a deadline and no other request.
      const current = s.deadline ?? newDeadline;
      if (newDeadline <= current) throw new ValidationError({ newDeadline: `延期后的期限应晚于现在的期限（${formatDate(current)}）` });
      const max = maxExtendedDeadline(current);
      if (newDeadline > max) {
        throw new ValidationError({ newDeadline: `延期最多${RULES.extensionMonths}个月，最晚为${formatDate(max)}` });
      }
      await tx.deadlineExtension.create({
        data: { suggestionId: s.id, unitId: user.unitId ?? -1, requestedById: user.id, reason, newDeadline },
      });
      return {
        note: `申请延期至${formatDate(newDeadline)}：${reason}`,
        message: '延期申请已提交，等待主席团审批。',
        notify: async () => {
          const presidium = s.supervisorId ? [s.supervisorId] : await presidiumUsers(tx, s.townshipId);
          await tell(tx, presidium, 'extension', `延期申请待审批：${s.title}`, link);
        },
      };
    },

    async decideExtension({ tx, user, s, ctx, t, link }, { decision, note }) {
      const pending = await tx.deadlineExtension.findFirstOrThrow({ where: { suggestionId: s.id, status: 'PENDING' } });
      const approve = decision === 'approve';
      await tx.deadlineExtension.update({
        where: { id: pending.id },
        data: { status: approve ? 'APPROVED' : 'REFUSED', decidedById: user.id, decidedAt: t, decisionNote: note },
      });
      const text = approve ? `同意延期至${formatDate(pending.newDeadline)}` : '不同意延期';
      return {
        data: approve ? { deadline: pending.newDeadline } : {},
        note: note ? `${text}：${note}` : text,
        message: `已${text}。`,
        notify: async () =>
          tell(
            tx,
            await usersOfUnits(tx, ctx.leadUnitIds),
            'extension-decided',
            `延期申请${approve ? '已同意' : '未同意'}：${s.title}`,
            link,
          ),
      };
    },

    async reply({ tx, user, s, ctx, t, link }, r) {
      await tx.reply.create({
        data: {
          suggestionId: s.id,
          unitId: user.unitId ?? -1,
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
          tell(tx, await userOfDeputy(tx, s.leadDeputyId), 'reply-to-rate', `您的建议已答复，请进行满意度测评：${s.title}`, link),
      };
    },

    async rate({ tx, s, ctx, t, link }, r) {
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
      const rated = `办理态度${satisfactionLabels[r.attitude]}，办理结果${satisfactionLabels[r.result]}`;
      const comment = r.comment.replace(/[。；;，,.\s]+$/, '');
      const note = `${rated}${comment ? `：${comment}` : ''}`;
      const unitUsers = () => usersOfUnits(tx, ctx.leadUnitIds);
      if (r.result === 'DISSATISFIED' && ctx.round < 2) {
        const deadline = rehandlingDeadline(t);
        return {
          data: { deadline, repliedAt: null },
          note: `${note}；退回重新办理，${formatDate(deadline)}前再次答复`,
          message: `测评已提交（${rated}）。建议已退回承办单位重新办理，${formatDate(deadline)}前再次答复。`,
          notify: async () => tell(tx, await unitUsers(), 'rehandle', `代表对答复不满意，请重新办理：${s.title}`, link),
        };
      }
      const implementing = ctx.replyCategory === 'B';
      return {
        data: implementing ? {} : { closedAt: t },
        note,
        message: `测评已提交（${rated}）。${implementing ? '建议转入落实阶段，落实后再办结。' : '建议已办结。'}`,
        notify: async () => tell(tx, await unitUsers(), 'rated', `代表已测评（${rated}）：${s.title}`, link),
      };
    },

    async implementationUpdate({ tx, user, s, t }, u) {
      pastDate('date', '落实日期', u.date, t, s.assignedAt);
      await tx.implementationUpdate.create({
        data: { suggestionId: s.id, unitId: user.unitId ?? -1, date: u.date, content: u.content, authorId: user.id },
      });
      return { note: u.content };
    },

    markImplemented({ tx, s, link }, { note }) {
      return {
        note,
        message: '已标记为已落实，等待代表确认。',
        notify: async () => tell(tx, await userOfDeputy(tx, s.leadDeputyId), 'implemented', `您的建议已落实，请确认：${s.title}`, link),
      };
    },

    confirm({ t }, { note }) {
      return { data: { closedAt: t }, note, message: '已确认落实，建议已办结。' };
    },

    async setKey({ tx, s, link }, { isKey, supervisorId }) {
      if (!isKey) return { data: { isKey: false, supervisorId: null }, note: '取消重点建议', message: '已取消重点建议。' };
      const sup = await tx.user.findFirst({ where: { id: supervisorId, townshipId: s.townshipId, role: 'PRESIDIUM', active: true } });
      if (!sup) throw new ValidationError({ supervisorId: '督办人应为本镇主席团成员' });
      return {
        data: { isKey: true, supervisorId: sup.id },
        note: `设为重点建议，督办人：${sup.displayName}`,
        message: `已设为重点建议，督办人：${sup.displayName}。`,
        notify: async () => tell(tx, [sup.id], 'key-suggestion', `请督办重点建议：${s.title}`, link),
      };
    },

    async supervise({ tx, user, s, ctx, t, link }, v) {
      pastDate('date', '督办日期', v.date, t, s.assignedAt);
      await tx.supervision.create({ data: { suggestionId: s.id, supervisorId: user.id, way: v.way, date: v.date, note: v.note } });
      if (v.way !== 'PROMPT') return { note: v.note, message: `${supervisionWayLabels[v.way]}记录已保存。` };
      return {
        event: 'prompt',
        note: v.note,
        message: '已催办，承办单位会收到提醒。',
        notify: async () => tell(tx, await usersOfUnits(tx, ctx.leadUnitIds), 'prompt', `督办人催办：${s.title}`, link),
      };
    },

    setPublic(_c, { withheld }) {
      const note = withheld ? '不在公开页面公开' : '在公开页面公开';
      return { data: { publicWithheld: withheld }, note, message: `已设为${note}。` };
    },
  };
}
