// Reception days and voters' opinions, deputies' activities, supervision tasks and notifications.
import type { ActivitySpec, NotificationSpec, OpinionSpec, ReceptionSpec, TaskSpec } from '../types.js';
import { DAY } from '../clock.js';
import { type Ctx, lookup, stamper } from './context.js';

export async function writeReceptions(c: Ctx, receptions: ReceptionSpec[], opinions: OpinionSpec[]): Promise<void> {
  const { tx, clock } = c;
  for (const r of receptions) {
    const date = clock.date(r.date);
    const row = await tx.reception.create({
      data: {
        townshipId: c.townshipId,
        stationId: lookup.station(c, r.station),
        date,
        timeRange: r.timeRange,
        noticePublishedOn: new Date(date.getTime() - 3 * DAY),
        status: r.status,
        voterCount: r.voterCount,
        summary: r.summary,
        createdAt: new Date(date.getTime() - 3 * DAY),
        deputies: { create: r.deputies.map((n) => ({ deputyId: lookup.deputy(c, n), present: r.status === 'HELD' })) },
      },
    });
    c.ids.reception.set(r.key, row.id);
  }
  for (const o of opinions) {
    await tx.voterOpinion.create({
      data: {
        townshipId: c.townshipId,
        receptionId: o.reception ? lookup.reception(c, o.reception) : null,
        deputyId: lookup.deputy(c, o.deputy),
        content: o.content,
        category: o.category,
        voterName: o.voter,
        voterPhone: o.phone,
        handling: o.handling,
        answer: clock.text(o.answer ?? ''),
        referredUnitId: o.unit ? lookup.unit(c, o.unit) : null,
        referralDueDate: o.due ? clock.date(o.due) : null,
        answeredAt: o.answeredAt ? clock.at(o.answeredAt) : null,
        suggestionId: o.suggestion ? lookup.suggestion(c, o.suggestion) : null,
        createdAt: clock.at(o.at),
      },
    });
  }
}

/** Writes the activities; returns the 人次 (participants + other attendees) of each year. */
export async function writeActivities(c: Ctx, activities: ActivitySpec[]): Promise<Map<number, number>> {
  const { tx, clock } = c;
  const personTimes = new Map<number, number>();
  for (const a of activities) {
    const date = clock.date(a.date);
    for (const n of a.participants) {
      const spec = c.deputySpecs.get(n);
      if (!spec || (spec.termEnd && clock.date(spec.termEnd).getTime() <= date.getTime()))
        throw new Error(`demo seed: ${n} not in office on ${a.date}`);
    }
    if (new Set(a.participants).size !== a.participants.length) throw new Error(`demo seed: ${a.key} lists a deputy twice`);
    await tx.activity.create({
      data: {
        townshipId: c.townshipId,
        kind: a.kind,
        title: a.title,
        date,
        endDate: a.endDate ? clock.date(a.endDate) : null,
        place: a.place,
        organiser: a.organiser ?? '镇人大主席团',
        description: clock.text(a.description),
        stationId: a.station ? lookup.station(c, a.station) : null,
        otherAttendees: a.otherAttendees,
        createdAt: clock.at(a.endDate ?? a.date),
        participants: { create: a.participants.map((n) => ({ deputyId: lookup.deputy(c, n) })) },
        ...(a.inspection
          ? {
              inspection: {
                create: {
                  projectId: lookup.project(c, a.inspection.project),
                  findings: a.inspection.findings,
                  followUp: a.inspection.followUp,
                },
              },
            }
          : {}),
      },
    });
    const year = clock.yearOf(a.date);
    personTimes.set(year, (personTimes.get(year) ?? 0) + a.participants.length + a.otherAttendees);
  }
  return personTimes;
}

export async function writeTasks(c: Ctx, tasks: TaskSpec[]): Promise<void> {
  const { tx, clock } = c;
  for (const task of tasks) {
    const title = clock.text(task.title);
    const creator = lookup.user(c, task.by);
    const stamp = stamper(c, title);
    const events: { deputyId: number | null; actorId: number; action: string; note: string; createdAt: Date }[] = [];
    const ev = (at: string, deputy: string | null, actorId: number, action: string, note: string) =>
      events.push({ deputyId: deputy ? lookup.deputy(c, deputy) : null, actorId, action, note, createdAt: stamp(at) });
    ev(task.created, null, creator, 'create', title);
    for (const a of task.assignees) ev(task.created, a.name, creator, 'assign', `指派给${a.name}`);
    const later: { at: string; run: () => void }[] = [];
    for (const a of task.assignees) {
      const actor = lookup.deputyActor(c, a.name);
      const proxy = c.ids.userOfDeputy.has(a.name) ? '' : '（代表电话确认，工作人员录入）';
      const step = (at: string | undefined, run: (at: string) => void) => at && later.push({ at, run: () => run(at) });
      step(a.accepted, (at) => ev(at, a.name, actor, 'accept', `${a.name}接受任务${proxy}`));
      step(a.started, (at) => ev(at, a.name, actor, 'start', `${a.name}开始履职`));
      step(a.submitted, (at) => ev(at, a.name, actor, 'submit', `${a.name}提交报告${proxy}`));
      if (a.status === 'RETURNED') step(a.reviewed, (at) => ev(at, a.name, creator, 'return', a.reviewNote ?? ''));
      if (a.status === 'CLOSED') step(a.reviewed, (at) => ev(at, a.name, creator, 'approve', a.reviewNote ?? ''));
    }
    if (task.closed) later.push({ at: task.closed, run: () => ev(task.closed!, null, creator, 'close', '任务完成，关闭') });
    later.sort((x, y) => clock.at(x.at).getTime() - clock.at(y.at).getTime()).forEach((x) => x.run());
    const row = await tx.supervisionTask.create({
      data: {
        townshipId: c.townshipId,
        kind: task.kind,
        title,
        description: clock.text(task.description),
        dueDate: clock.date(task.due),
        status: task.status,
        projectId: task.project ? lookup.project(c, task.project) : null,
        suggestionId: task.suggestion ? lookup.suggestion(c, task.suggestion) : null,
        stationId: task.station ? lookup.station(c, task.station) : null,
        receptionId: task.reception ? lookup.reception(c, task.reception) : null,
        assignedById: creator,
        createdAt: clock.at(task.created),
        assignments: {
          create: task.assignees.map((a) => ({
            deputyId: lookup.deputy(c, a.name),
            status: a.status,
            acceptedAt: a.accepted ? clock.at(a.accepted) : null,
            reportText: a.report ?? '',
            reportDate: a.reportDate ? clock.date(a.reportDate) : null,
            findings: clock.text(a.findings ?? ''),
            submittedAt: a.submitted ? clock.at(a.submitted) : null,
            reviewedAt: a.reviewed ? clock.at(a.reviewed) : null,
            reviewNote: a.reviewNote ?? '',
            version: 1 + [a.accepted, a.started, a.submitted, a.reviewed].filter(Boolean).length,
          })),
        },
        events: { create: events },
      },
    });
    if (task.key) c.ids.task.set(task.key, row.id);
  }
}

export async function writeNotifications(c: Ctx, notifications: NotificationSpec[]): Promise<void> {
  const fill = (s: string) =>
    s.replace(/\{(suggestion|task|no):([^}]+)\}/g, (_, kind: string, key: string) => {
      const map = kind === 'suggestion' ? c.ids.suggestion : kind === 'task' ? c.ids.task : c.ids.suggestionCode;
      const v = map.get(key);
      if (v === undefined) throw new Error(`demo seed: notification names unknown ${kind} "${key}"`);
      return String(v);
    });
  for (const n of notifications) {
    await c.tx.notification.create({
      data: {
        userId: lookup.user(c, n.user),
        kind: n.kind,
        title: fill(n.title),
        link: fill(n.link),
        createdAt: c.clock.at(n.at),
        readAt: n.read ? c.clock.at(n.read) : null,
      },
    });
  }
}
