import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { OpinionHandling, OpinionSource } from '../../generated/prisma/enums.js';
import { deadlineFlag, type DeadlineFlag } from '../../lib/deadline.js';

/** 有访必答: an opinion sent through a code gets its first answer within this many days. */
export const FIRST_ANSWER_DAYS = 7;
const DAY = 24 * 3600 * 1000;

/**
 * Which opinions a user may see — the one rule, used by every list, page, action and count.
 * Staff: all of the township's. Presidium: the reception opinions, and code opinions once a deputy
 * has handed them to the township. A deputy: reception opinions (the office's
 * shared record) and, of the code opinions, only those sent to them or to a station they are
 * resident at. Spam is staff's alone.
 */
export function opinionScope(user: CurrentUser): Prisma.VoterOpinionWhereInput {
  const township = { townshipId: user.townshipId };
  if (user.role === 'STAFF') return township;
  if (user.role === 'DEPUTY') {
    const me = user.deputyId ?? -1;
    return {
      ...township,
      spam: false,
      OR: [{ source: 'RECEPTION' }, { deputyId: me }, { station: { deputies: { some: { deputyId: me } } } }],
    };
  }
  if (user.role === 'PRESIDIUM')
    return { ...township, spam: false, OR: [{ source: 'RECEPTION' }, { escalatedAt: { not: null } }, { handling: 'REFERRED' }] };
  return { id: -1 };
}

/** The code opinions in a user's own queue (/me/opinions): sent to them or to their stations. */
export function queueScope(user: CurrentUser): Prisma.VoterOpinionWhereInput {
  const me = user.deputyId ?? -1;
  return {
    townshipId: user.townshipId,
    source: 'CODE',
    spam: false,
    OR: [{ deputyId: me }, { station: { deputies: { some: { deputyId: me } } } }],
  };
}

type Handled = {
  source: OpinionSource;
  handling: OpinionHandling;
  escalatedAt: Date | null;
  deputyId: number | null;
  stationId: number | null;
  spam: boolean;
};

/**
 * Who may answer a still-pending opinion, hand it to the township or turn it into a suggestion:
 * staff any; a deputy a code opinion in their queue (`inQueue`, checked against queueScope) that they
 * have not handed over yet.
 */
export function canHandleOpinion(user: CurrentUser, o: Handled, inQueue: boolean): boolean {
  if (o.handling !== 'PENDING' || o.spam) return false;
  if (user.role === 'STAFF') return true;
  return user.role === 'DEPUTY' && o.source === 'CODE' && inQueue && !o.escalatedAt;
}

/** Only staff mark spam (and undo it). */
export function canMarkSpam(user: CurrentUser, o: { source: OpinionSource }): boolean {
  return user.role === 'STAFF' && o.source === 'CODE';
}

/** The first-answer deadline of a code opinion (the day itself counts). */
export function firstAnswerDue(createdAt: Date): Date {
  return new Date(createdAt.getTime() + FIRST_ANSWER_DAYS * DAY);
}

/** 逾期未答 / 即将到期: only code opinions still waiting for their first response. */
export function firstAnswerFlag(
  o: { source: OpinionSource; createdAt: Date; respondedAt: Date | null; spam: boolean },
  now: Date,
): DeadlineFlag {
  if (o.source !== 'CODE' || o.spam) return null;
  return deadlineFlag(firstAnswerDue(o.createdAt), !o.respondedAt, now);
}

/** Was the first response in time? */
export function answeredOnTime(o: { createdAt: Date; respondedAt: Date | null }): boolean {
  return !!o.respondedAt && o.respondedAt.getTime() < firstAnswerDue(o.createdAt).getTime() + DAY;
}

export type VoterState = 'RECEIVED' | 'IN_PROGRESS' | 'ESCALATED' | 'REFERRED' | 'ANSWERED' | 'CONVERTED';

export const voterStateLabels: Record<VoterState, string> = {
  RECEIVED: '已收到',
  IN_PROGRESS: '处理中',
  ESCALATED: '已转交镇人大主席团',
  REFERRED: '已转有关部门办理',
  ANSWERED: '已答复',
  CONVERTED: '已转为代表建议',
};

/** What the voter sees of their opinion's progress (spam is not revealed: it stays 已收到). */
export function voterState(o: {
  handling: OpinionHandling;
  answeredAt: Date | null;
  readAt: Date | null;
  escalatedAt: Date | null;
  spam: boolean;
}): VoterState {
  if (o.spam) return 'RECEIVED';
  if (o.handling === 'CONVERTED') return 'CONVERTED';
  if (o.handling === 'ANSWERED') return 'ANSWERED';
  if (o.handling === 'REFERRED') return o.answeredAt ? 'ANSWERED' : 'REFERRED';
  if (o.escalatedAt) return 'ESCALATED';
  return o.readAt ? 'IN_PROGRESS' : 'RECEIVED';
}

/** The voter may rate once there is an answer (or a suggestion), once. */
export function canRate(o: { rating: unknown; handling: OpinionHandling; answeredAt: Date | null; spam: boolean }): boolean {
  return !o.rating && !o.spam && (o.handling === 'ANSWERED' || o.handling === 'CONVERTED' || (o.handling === 'REFERRED' && !!o.answeredAt));
}
