/**
 * Benchmarks (`npm run bench`): timings of the hot paths on a database the size of several years
 * of a busy township. Prints median and p95 in milliseconds; speed targets live here, never in tests.
 *
 *   npm run bench              5,000 suggestions
 *   BENCH_SUGGESTIONS=20000 npm run bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../src/db.js';
import { createServices } from '../../src/services.js';
import { migrateDeploy } from '../../src/migrations.js';
import { seedDemo } from '../../src/demo/index.js';
import { suggestionFilterSchema } from '../../src/features/suggestions/suggestions.schemas.js';

const N = Number(process.env.BENCH_SUGGESTIONS ?? 5000);
const RUNS = 30;

/** Target medians (ms) on the project's 2-core machines. */
const TARGETS: Record<string, number> = {
  'suggestions list, page 1': 50,
  'suggestions list, overdue filter': 50,
  'full-text search (3+ chars)': 50,
  'short search (2 chars, LIKE)': 150,
  'year statistics': 300,
  'staff home page data': 100,
};

async function time(label: string, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(RUNS / 2)]!;
  const p95 = samples[Math.floor(RUNS * 0.95)]!;
  const target = TARGETS[label];
  const verdict = target === undefined ? '' : median <= target ? `ok (target ${target})` : `SLOW (target ${target})`;
  console.log(`${label.padEnd(36)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   ${verdict}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-bench-'));
const url = `file:${path.join(dir, 'bench.db')}`;
try {
  await migrateDeploy(url);
  const db = createDb(url);
  await seedDemo(db);
  const township = await db.township.findFirstOrThrow();
  const deputies = await db.deputy.findMany({ select: { id: true } });
  const units = await db.handlingUnit.findMany({ select: { id: true } });
  const words = ['道路硬化', '饮水安全', '路灯维修', '排水沟渠', '养殖补贴', '卫生院设备', '学校校车', '垃圾转运', '草场围栏', '文化广场'];
  const statuses = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'CLOSED'] as const;
  console.log(`Filling ${N} suggestions …`);
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < N; i++) {
        const status = statuses[i % statuses.length]!;
        const s = await tx.suggestion.create({
          data: {
            townshipId: township.id,
            year: 2019 + (i % 6),
            number: 1000 + i,
            title: `关于${words[i % words.length]}问题的建议（${i}）`,
            content: `群众反映${words[(i * 7) % words.length]}方面存在困难，建议有关部门尽快研究解决。编号${i}。`,
            category: (['LIVELIHOOD', 'ROADS_TRAFFIC', 'RURAL_CONSTRUCTION', 'AGRICULTURE'] as const)[i % 4]!,
            leadDeputyId: deputies[i % deputies.length]!.id,
            status,
            deadline: new Date(Date.UTC(2019 + (i % 6), i % 12, 1 + (i % 28))),
            assignedAt: new Date(Date.UTC(2019 + (i % 6), i % 12, 1)),
          },
        });
        if (status !== 'SUBMITTED' && status !== 'ACCEPTED') {
          await tx.suggestionAssignment.create({ data: { suggestionId: s.id, unitId: units[i % units.length]!.id, role: 'LEAD' } });
        }
      }
    },
    { timeout: 600_000 },
  );
  const services = createServices(db);
  const staff = (await services.auth.findSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'staff' } })).id))!;
  const filter = (q: Record<string, string>) => suggestionFilterSchema.parse(q);

  await time('suggestions list, page 1', () => services.suggestions.list(staff, filter({})));
  await time('suggestions list, overdue filter', () => services.suggestions.list(staff, filter({ overdue: '1', sort: 'deadline' })));
  await time('full-text search (3+ chars)', () => services.suggestions.list(staff, filter({ q: '饮水安全' })));
  await time('short search (2 chars, LIKE)', () => services.suggestions.list(staff, filter({ q: '路灯' })));
  await time('year statistics', () => services.suggestionStats.forYear(staff, 2023));
  await time('staff home page data', () => services.home.staff(staff));
  await db.$disconnect();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
