import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { ProjectRatingValue, VoteChoice, VotingRule } from '../../generated/prisma/enums.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { chineseNumber, congressSessionName } from '../../lib/labels.js';
import { decide, paperCountProblem, presentOf, tally, ZERO, type Counts } from './projects.voting.js';
import { canManageVoting, canSeeOpenTally } from './projects.policy.js';

/** A transaction, or the client itself for reads outside one. */
type TxOrDb = Tx | Db;

export const DOUBLE_VOTE = '您已经投过票了，每位代表在本次会议只能投票一次，不能重复投票。';

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

/** 镇第十九届人民代表大会第五次会议 */
export function sessionName(s: { number: number; congress: { term: number } }): string {
  return `镇${congressSessionName(s.congress.term, s.number)}`;
}

export type Ballot = {
  /** A deputy id sent with the form: only ever the voter's own. */
  deputyId?: number;
  choices: Record<number, VoteChoice>;
  ratings: Record<number, ProjectRatingValue>;
};

export type PaperEntry = { projectId: number; counts: Counts };

/** 票决 at a congress session: online ballots, paper counts, opening and closing, results. */
export function createVotingService(
  db: Db,
  audit: AuditService,
  now: () => Date = () => new Date(),
  notifications?: Pick<NotificationsService, 'notify'>,
) {
  async function findSession(user: CurrentUser, id: number, tx: TxOrDb = db) {
    const session = await tx.congressSession.findFirst({
      where: { id, congress: { townshipId: user.townshipId } },
      include: { congress: true },
    });
    if (!session) throw new NotFoundError('没有找到该次会议。');
    return session;
  }
  type Session = Awaited<ReturnType<typeof findSession>>;

  /** Deputies of the session's congress in office on the session's date. */
  function totalDeputies(session: Session, tx: TxOrDb = db): Promise<number> {
    return tx.deputy.count({
      where: {
        congressId: session.congressId,
        OR: [{ status: 'ACTIVE', termEnd: null }, { termEnd: { gt: session.date } }],
      },
    });
  }

  function candidates(sessionId: number, tx: TxOrDb = db) {
    return tx.livelihoodProject.findMany({
      where: { sessionId, phase: { in: ['SHORTLISTED', 'PASSED', 'REJECTED'] } },
      include: { responsibleUnit: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
  }

  /** Completed projects voted at an earlier session and not yet rated: rated (测评) at this one. */
  async function rateable(session: Session, tx: TxOrDb = db) {
    const projects = await tx.livelihoodProject.findMany({
      where: {
        townshipId: session.congress.townshipId,
        phase: 'PASSED',
        session: { date: { lt: session.date } },
        OR: [{ status: { in: ['COMPLETED', 'IN_USE'] } }, { ratings: { some: { sessionId: session.id } } }],
      },
      include: { ratings: { select: { sessionId: true } } },
      orderBy: { id: 'asc' },
    });
    return projects.filter((p) => p.ratings.every((r) => r.sessionId === session.id));
  }

  async function counting(session: Session, tx: TxOrDb = db) {
    const [list, votes, paper, total] = await Promise.all([
      candidates(session.id, tx),
      tx.projectVote.findMany({ where: { sessionId: session.id }, select: { projectId: true, choice: true, deputyId: true } }),
      tx.projectPaperTally.findMany({ where: { sessionId: session.id } }),
      totalDeputies(session, tx),
    ]);
    const counts = tally(votes, paper);
    const onlineVoters = new Set(votes.map((v) => v.deputyId)).size;
    const paperBallots = Math.max(0, ...paper.map((p) => p.forCount + p.againstCount + p.abstainCount));
    const turnout = onlineVoters + paperBallots;
    const present = presentOf(session.presentCount, turnout);
    const rows = list.map((p) => {
      const c = counts.get(p.id) ?? { ...ZERO };
      const online = votes.filter((v) => v.projectId === p.id).length;
      const paperRow = paper.find((x) => x.projectId === p.id);
      return { project: p, counts: c, online, paper: paperRow ?? null, decision: decide(session.votingRule, c, total, present) };
    });
    return { rows, total, turnout, onlineVoters, paperBallots, present };
  }

  return {
    findSession,
    totalDeputies,

    /** Every session of the township's congresses, latest first, with its candidates. */
    async sessions(user: CurrentUser) {
      const rows = await db.congressSession.findMany({
        where: { congress: { townshipId: user.townshipId } },
        include: {
          congress: true,
          projects: { where: { phase: { in: ['SHORTLISTED', 'PASSED', 'REJECTED'] } }, select: { id: true, phase: true } },
        },
        orderBy: { date: 'desc' },
      });
      return rows.map((s) => ({
        ...s,
        name: sessionName(s),
        candidateCount: s.projects.length,
        passedCount: s.projects.filter((p) => p.phase === 'PASSED').length,
      }));
    },

    /** The staff's page of a session: settings, candidates, online and paper counts so far. */
    async overview(user: CurrentUser, id: number) {
      if (!canManageVoting(user) && user.role !== 'PRESIDIUM') throw new ForbiddenError();
      const session = await findSession(user, id);
      const c = await counting(session);
      return { session, name: sessionName(session), ...c };
    },

    /** A deputy's ballot: the candidates, the completed projects to rate, and what they chose. */
    async ballot(user: CurrentUser, id: number) {
      const session = await findSession(user, id);
      const [list, toRate, mine, myRatings, deputy] = await Promise.all([
        candidates(session.id),
        rateable(session),
        user.deputyId ? db.projectVote.findMany({ where: { sessionId: id, deputyId: user.deputyId } }) : [],
        user.deputyId ? db.projectRating.findMany({ where: { sessionId: id, deputyId: user.deputyId } }) : [],
        user.deputyId ? db.deputy.findUnique({ where: { id: user.deputyId } }) : null,
      ]);
      const eligible = !!deputy && deputy.status === 'ACTIVE' && deputy.congressId === session.congressId;
      return {
        session,
        name: sessionName(session),
        candidates: list,
        toRate,
        eligible,
        hasVoted: mine.length > 0,
        myChoices: Object.fromEntries(mine.map((v) => [v.projectId, v.choice])) as Record<number, VoteChoice>,
        myRatings: Object.fromEntries(myRatings.map((r) => [r.projectId, r.value])) as Record<number, ProjectRatingValue>,
      };
    },

    /** Sessions whose vote is open and that this user (a deputy of the congress) has not voted at yet. */
    async pendingBallots(user: CurrentUser) {
      if (!user.deputyId) return [];
      // One query on every deputy's home page: sessions open for voting in the congress of which the
      // deputy is an active member, not yet voted in (the congress's term only when there are some).
      const open = await db.congressSession.findMany({
        where: {
          votingStatus: 'OPEN',
          votes: { none: { deputyId: user.deputyId } },
          congress: { deputies: { some: { id: user.deputyId, status: 'ACTIVE' } } },
        },
        select: { id: true, number: true, date: true, congressId: true },
        orderBy: { date: 'asc' },
      });
      if (!open.length) return [];
      const congresses = await db.congress.findMany({
        where: { id: { in: open.map((s) => s.congressId) } },
        select: { id: true, term: true },
      });
      return open.map((s) => ({
        id: s.id,
        name: sessionName({ ...s, congress: congresses.find((c) => c.id === s.congressId)! }),
        date: s.date,
      }));
    },

    /** One deputy's online ballot: every candidate once, only while open, only for their own congress. */
    async castBallot(user: CurrentUser, id: number, ballot: Ballot) {
      const session = await findSession(user, id);
      if (!user.deputyId) throw new ForbiddenError('您的账号没有关联代表信息，不能参加票决。');
      if (ballot.deputyId !== undefined && ballot.deputyId !== user.deputyId) {
        throw new ForbiddenError('每位代表只能本人投票，不能代替其他代表投票。');
      }
      const deputy = await db.deputy.findUnique({ where: { id: user.deputyId } });
      if (!deputy || deputy.status !== 'ACTIVE' || deputy.congressId !== session.congressId) {
        throw new ForbiddenError(`您不是镇第${chineseNumber(session.congress.term)}届人民代表大会的代表，不能参加本次会议的票决。`);
      }
      if (session.votingStatus === 'NOT_OPEN') throw new ConflictError('本次会议的票决尚未开始，请等待工作人员宣布开始投票。');
      if (session.votingStatus === 'CLOSED') throw new ConflictError('本次会议的票决已经结束，投票结果已锁定，不能再投票。');
      if (await db.projectVote.count({ where: { sessionId: id, deputyId: deputy.id } })) throw new ConflictError(DOUBLE_VOTE);

      const [list, toRate] = await Promise.all([candidates(id), rateable(session)]);
      const errors: Record<string, string> = {};
      for (const p of list) if (!ballot.choices[p.id]) errors[`choice_${p.id}`] = `请对“${p.name}”选择赞成、反对或弃权`;
      for (const p of toRate) if (!ballot.ratings[p.id]) errors[`rating_${p.id}`] = `请对“${p.name}”进行满意度测评`;
      if (Object.keys(errors).length) throw new ValidationError(errors);

      try {
        await db.$transaction(async (tx) => {
          const fresh = await tx.congressSession.findUniqueOrThrow({ where: { id } });
          if (fresh.votingStatus !== 'OPEN') throw new ConflictError('本次会议的票决已经结束，投票结果已锁定，不能再投票。');
          await tx.projectVote.createMany({
            data: list.map((p) => ({ projectId: p.id, sessionId: id, deputyId: deputy.id, choice: ballot.choices[p.id]! })),
          });
          if (toRate.length) {
            await tx.projectRating.createMany({
              data: toRate.map((p) => ({ projectId: p.id, sessionId: id, deputyId: deputy.id, value: ballot.ratings[p.id]! })),
            });
          }
          await audit.record(
            user,
            { action: 'vote.cast', entity: 'CongressSession', entityId: id, detail: { candidates: list.length, ratings: toRate.length } },
            tx,
          );
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictError(DOUBLE_VOTE);
        throw e;
      }
    },

    async updateSettings(user: CurrentUser, id: number, input: { votingRule: VotingRule; presentCount: number | null }) {
      if (!canManageVoting(user)) throw new ForbiddenError('只有工作人员可以设置票决规则。');
      const session = await findSession(user, id);
      if (session.votingStatus === 'CLOSED') throw new ConflictError('本次会议的票决已经结束，结果已锁定，不能再修改规则。');
      const total = await totalDeputies(session);
      if (input.presentCount !== null && input.presentCount > total) {
        throw new ValidationError({ presentCount: `出席人数不能超过本届代表总数${total}人` });
      }
      if (input.votingRule === 'HALF_OF_PRESENT' && input.presentCount === null && session.votingStatus === 'OPEN') {
        throw new ValidationError({ presentCount: '按出席代表过半数计票时，请填写出席代表人数' });
      }
      await db.$transaction(async (tx) => {
        await tx.congressSession.update({ where: { id }, data: { votingRule: input.votingRule, presentCount: input.presentCount } });
        await audit.record(user, { action: 'vote.settings', entity: 'CongressSession', entityId: id, detail: input }, tx);
      });
    },

    async open(user: CurrentUser, id: number) {
      if (!canManageVoting(user)) throw new ForbiddenError('只有工作人员可以开始票决。');
      const session = await findSession(user, id);
      if (session.votingStatus !== 'NOT_OPEN')
        throw new ConflictError(session.votingStatus === 'OPEN' ? '票决已经开始。' : '本次会议的票决已经结束，不能重新开始。');
      const shortlisted = await db.livelihoodProject.count({ where: { sessionId: id, phase: 'SHORTLISTED' } });
      if (!shortlisted) throw new ConflictError('本次会议还没有初定的候选项目，请先由主席团初定候选项目。');
      await db.$transaction(async (tx) => {
        const r = await tx.congressSession.updateMany({
          where: { id, votingStatus: 'NOT_OPEN' },
          data: { votingStatus: 'OPEN', votingOpenedAt: now() },
        });
        if (r.count !== 1) throw new ConflictError('票决状态已被他人修改，请刷新页面。');
        await audit.record(user, { action: 'vote.open', entity: 'CongressSession', entityId: id }, tx);
        // Every deputy of the congress with an account is told, once, that the ballot is open.
        const voters = await tx.user.findMany({
          where: { active: true, deputy: { congressId: session.congressId, status: 'ACTIVE' } },
          select: { id: true },
        });
        await notifications?.notify(
          voters.map((v) => v.id),
          {
            kind: 'vote.opened',
            title: `${sessionName(session)}民生实事项目票决已开始，请投票`,
            link: `/sessions/${id}/vote`,
            dedupeKey: `vote.opened:${id}`,
          },
          tx,
        );
      });
    },

    /** Closes voting: the result is decided by the session's rule and locked in the projects' phases. */
    async close(user: CurrentUser, id: number) {
      if (!canManageVoting(user)) throw new ForbiddenError('只有工作人员可以结束票决。');
      const session = await findSession(user, id);
      if (session.votingStatus !== 'OPEN')
        throw new ConflictError(session.votingStatus === 'CLOSED' ? '本次会议的票决已经结束。' : '票决尚未开始。');
      return db.$transaction(async (tx) => {
        const r = await tx.congressSession.updateMany({
          where: { id, votingStatus: 'OPEN' },
          data: { votingStatus: 'CLOSED', votingClosedAt: now() },
        });
        if (r.count !== 1) throw new ConflictError('票决状态已被他人修改，请刷新页面。');
        const c = await counting(session, tx);
        if (session.presentCount === null) await tx.congressSession.update({ where: { id }, data: { presentCount: c.turnout } });
        const passed: number[] = [];
        for (const row of c.rows) {
          const phase = row.decision.passed ? 'PASSED' : 'REJECTED';
          if (row.decision.passed) passed.push(row.project.id);
          await tx.livelihoodProject.update({ where: { id: row.project.id }, data: { phase } });
        }
        await audit.record(
          user,
          {
            action: 'vote.close',
            entity: 'CongressSession',
            entityId: id,
            detail: {
              rule: session.votingRule,
              total: c.total,
              present: c.present,
              turnout: c.turnout,
              results: c.rows.map((x) => ({ projectId: x.project.id, ...x.counts, passed: x.decision.passed })),
            },
          },
          tx,
        );
        return { passed: passed.length, rejected: c.rows.length - passed.length };
      });
    },

    /** Staff enter the counted paper ballots per candidate; all or nothing. */
    async recordPaper(user: CurrentUser, id: number, entries: PaperEntry[]) {
      if (!canManageVoting(user)) throw new ForbiddenError('只有工作人员可以录入纸质选票。');
      const session = await findSession(user, id);
      if (session.votingStatus === 'CLOSED') throw new ConflictError('本次会议的票决已经结束，结果已锁定，不能再录入选票。');
      if (session.votingStatus === 'NOT_OPEN') throw new ConflictError('票决尚未开始，请先开始票决再录入纸质选票。');
      const [list, total, online] = await Promise.all([
        candidates(id),
        totalDeputies(session),
        db.projectVote.groupBy({ by: ['projectId'], where: { sessionId: id }, _count: { _all: true } }),
      ]);
      const errors: Record<string, string> = {};
      for (const e of entries) {
        const project = list.find((p) => p.id === e.projectId);
        if (!project) throw new NotFoundError('该项目不是本次会议的候选项目。');
        const onlineCount = online.find((o) => o.projectId === e.projectId)?._count._all ?? 0;
        const problem = paperCountProblem(e.counts, onlineCount, total);
        if (problem) errors[`for_${e.projectId}`] = `“${project.name}”${problem}`;
      }
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.$transaction(async (tx) => {
        for (const e of entries) {
          const data = { forCount: e.counts.for, againstCount: e.counts.against, abstainCount: e.counts.abstain, recordedById: user.id };
          await tx.projectPaperTally.upsert({
            where: { projectId_sessionId: { projectId: e.projectId, sessionId: id } },
            create: { projectId: e.projectId, sessionId: id, ...data },
            update: data,
          });
        }
        await audit.record(user, { action: 'vote.paper', entity: 'CongressSession', entityId: id, detail: entries }, tx);
      });
    },

    /** The result page: tally per candidate, turnout, passed or not; and the ratings given at this session. */
    async results(user: CurrentUser, id: number) {
      const session = await findSession(user, id);
      const c = await counting(session);
      const showCounts = session.votingStatus === 'CLOSED' || canSeeOpenTally(user);
      const ratingRows = await db.projectRating.groupBy({ by: ['projectId', 'value'], where: { sessionId: id }, _count: { _all: true } });
      const ratedIds = [...new Set(ratingRows.map((r) => r.projectId))];
      const rated = ratedIds.length
        ? await db.livelihoodProject.findMany({
            where: { id: { in: ratedIds } },
            select: { id: true, name: true, year: true },
            orderBy: { id: 'asc' },
          })
        : [];
      const ratings = rated.map((p) => {
        const by: Record<ProjectRatingValue, number> = { SATISFIED: 0, BASICALLY_SATISFIED: 0, DISSATISFIED: 0, ABSTAIN: 0 };
        for (const r of ratingRows) if (r.projectId === p.id) by[r.value] += r._count._all;
        return { project: p, by, total: Object.values(by).reduce((a, b) => a + b, 0) };
      });
      return { session, name: sessionName(session), ...c, rows: showCounts ? c.rows : [], showCounts, ratings };
    },

    /** The candidate list printed for the session (A4). */
    async printList(user: CurrentUser, id: number) {
      const session = await findSession(user, id);
      const [c, township] = await Promise.all([counting(session), db.township.findUniqueOrThrow({ where: { id: user.townshipId } })]);
      return { session, name: sessionName(session), townshipName: township.name, ...c };
    },
  };
}

export type VotingService = ReturnType<typeof createVotingService>;
