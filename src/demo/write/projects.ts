// Livelihood projects with their outcomes, milestones and progress, the online ballots of the
// deputies present at the session that voted on them, and the 测评 of finished projects.
import type { ProjectRatingValue, VoteChoice } from '../../generated/prisma/client.js';
import { SESSIONS } from '../tables/township.js';
import type { ProjectSpec } from '../types.js';
import { type Ctx, lookup, townDeputiesOn } from './context.js';

export async function writeProjects(c: Ctx, specs: ProjectSpec[]): Promise<void> {
  const { tx, clock } = c;
  const yearOf = (y: ProjectSpec['year']) => (y === 'P' ? clock.projectYear : y === 'P+1' ? clock.projectYear + 1 : y);
  for (const p of specs) {
    const row = await tx.livelihoodProject.create({
      data: {
        townshipId: c.townshipId,
        year: yearOf(p.year),
        name: p.name,
        description: clock.text(p.description),
        location: p.location,
        responsibleUnitId: lookup.unit(c, p.unit),
        budgetYuan: p.budgetYuan,
        source: p.source,
        sourceSuggestionId: p.sourceSuggestion ? lookup.suggestion(c, p.sourceSuggestion) : null,
        phase: p.phase,
        status: p.status,
        plannedStart: p.plannedStart ? clock.date(p.plannedStart) : null,
        plannedEnd: p.plannedEnd ? clock.date(p.plannedEnd) : null,
        sessionId: p.session ? (c.ids.session.get(p.session) ?? null) : null,
        followerId: p.follower ? lookup.user(c, p.follower) : null,
        createdAt: clock.at(p.created),
        outcomes: { create: (p.outcomes ?? []).map((o, i) => ({ ...o, position: i + 1 })) },
        milestones: {
          create: (p.milestones ?? []).map((m) => ({
            title: m.title,
            dueDate: clock.date(m.due),
            doneOn: m.done ? clock.date(m.done) : null,
          })),
        },
        progress: {
          create: (p.progress ?? []).map((g) => ({
            date: clock.date(g.date),
            percent: g.percent,
            spentYuan: g.spentYuan,
            status: g.status,
            note: g.note,
            authorId: lookup.user(c, g.by),
            createdAt: clock.at(g.date),
          })),
        },
        supervisors: { create: (p.supervisors ?? []).map((n) => ({ deputyId: lookup.deputy(c, n) })) },
      },
    });
    c.ids.project.set(p.key, row.id);
    const last = p.progress?.at(-1);
    if (last && last.status !== p.status) throw new Error(`demo seed: ${p.key}: status differs from the last progress row`);
    if (last && clock.at(last.date).getTime() > clock.now.getTime()) throw new Error(`demo seed: ${p.key}: progress after today`);
    if (p.votes) await writeBallots(c, p);
    if (p.rating) await writeRatings(c, p);
  }
}

function sessionOf(n: number | undefined) {
  const s = SESSIONS.find((x) => x.number === n);
  if (!s) throw new Error(`demo seed: no session ${n ?? '?'}`);
  return s;
}

/** Deputies present at a session: those in office that day, less the absent. */
function present(c: Ctx, n: number): string[] {
  const s = sessionOf(n);
  const names = townDeputiesOn(c, c.clock.date(s.date))
    .map((d) => d.name)
    .filter((name) => !(s.absent ?? []).includes(name));
  if (s.presentCount !== undefined && names.length !== s.presentCount)
    throw new Error(`demo seed: session ${n} has ${names.length} present, expected ${s.presentCount}`);
  return names;
}

async function writeBallots(c: Ctx, p: ProjectSpec): Promise<void> {
  const v = p.votes!;
  const session = sessionOf(p.session);
  const names = present(c, session.number);
  const choice = (name: string, i: number): VoteChoice => {
    if (typeof v.against === 'number' || typeof v.abstain === 'number') {
      // counts only: the first deputies for, then against, then abstaining
      const forCount = v.for ?? 0;
      const against = Number(v.against);
      return i < forCount ? 'FOR' : i < forCount + against ? 'AGAINST' : 'ABSTAIN';
    }
    return v.against.includes(name) ? 'AGAINST' : v.abstain.includes(name) ? 'ABSTAIN' : 'FOR';
  };
  const base = c.clock.at(session.opened ?? session.date).getTime();
  const rows = names.map((name, i) => ({
    projectId: lookup.project(c, p.key),
    sessionId: c.ids.session.get(session.number)!,
    deputyId: lookup.deputy(c, name),
    choice: choice(name, i),
    createdAt: new Date(base + (3 + i) * 30 * 1000),
  }));
  const count = (ch: VoteChoice) => rows.filter((r) => r.choice === ch).length;
  if (v.for !== undefined && count('FOR') !== v.for) throw new Error(`demo seed: ${p.key}: ${count('FOR')} votes for, expected ${v.for}`);
  const inOffice = townDeputiesOn(c, c.clock.date(session.date)).length;
  if (count('FOR') * 2 > inOffice !== (p.phase === 'PASSED')) throw new Error(`demo seed: ${p.key}: the vote does not match its phase`);
  await c.tx.projectVote.createMany({ data: rows });
}

async function writeRatings(c: Ctx, p: ProjectSpec): Promise<void> {
  const r = p.rating!;
  const value = (name: string): ProjectRatingValue =>
    r.abstain.includes(name) ? 'ABSTAIN' : r.basic.includes(name) ? 'BASICALLY_SATISFIED' : 'SATISFIED';
  await c.tx.projectRating.createMany({
    data: present(c, r.session).map((name, i) => ({
      projectId: lookup.project(c, p.key),
      sessionId: c.ids.session.get(r.session)!,
      deputyId: lookup.deputy(c, name),
      value: value(name),
      createdAt: new Date(c.clock.at(r.at).getTime() + i * 20 * 1000),
    })),
  });
}
