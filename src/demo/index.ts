// 东明镇 demo data: the world described by the presidium's 2023 work report
// (shared/seeds/000_cea87e68111ba62d.txt), delivered by 人大主席 刘海龙 on 2023-12-07 at the
// 4th session of the 19th 东明镇 People's Congress, and a current year of work relative to the day
// the demo is created, so that a newcomer on any date sees a living township.
//
// Every figure the report states is reproduced exactly and checked before the data is committed:
//   · 代表之家 equipped in 2023 with 电脑、投影仪、办公桌椅; 2 village stations set up in 2023
//     (嘎查甸子村, 上奈林村);
//   · 2023 livelihood projects: 嘎查甸子村基础设施 (400万元) and 111线亮化及排水 (100万元,
//     100 + 120 = 220 盏路灯), both 投入使用;
//   · 2023 activities: 206 人次 in all (participants + otherAttendees), "200余人次";
//   · 4 key suggestions (民生 ×2, 道路交通, 乡村建设), each assigned and supervised (督办) by a
//     presidium member;
// and the 2023 report itself is generated from that data and 定稿.
//
// The data tables are in tables/ (dates fixed, or relative to today: 'T-5'); the code that writes
// them is in write/.
import type { Db } from '../db.js';
import { hashPassword } from '../auth/password.js';
import { createClock } from './clock.js';
import { DEMO_PASSWORD } from './accounts.js';
import { ACTIVITIES_HISTORY, CURRENT_ACTIVITIES } from './tables/activities.js';
import { NOTIFICATIONS } from './tables/notifications.js';
import { PROJECTS_CURRENT } from './tables/projects-current.js';
import { PROJECTS_HISTORY } from './tables/projects-history.js';
import { CURRENT_OPINIONS, CURRENT_RECEPTIONS, OPINIONS_2023, RECEPTIONS_2023 } from './tables/receptions.js';
import { SUGGESTIONS_2023 } from './tables/suggestions-2023.js';
import { CURRENT_SUGGESTIONS } from './tables/suggestions-current.js';
import { OPEN_SUGGESTIONS } from './tables/suggestions-open.js';
import { CURRENT_TASKS, TASKS_2023 } from './tables/tasks.js';
import { newIds } from './write/context.js';
import { writeVoterCodes } from './voters.js';
import { writeFoundation } from './write/foundation.js';
import { writeProjects } from './write/projects.js';
import { writeReport } from './write/report.js';
import { writeSuggestions } from './write/suggestions.js';
import { writeActivities, writeNotifications, writeReceptions, writeTasks } from './write/work.js';
import { seedBannerDemo } from './banner.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './accounts.js';
export { BANNER_DEMO_ACCOUNTS, SECOND_TOWNSHIP } from './banner.js';

/** The demo's history ends here; a demo created earlier would mix the current year into it. */
const EARLIEST_TODAY = new Date('2024-12-18T00:00:00+08:00');

export interface SeedOptions {
  /** The day the demo is created: the current year's dates are relative to it. */
  now?: Date;
  /** A precomputed hash of DEMO_PASSWORD (tests hash it once). */
  passwordHash?: string;
}

/**
 * Fills an EMPTY database with the demo: the data in one transaction, then the 2023 work report
 * drafted and finalized through the reports service.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  if (now.getTime() < EARLIEST_TODAY.getTime()) throw new Error('demo seed: the demo needs a today after 2024-12-18.');
  const clock = createClock(now);
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const townshipId = await db.$transaction(
    async (tx) => {
      const c = await writeFoundation({ tx, clock, passwordHash, ids: newIds(), deputySpecs: new Map() });
      await writeSuggestions(c, [...SUGGESTIONS_2023, ...CURRENT_SUGGESTIONS, ...OPEN_SUGGESTIONS]);
      await writeReceptions(c, [...RECEPTIONS_2023, ...CURRENT_RECEPTIONS], [...OPINIONS_2023, ...CURRENT_OPINIONS]);
      await writeProjects(c, [...PROJECTS_HISTORY, ...PROJECTS_CURRENT]);
      const personTimes = await writeActivities(c, [...ACTIVITIES_HISTORY, ...CURRENT_ACTIVITIES]);
      if (personTimes.get(2023) !== 206) throw new Error(`demo seed: 2023 activities count ${personTimes.get(2023)} 人次, expected 206`);
      await writeTasks(c, [...TASKS_2023, ...CURRENT_TASKS]);
      await writeNotifications(c, NOTIFICATIONS);
      await writeVoterCodes(c);
      return c.townshipId;
    },
    { timeout: 60000 },
  );
  await writeReport(db, clock, townshipId);
  // The banner around it: a second township and the banner's accounts (src/demo/banner.ts).
  await seedBannerDemo(db, clock, passwordHash);
}
