import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { ProjectPhase } from '../../generated/prisma/enums.js';
import { NotFoundError } from '../../errors.js';

export function createProjectsService(db: Db) {
  /** The latest progress update of each project: percent complete and money spent. */
  async function latestProgress(projectIds: number[]) {
    if (projectIds.length === 0) return new Map<number, { percent: number; spentYuan: number }>();
    const rows = await db.projectProgress.findMany({
      where: { projectId: { in: projectIds } },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
      select: { projectId: true, percent: true, spentYuan: true },
    });
    const map = new Map<number, { percent: number; spentYuan: number }>();
    for (const r of rows) if (!map.has(r.projectId)) map.set(r.projectId, r);
    return map;
  }

  return {
    async years(user: CurrentUser): Promise<number[]> {
      const rows = await db.livelihoodProject.findMany({
        where: { townshipId: user.townshipId },
        distinct: ['year'],
        select: { year: true },
        orderBy: { year: 'desc' },
      });
      return rows.map((r) => r.year);
    },

    async list(user: CurrentUser, filter: { year?: number; phase?: ProjectPhase }) {
      const projects = await db.livelihoodProject.findMany({
        where: {
          townshipId: user.townshipId,
          ...(filter.year ? { year: filter.year } : {}),
          ...(filter.phase ? { phase: filter.phase } : {}),
        },
        include: {
          responsibleUnit: { select: { name: true } },
          outcomes: { orderBy: { position: 'asc' } },
          follower: { select: { displayName: true, title: true } },
        },
        orderBy: [{ year: 'desc' }, { id: 'asc' }],
      });
      const progress = await latestProgress(projects.map((p) => p.id));
      return projects.map((p) => ({ ...p, percent: progress.get(p.id)?.percent ?? 0, spentYuan: progress.get(p.id)?.spentYuan ?? 0 }));
    },

    async get(user: CurrentUser, id: number) {
      const project = await db.livelihoodProject.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          responsibleUnit: { select: { name: true } },
          follower: { select: { displayName: true, title: true } },
          session: { include: { congress: true } },
          outcomes: { orderBy: { position: 'asc' } },
          milestones: { orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] },
          progress: { orderBy: [{ date: 'asc' }, { id: 'asc' }], include: { author: { select: { displayName: true } } } },
          supervisors: { include: { deputy: { select: { id: true, name: true } } } },
          inspections: {
            include: { activity: { include: { _count: { select: { participants: true } } } } },
          },
        },
      });
      if (!project) throw new NotFoundError('没有找到该民生实事项目。');
      const votes = await db.projectVote.groupBy({ by: ['choice'], where: { projectId: id }, _count: { _all: true } });
      const tally = { FOR: 0, AGAINST: 0, ABSTAIN: 0 };
      for (const v of votes) tally[v.choice] += v._count._all;
      const paper = await db.projectPaperTally.findMany({ where: { projectId: id } });
      for (const p of paper) {
        tally.FOR += p.forCount;
        tally.AGAINST += p.againstCount;
        tally.ABSTAIN += p.abstainCount;
      }
      const last = project.progress.at(-1);
      return { ...project, tally, percent: last?.percent ?? 0, spentYuan: last?.spentYuan ?? 0 };
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
