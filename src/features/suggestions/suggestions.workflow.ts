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
import type { ReplyCategory, Role, SatisfactionLevel, SuggestionStatus } from '../../generated/prisma/enums.js';
import type { CurrentUser } from '../../auth/current-user.js';
import { suggestionStatusLabels } from '../../lib/labels.js';

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
};

export type ActionDef = {
  label: string; // the button's Chinese text
  from: readonly SuggestionStatus[];
  /** The next state; a function when it depends on the input (rating) or the reply. */
  to: SuggestionStatus | null | ((ctx: WorkflowContext, input: { result?: SatisfactionLevel }) => SuggestionStatus);
  actors: readonly Actor[];
  /** A short description of what the action requires, shown in docs and tests. */
  requires?: string;
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
    requires: 'one lead unit, optional assisting units; deadline 3 or 6 months',
  },
  sign: { label: '签收', from: ['ASSIGNED'], to: 'HANDLING', actors: ['leadUnit'] },
  returnAssignment: {
    label: '退回交办',
    from: ['ASSIGNED', 'HANDLING'],
    to: 'ACCEPTED',
    actors: ['leadUnit'],
    requires: 'reason; within 7 days of 交办',
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
    requires: 'reason; new deadline at most 3 months later; once',
  },
  decideExtension: { label: '审批延期', from: ['HANDLING'], to: null, actors: ['presidium'], requires: 'a pending request' },
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

export type Check = { ok: true; to: SuggestionStatus | null } | { ok: false; status: 403 | 409; message: string };

/**
 * May `user` fire `action` on a suggestion in `ctx` now? A wrong role is 403; a right role at the
 * wrong moment is 409. Both come with a Chinese message.
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
  return addMonths(assignedAt, isComplex ? 6 : 3);
}

/** After 不满意: a new reply is due within 1 month. */
export function rehandlingDeadline(ratedAt: Date): Date {
  return addMonths(ratedAt, 1);
}

/** The latest deadline an extension may ask for: 3 months after the current one. */
export function maxExtendedDeadline(current: Date): Date {
  return addMonths(current, 3);
}

/** A unit may send a wrong assignment back within 7 days. */
export const RETURN_ASSIGNMENT_DAYS = 7;
export function canStillReturnAssignment(assignedAt: Date, now: Date): boolean {
  return now.getTime() - assignedAt.getTime() <= RETURN_ASSIGNMENT_DAYS * 24 * 3600 * 1000;
}
