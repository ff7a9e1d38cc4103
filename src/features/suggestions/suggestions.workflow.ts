/**
 * The handling workflow of deputies' suggestions (代表建议办理) as one explicit state machine:
 * 提出 → 审查/立案 → 交办 → 签收 → 办理 → 答复 → 测评 → 落实 → 办结, with 退回, 并案, 转参阅,
 * 延期 and re-handling after a 不满意 rating.
 *
 * Each action names the states it may be fired from, the state it leads to (null: the state stays,
 * e.g. logging a contact), who may fire it relative to the suggestion, and what it requires. The
 * service (suggestions.service.ts) fires actions in a transaction that also writes a
 * SuggestionEvent; this file has no database access so that unit tests can walk every edge.
 */
import type { ExtensionStatus, ReplyCategory, Role, SatisfactionLevel, SuggestionStatus } from '../../generated/prisma/enums.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { suggestionStatusLabels } from '../../lib/labels.js';
import { DUE_SOON_DAYS } from '../../lib/deadline.js';

/**
 * The numbers of the handling rules, in one place (代表法第五十一条 and the township's rules); the
 * views show them from here.
 */
export const RULES = {
  /** 交办 → 答复: 3 months, or 6 when 涉及面广、处理难度大. */
  replyMonths: 3,
  complexReplyMonths: 6,
  /** An extension moves the deadline by at most 3 months, once. */
  extensionMonths: 3,
  /** After 不满意: a new reply within 1 month. */
  rehandlingMonths: 1,
  /** A unit may send a wrong assignment back within 7 days. */
  returnAssignmentDays: 7,
  /** Flag and remind 7 days before a deadline. */
  dueSoonDays: DUE_SOON_DAYS,
} as const;

/** Who may fire an action, relative to the suggestion. */
export type Actor =
  | 'leadDeputy' // 领衔代表
  | 'staff' // 工作人员
  | 'leadUnit' // 主办单位 (an active LEAD assignment of the user's unit)
  | 'assistUnit' // 协办单位
  | 'supervisor' // 督办人 of this suggestion
  | 'presidium'; // any presidium member

export type ActionName =
  | 'submit'
  | 'accept'
  | 'return'
  | 'merge'
  | 'toReference'
  | 'assign'
  | 'sign'
  | 'returnAssignment'
  | 'logContact'
  | 'assistOpinion'
  | 'requestExtension'
  | 'decideExtension'
  | 'reply'
  | 'rate'
  | 'implementationUpdate'
  | 'markImplemented'
  | 'confirm'
  | 'setKey'
  | 'supervise'
  | 'setPublic';

/** What the rule of an action needs to know about the suggestion at hand. */
export type WorkflowContext = {
  /** The time of the decision (the services' clock). */
  now: Date;
  status: SuggestionStatus;
  leadDeputyId: number;
  supervisorId: number | null;
  /** Units with an active assignment, by role. */
  leadUnitIds: number[];
  assistUnitIds: number[];
  /** Category of the latest lead reply (after 答复). */
  replyCategory: ReplyCategory | null;
  /** Handling round: 1, or 2 after a 不满意 sent it back. */
  round: number;
  /** When the active assignment was made (交办), and the reply deadline in force. */
  assignedAt: Date | null;
  deadline: Date | null;
  /** The deadline extension (延期): one may be asked for once; a refused one does not count. */
  extension: { pending: boolean; used: boolean };
};

export type ActionDef = {
  label: string; // the button's Chinese text
  from: readonly SuggestionStatus[];
  /** The next state; a function when it depends on the input (rating) or the reply. */
  to: SuggestionStatus | null | ((ctx: WorkflowContext, input: { result?: SatisfactionLevel }) => SuggestionStatus);
  actors: readonly Actor[];
  /** A short description of what the action requires, shown in docs and tests. */
  requires?: string;
  /**
   * The finer rule beyond role and state: why the action cannot be fired now (a 409), or null.
   * Checked by `check`, so the buttons and the action never disagree.
   */
  guard?: (ctx: WorkflowContext) => string | null;
};

const OPEN_FOR_KEY: SuggestionStatus[] = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'IMPLEMENTED'];

/** The next state after a rating. */
export function afterRating(ctx: WorkflowContext, result: SatisfactionLevel | undefined): SuggestionStatus {
  // A 不满意 result sends it back to the unit once; a re-handled reply stands.
  if (result === 'DISSATISFIED' && ctx.round < 2) return 'HANDLING';
  // B (being solved or planned) stays open until carried out; A and C are finished.
  return ctx.replyCategory === 'B' ? 'IMPLEMENTING' : 'CLOSED';
}

export const ACTIONS: Record<ActionName, ActionDef> = {
  submit: { label: '提交', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', actors: ['leadDeputy', 'staff'] },
  accept: { label: '立案', from: ['SUBMITTED'], to: 'ACCEPTED', actors: ['staff'], requires: 'a number per township and year' },
  return: { label: '退回代表修改', from: ['SUBMITTED'], to: 'RETURNED', actors: ['staff'], requires: 'reason' },
  merge: {
    label: '作为重复件并案',
    from: ['SUBMITTED', 'ACCEPTED'],
    to: 'MERGED',
    actors: ['staff'],
    requires: 'the suggestion it duplicates; reason',
  },
  toReference: { label: '不作为建议处理', from: ['SUBMITTED', 'ACCEPTED'], to: 'REFERENCE', actors: ['staff'], requires: 'reason' },
  assign: {
    label: '交办',
    from: ['ACCEPTED'],
    to: 'ASSIGNED',
    actors: ['staff'],
    requires: `one lead unit, optional assisting units; deadline ${RULES.replyMonths} or ${RULES.complexReplyMonths} months`,
  },
  sign: { label: '签收', from: ['ASSIGNED'], to: 'HANDLING', actors: ['leadUnit'] },
  returnAssignment: {
    label: '退回交办',
    from: ['ASSIGNED', 'HANDLING'],
    to: 'ACCEPTED',
    actors: ['leadUnit'],
    requires: `reason; within ${RULES.returnAssignmentDays} days of 交办`,
    guard: (ctx) =>
      ctx.assignedAt && canStillReturnAssignment(ctx.assignedAt, ctx.now)
        ? null
        : `交办已超过${RULES.returnAssignmentDays}天，不能再退回。如确属交办错误，请联系镇人大工作人员。`,
  },
  logContact: {
    label: '记录沟通',
    from: ['HANDLING', 'IMPLEMENTING'],
    to: null,
    actors: ['leadUnit', 'assistUnit'],
    requires: 'date, way, summary',
  },
  assistOpinion: { label: '提交协办意见', from: ['ASSIGNED', 'HANDLING'], to: null, actors: ['assistUnit'], requires: 'text' },
  requestExtension: {
    label: '申请延期',
    from: ['HANDLING'],
    to: null,
    actors: ['leadUnit'],
    requires: `reason; new deadline at most ${RULES.extensionMonths} months later; once; not while re-handling`,
    guard: (ctx) => {
      if (ctx.round > 1) return `重新办理期间（${RULES.rehandlingMonths}个月内再次答复）不能申请延期。`;
      if (ctx.extension.used) return '每件建议只能申请一次延期，已有延期申请。';
      if (!ctx.deadline) return '这件建议没有答复期限，无需延期。';
      return null;
    },
  },
  decideExtension: {
    label: '审批延期',
    from: ['HANDLING'],
    to: null,
    actors: ['presidium'],
    requires: 'a pending request',
    guard: (ctx) => (ctx.extension.pending ? null : '没有待审批的延期申请。'),
  },
  reply: {
    label: '答复',
    from: ['HANDLING'],
    to: 'REPLIED',
    actors: ['leadUnit'],
    requires: 'category A/B/C, text; B: planned completion',
  },
  rate: {
    label: '满意度测评',
    from: ['REPLIED'],
    to: (ctx, input) => afterRating(ctx, input.result),
    actors: ['leadDeputy', 'staff'],
    requires: 'attitude and result',
  },
  implementationUpdate: { label: '报告落实情况', from: ['IMPLEMENTING'], to: null, actors: ['leadUnit'], requires: 'date, text' },
  markImplemented: { label: '标记已落实', from: ['IMPLEMENTING'], to: 'IMPLEMENTED', actors: ['staff'] },
  confirm: { label: '确认落实并办结', from: ['IMPLEMENTED'], to: 'CLOSED', actors: ['leadDeputy', 'staff'] },
  setKey: { label: '设为重点建议', from: OPEN_FOR_KEY, to: null, actors: ['staff'], requires: 'a presidium member as 督办人' },
  supervise: {
    label: '记录督办',
    from: ['ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'IMPLEMENTED'],
    to: null,
    actors: ['supervisor'],
  },
  setPublic: {
    label: '公开设置',
    from: ['REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'],
    to: null,
    actors: ['staff'],
  },
};

/** History rows (SuggestionEvent.action) that are not actions of the table, and 催办 (a kind of 督办). */
const EVENT_LABELS: Record<string, string> = { create: '创建', edit: '修改建议内容', prompt: '催办' };

/** The label of a history row. */
export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? (action in ACTIONS ? ACTIONS[action as ActionName].label : action);
}

export const TERMINAL: readonly SuggestionStatus[] = ['CLOSED', 'MERGED', 'REFERENCE'];
/** States in which the reply deadline runs. */
export const AWAITING_REPLY: readonly SuggestionStatus[] = ['ASSIGNED', 'HANDLING'];

/** Is `user` one of `actor` for this suggestion? */
export function isActor(user: CurrentUser, actor: Actor, ctx: WorkflowContext): boolean {
  switch (actor) {
    case 'leadDeputy':
      return user.role === 'DEPUTY' && user.deputyId === ctx.leadDeputyId;
    case 'staff':
      return user.role === 'STAFF';
    case 'leadUnit':
      return user.role === 'UNIT' && user.unitId !== null && ctx.leadUnitIds.includes(user.unitId);
    case 'assistUnit':
      return user.role === 'UNIT' && user.unitId !== null && ctx.assistUnitIds.includes(user.unitId);
    case 'supervisor':
      return user.role === 'PRESIDIUM' && ctx.supervisorId === user.id;
    case 'presidium':
      return user.role === 'PRESIDIUM';
  }
}

/** What the workflow needs to know, from a suggestion with its assignments, replies, ratings and extensions. */
export function contextOf(
  s: {
    status: SuggestionStatus;
    leadDeputyId: number;
    supervisorId: number | null;
    assignedAt: Date | null;
    deadline: Date | null;
    assignments: ReadonlyArray<{ role: 'LEAD' | 'ASSIST'; unitId: number; active: boolean }>;
    replies: ReadonlyArray<{ id: number; isAssistOpinion: boolean; category: ReplyCategory | null }>;
    satisfactions: ReadonlyArray<{ result: SatisfactionLevel }>;
    extensions: ReadonlyArray<{ status: ExtensionStatus }>;
  },
  now: Date,
): WorkflowContext {
  const active = s.assignments.filter((a) => a.active);
  const latest = s.replies
    .filter((r) => !r.isAssistOpinion)
    .reduce<{ id: number; category: ReplyCategory | null } | null>((a, r) => (!a || r.id > a.id ? r : a), null);
  return {
    now,
    status: s.status,
    leadDeputyId: s.leadDeputyId,
    supervisorId: s.supervisorId,
    leadUnitIds: active.filter((a) => a.role === 'LEAD').map((a) => a.unitId),
    assistUnitIds: active.filter((a) => a.role === 'ASSIST').map((a) => a.unitId),
    replyCategory: latest?.category ?? null,
    round: 1 + s.satisfactions.filter((x) => x.result === 'DISSATISFIED').length,
    assignedAt: s.assignedAt,
    deadline: s.deadline,
    extension: {
      pending: s.extensions.some((e) => e.status === 'PENDING'),
      used: s.extensions.some((e) => e.status !== 'REFUSED'),
    },
  };
}

export type Check = { ok: true; to: SuggestionStatus | null } | { ok: false; status: 403 | 409; message: string };

/**
 * May `user` fire `action` on a suggestion in `ctx` now? The one guard of each action, used both
 * for the buttons (availableActions) and by the service before it acts. A wrong role is 403; a
 * right role at the wrong moment (state, or the action's finer rule) is 409. Both come with a
 * Chinese message.
 */
export function check(user: CurrentUser, action: ActionName, ctx: WorkflowContext, input: { result?: SatisfactionLevel } = {}): Check {
  const def = ACTIONS[action];
  if (!def.actors.some((a) => isActor(user, a, ctx))) {
    return { ok: false, status: 403, message: `您无权对这件建议执行“${def.label}”。` };
  }
  if (!def.from.includes(ctx.status)) {
    return {
      ok: false,
      status: 409,
      message: `这件建议当前为“${suggestionStatusLabels[ctx.status]}”，不能执行“${def.label}”。请刷新页面查看最新状态。`,
    };
  }
  const refusal = def.guard?.(ctx);
  if (refusal) return { ok: false, status: 409, message: refusal };
  const to = typeof def.to === 'function' ? def.to(ctx, input) : def.to;
  return { ok: true, to };
}

/** The actions `user` may take now, for the buttons on the detail page. */
export function availableActions(user: CurrentUser, ctx: WorkflowContext): ActionName[] {
  return (Object.keys(ACTIONS) as ActionName[]).filter((a) => check(user, a, ctx).ok);
}

/** Roles that can ever fire an action (for route guards). */
export function rolesFor(action: ActionName): Role[] {
  const roles = new Set<Role>();
  for (const a of ACTIONS[action].actors) {
    if (a === 'leadDeputy') roles.add('DEPUTY');
    if (a === 'staff') roles.add('STAFF');
    if (a === 'leadUnit' || a === 'assistUnit') roles.add('UNIT');
    if (a === 'supervisor' || a === 'presidium') roles.add('PRESIDIUM');
  }
  return [...roles];
}

// ───────────────────────────── Deadlines ─────────────────────────────

const CN_OFFSET = 8 * 3600 * 1000;

/** Adds calendar months in China time, clamping to the month's last day (31 Jan + 1 month = 29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const local = new Date(date.getTime() + CN_OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay), 0, 0, 0);
  return new Date(shifted - CN_OFFSET);
}

/** 交办 deadline: 3 months, or 6 when 涉及面广、处理难度大 (代表法第五十一条). */
export function replyDeadline(assignedAt: Date, isComplex: boolean): Date {
  return addMonths(assignedAt, isComplex ? RULES.complexReplyMonths : RULES.replyMonths);
}

/** After 不满意: a new reply is due within 1 month. */
export function rehandlingDeadline(ratedAt: Date): Date {
  return addMonths(ratedAt, RULES.rehandlingMonths);
}

/** The latest deadline an extension may ask for: 3 months after the current one. */
export function maxExtendedDeadline(current: Date): Date {
  return addMonths(current, RULES.extensionMonths);
}

/** A unit may send a wrong assignment back within 7 days. */
export function canStillReturnAssignment(assignedAt: Date, now: Date): boolean {
  return now.getTime() - assignedAt.getTime() <= RULES.returnAssignmentDays * 24 * 3600 * 1000;
}
