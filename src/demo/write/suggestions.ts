// Writes the suggestions of the data tables, each walked through the workflow the way the portal
// would have done it: history rows (SuggestionEvent) in date order, assignments, supervision,
// replies, ratings, 落实 updates and extension requests. The state each ends in is checked against
// the table's `expect`.
import type {
  ContactWay,
  Prisma,
  ReplyCategory,
  SatisfactionLevel,
  SuggestionStatus,
  SupervisionWay,
} from '../../generated/prisma/client.js';
import { formatDate } from '../../lib/format.js';
import { addMonths, sugNo } from '../clock.js';
import { DEMO_ACCOUNTS } from '../accounts.js';
import type { SuggestionSpec } from '../types.js';
import { type Ctx, lookup, stamper } from './context.js';

const WAY_LABELS: Record<SupervisionWay, string> = { CALL: '电话督办', VISIT: '实地督办', MEETING: '会议督办', PROMPT: '催办' };
const LEVEL_LABELS: Record<SatisfactionLevel, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };

/** The year a suggestion belongs to: that of its 立案, else of its submission, else of its creation. */
export function suggestionYear(c: Ctx, s: SuggestionSpec): number {
  if (s.year) return s.year;
  if (s.review?.outcome === 'accept') return c.clock.yearOf(s.review.at);
  return c.clock.yearOf(s.submitted ?? s.created);
}

export async function writeSuggestions(c: Ctx, specs: SuggestionSpec[]): Promise<void> {
  // 立案编号: per year, in order of acceptance.
  const accepted = specs
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.review?.outcome === 'accept')
    .sort((a, b) => c.clock.at(a.s.review!.at).getTime() - c.clock.at(b.s.review!.at).getTime() || a.i - b.i);
  const next = new Map<number, number>();
  const numbers = new Map<string, number>();
  for (const { s } of accepted) {
    const year = suggestionYear(c, s);
    const n = (next.get(year) ?? 0) + 1;
    next.set(year, n);
    numbers.set(s.key, n);
    c.ids.suggestionCode.set(s.key, sugNo(year, n));
  }
  for (const s of specs) await writeSuggestion(c, s, numbers.get(s.key) ?? null, specs);
}

type Assignment = {
  unitId: number;
  role: 'LEAD' | 'ASSIST';
  assignedAt: Date;
  signedAt: Date | null;
  returnedAt: Date | null;
  returnReason: string;
  active: boolean;
};

async function writeSuggestion(c: Ctx, s: SuggestionSpec, number: number | null, all: SuggestionSpec[]): Promise<void> {
  const { tx, clock } = c;
  const year = suggestionYear(c, s);
  const text = clock.text;
  const events: { at: Date; actorId: number; action: string; from: SuggestionStatus | null; to: SuggestionStatus | null; note: string }[] =
    [];
  let status: SuggestionStatus | null = null;
  const stamp = stamper(c, s.key);
  const move = (at: string, actorId: number, action: string, from: SuggestionStatus, to: SuggestionStatus, note = ''): Date => {
    if (status !== from) throw new Error(`demo seed: ${s.key}: ${action} needs ${from} but is ${status ?? 'none'}`);
    const when = stamp(at);
    events.push({ at: when, actorId, action, from, to, note });
    status = to;
    return when;
  };
  const mark = (at: string, actorId: number, action: string, note: string): Date => {
    const when = stamp(at);
    events.push({ at: when, actorId, action, from: null, to: null, note });
    return when;
  };
  const unitActor = (unit: string) => lookup.unitActor(c, unit);
  const leadUser = c.ids.userOfDeputy.get(s.lead);
  const byDeputy = s.byDeputy === true && leadUser !== undefined;
  const entrant = byDeputy ? leadUser : c.staff;
  const entryNote = byDeputy ? '' : s.atSession ? '会议期间代表书面提交，工作人员录入' : '代表书面提交，工作人员代为录入';

  // creation, submission, review (审查)
  const createdAt = stamp(s.created);
  events.push({ at: createdAt, actorId: entrant, action: 'create', from: null, to: 'DRAFT', note: entryNote });
  status = 'DRAFT';
  const submittedAt = s.submitted ? move(s.submitted, entrant, 'submit', 'DRAFT', 'SUBMITTED') : null;
  let acceptedAt: Date | null = null;
  let statusNote = '';
  let duplicateOfId: number | null = null;
  if (s.review) {
    const r = s.review;
    if (r.outcome === 'accept') {
      const note = `立案，编号 ${sugNo(year, number ?? 0)}${s.isKey ? '；确定为重点建议' : ''}`;
      acceptedAt = move(r.at, c.staff, 'accept', 'SUBMITTED', 'ACCEPTED', note);
    } else if (r.outcome === 'return') {
      move(r.at, c.staff, 'return', 'SUBMITTED', 'RETURNED', r.note);
      statusNote = r.note;
    } else if (r.outcome === 'reference') {
      move(r.at, c.staff, 'toReference', 'SUBMITTED', 'REFERENCE', r.note);
      statusNote = r.note;
    } else {
      duplicateOfId = lookup.suggestion(c, r.into);
      const into = all.find((x) => x.key === r.into);
      statusNote = `与${c.ids.suggestionCode.get(r.into) ?? ''}号建议（${into?.lead ?? ''}代表领衔）内容相同，作为重复件并案办理，${s.lead}代表列为附议代表。`;
      move(r.at, c.staff, 'merge', 'SUBMITTED', 'MERGED', statusNote);
    }
  }

  // assignment (交办) and signing (签收)
  let assignedAt: Date | null = null;
  let deadline: Date | null = null;
  const assignments: Assignment[] = [];
  const supervisorId = s.supervisor ? lookup.user(c, s.supervisor) : null;
  if (s.assign) {
    const a = s.assign;
    const supervisorName = DEMO_ACCOUNTS.find((u) => u.username === s.supervisor)?.displayName ?? '';
    if (a.wrongUnit) {
      const w = a.wrongUnit;
      const first = move(w.at, c.staff, 'assign', 'ACCEPTED', 'ASSIGNED', `交办：${w.unit}（主办）`);
      const back = move(w.returnedAt, unitActor(w.unit), 'returnAssignment', 'ASSIGNED', 'ACCEPTED', `${w.unit}退回：${w.reason}`);
      assignments.push({
        unitId: lookup.unit(c, w.unit),
        role: 'LEAD',
        assignedAt: first,
        signedAt: null,
        returnedAt: back,
        returnReason: w.reason,
        active: false,
      });
    }
    const units = `${a.lead}（主办）${(a.assist ?? []).map((u) => `、${u}（协办）`).join('')}`;
    assignedAt = move(
      a.at,
      c.staff,
      'assign',
      'ACCEPTED',
      'ASSIGNED',
      `交办：${units}${supervisorName ? `；督办人：${supervisorName}` : ''}`,
    );
    deadline = addMonths(assignedAt, s.isComplex ? 6 : 3);
    const signedAt = a.signed ? move(a.signed, unitActor(a.lead), 'sign', 'ASSIGNED', 'HANDLING', `${a.lead}签收`) : null;
    for (const [unit, role] of [[a.lead, 'LEAD'], ...(a.assist ?? []).map((u) => [u, 'ASSIST'])] as [string, 'LEAD' | 'ASSIST'][]) {
      assignments.push({ unitId: lookup.unit(c, unit), role, assignedAt, signedAt, returnedAt: null, returnReason: '', active: true });
    }
  }

  // the rest, in date order: supervision, contacts, assisting opinions, replies, ratings, updates
  type Step = { at: string; run: () => void };
  const leadUnit = s.assign?.lead ?? '';
  const leadUnitId = leadUnit ? lookup.unit(c, leadUnit) : 0;
  let round = 1;
  let repliedAt: Date | null = null;
  let closedAt: Date | null = null;
  const supervisions: { supervisorId: number; way: SupervisionWay; date: Date; note: string; createdAt: Date }[] = [];
  const contacts: { unitId: number; date: Date; way: ContactWay; summary: string; authorId: number; createdAt: Date }[] = [];
  const replies: {
    round: number;
    unit: string;
    category: ReplyCategory | null;
    isAssistOpinion: boolean;
    content: string;
    plannedCompletion: Date | null;
    authorId: number;
    createdAt: Date;
  }[] = [];
  const ratings: { round: number; attitude: SatisfactionLevel; result: SatisfactionLevel; comment: string; createdAt: Date }[] = [];
  const updates: { unitId: number; date: Date; content: string; authorId: number; createdAt: Date }[] = [];
  let extension: Omit<Prisma.DeadlineExtensionUncheckedCreateInput, 'suggestionId'> | null = null;

  const steps: Step[] = [
    ...(s.supervisions ?? []).map((x) => ({
      at: x.at,
      run: () => {
        const by = lookup.user(c, x.by);
        const when = mark(x.at, by, 'supervise', `${WAY_LABELS[x.way]}：${x.note}`);
        supervisions.push({ supervisorId: by, way: x.way, date: clock.date(x.at), note: x.note, createdAt: when });
      },
    })),
    ...(s.contacts ?? []).map((x) => ({
      at: x.at,
      run: () => {
        const when = stamp(x.at);
        contacts.push({
          unitId: leadUnitId,
          date: clock.date(x.at),
          way: x.way,
          summary: x.summary,
          authorId: unitActor(leadUnit),
          createdAt: when,
        });
      },
    })),
    ...(s.assistOpinions ?? []).map((x) => ({
      at: x.at,
      run: () => {
        const when = mark(x.at, unitActor(x.unit), 'assistOpinion', `${x.unit}提交协办意见`);
        replies.push({
          round,
          unit: x.unit,
          category: null,
          isAssistOpinion: true,
          content: text(x.content),
          plannedCompletion: null,
          authorId: unitActor(x.unit),
          createdAt: when,
        });
      },
    })),
    ...(s.replies ?? []).map((x, i) => ({
      at: x.at,
      run: () => {
        if (i + 1 !== round) throw new Error(`demo seed: ${s.key}: reply ${i + 1} in round ${round}`);
        const note = `${leadUnit}答复，答复类别：${x.category}${round > 1 ? `（第${round}轮）` : ''}`;
        repliedAt = move(x.at, unitActor(leadUnit), 'reply', 'HANDLING', 'REPLIED', note);
        replies.push({
          round,
          unit: leadUnit,
          category: x.category,
          isAssistOpinion: false,
          content: text(x.content),
          plannedCompletion: x.planned ? clock.date(x.planned) : null,
          authorId: unitActor(leadUnit),
          createdAt: repliedAt,
        });
      },
    })),
    ...(s.ratings ?? []).map((x, i) => ({
      at: x.at,
      run: () => {
        const reply = s.replies?.[i];
        if (!reply) throw new Error(`demo seed: ${s.key}: rating without reply`);
        const proxy = c.ids.userOfDeputy.has(s.lead) ? '' : '（代表书面测评，工作人员录入）';
        const note = `满意度测评：态度${LEVEL_LABELS[x.attitude]}，结果${LEVEL_LABELS[x.result]}${proxy}`;
        const actor = lookup.deputyActor(c, s.lead);
        const row = { round, attitude: x.attitude, result: x.result, comment: x.comment ?? '' };
        if (x.result === 'DISSATISFIED') {
          const when = move(x.at, actor, 'rate', 'REPLIED', 'HANDLING', `${note}；退回重新办理`);
          deadline = addMonths(when, 1);
          ratings.push({ ...row, createdAt: when });
          round += 1;
        } else if (reply.category === 'B') {
          ratings.push({ ...row, createdAt: move(x.at, actor, 'rate', 'REPLIED', 'IMPLEMENTING', `${note}；转入落实跟踪`) });
        } else {
          closedAt = move(x.at, actor, 'rate', 'REPLIED', 'CLOSED', `${note}；办结`);
          ratings.push({ ...row, createdAt: closedAt });
        }
      },
    })),
    ...(s.updates ?? []).map((x) => ({
      at: x.at,
      run: () => {
        if (status !== 'IMPLEMENTING') throw new Error(`demo seed: ${s.key}: update while ${status ?? 'none'}`);
        const content = text(x.content);
        const when = mark(x.at, unitActor(leadUnit), 'implementationUpdate', content);
        updates.push({ unitId: leadUnitId, date: clock.date(x.at), content, authorId: unitActor(leadUnit), createdAt: when });
      },
    })),
    ...(s.implemented
      ? [
          {
            at: s.implemented.at,
            run: () => {
              const x = s.implemented!;
              const when = move(x.at, unitActor(leadUnit), 'markImplemented', 'IMPLEMENTING', 'IMPLEMENTED', x.note);
              updates.push({ unitId: leadUnitId, date: clock.date(x.at), content: x.note, authorId: unitActor(leadUnit), createdAt: when });
            },
          },
        ]
      : []),
    ...(s.confirmed
      ? [
          {
            at: s.confirmed,
            run: () => {
              closedAt = move(s.confirmed!, lookup.deputyActor(c, s.lead), 'confirm', 'IMPLEMENTED', 'CLOSED', '代表确认已落实，办结');
            },
          },
        ]
      : []),
    ...(s.extension
      ? [
          {
            at: s.extension.at,
            run: () => {
              const x = s.extension!;
              const newDeadline = clock.date(x.newDeadline);
              const shown = formatDate(newDeadline);
              const when = mark(x.at, unitActor(leadUnit), 'requestExtension', `申请延期至${shown}：${text(x.reason)}`);
              extension = {
                unitId: leadUnitId,
                requestedById: unitActor(leadUnit),
                reason: text(x.reason),
                newDeadline,
                status: x.status,
                decidedById: x.decidedBy ? lookup.user(c, x.decidedBy) : null,
                decidedAt: x.decidedAt ? clock.at(x.decidedAt) : null,
                decisionNote: x.note ?? '',
                createdAt: when,
              };
              if (x.status === 'APPROVED' && x.decidedBy && x.decidedAt) {
                mark(x.decidedAt, lookup.user(c, x.decidedBy), 'decideExtension', `同意延期至${shown}`);
                deadline = newDeadline;
              }
            },
          },
        ]
      : []),
  ];
  steps.sort((a, b) => clock.at(a.at).getTime() - clock.at(b.at).getTime()).forEach((step) => step.run());

  const finalStatus = status as SuggestionStatus | null;
  if (finalStatus !== s.expect) throw new Error(`demo seed: ${s.key} ends ${finalStatus ?? 'none'}, expected ${s.expect}`);

  const row = await tx.suggestion.create({
    data: {
      townshipId: c.townshipId,
      year,
      number,
      title: text(s.title),
      content: text(s.content),
      category: s.category,
      isKey: s.isKey ?? false,
      isComplex: s.isComplex ?? false,
      leadDeputyId: lookup.deputy(c, s.lead),
      sessionId: s.atSession ? (c.ids.session.get(s.atSession) ?? null) : null,
      status: finalStatus,
      statusNote,
      duplicateOfId,
      supervisorId,
      submittedAt,
      acceptedAt,
      assignedAt,
      deadline,
      repliedAt,
      closedAt,
      createdById: entrant,
      version: events.filter((e) => e.to !== null).length,
      createdAt,
      coSigners: { create: (s.coSigners ?? []).map((n) => ({ deputyId: lookup.deputy(c, n) })) },
      assignments: { create: assignments },
      events: {
        create: events.map((e) => ({
          actorId: e.actorId,
          action: e.action,
          fromStatus: e.from,
          toStatus: e.to,
          note: e.note,
          createdAt: e.at,
        })),
      },
      supervisions: { create: supervisions },
      contacts: { create: contacts },
      updates: { create: updates },
    },
  });
  c.ids.suggestion.set(s.key, row.id);
  const replyIdByRound = new Map<number, number>();
  for (const r of replies) {
    const { unit, ...data } = r;
    const reply = await tx.reply.create({ data: { ...data, suggestionId: row.id, unitId: lookup.unit(c, unit) } });
    if (!r.isAssistOpinion) replyIdByRound.set(r.round, reply.id);
  }
  for (const r of ratings) {
    await tx.satisfaction.create({
      data: { ...r, suggestionId: row.id, replyId: replyIdByRound.get(r.round) ?? null, deputyId: lookup.deputy(c, s.lead) },
    });
  }
  const ext = extension as Omit<Prisma.DeadlineExtensionUncheckedCreateInput, 'suggestionId'> | null;
  if (ext) await tx.deadlineExtension.create({ data: { ...ext, suggestionId: row.id } });
  if (duplicateOfId !== null) {
    await tx.suggestionCoSigner.create({ data: { suggestionId: duplicateOfId, deputyId: lookup.deputy(c, s.lead) } });
  }
}
