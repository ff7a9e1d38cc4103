// The 2023 work report, present and 定稿 on first start: drafted by the reports service from the
// 2023 data (so the draft's wording is the portal's own), then locked by the chair. Its revisions are
// dated when the office would have done them: drafted in November, finalized before 第四次会议.
import type { Db } from '../../db.js';
import { createServices } from '../../services.js';
import type { DemoClock } from '../clock.js';

export const REPORT_YEAR = 2023;
const DRAFTED = '2023-11-20 10:00';
const FINALIZED = '2023-12-05 17:00';

export async function writeReport(db: Db, clock: DemoClock, townshipId: number): Promise<void> {
  const services = createServices(db, { now: () => clock.now });
  const account = async (username: string) => {
    const row = await db.user.findFirstOrThrow({ where: { townshipId, username }, select: { id: true } });
    const user = await services.auth.findSessionUser(row.id);
    if (!user) throw new Error(`demo seed: the ${username} account cannot sign in`);
    return user;
  };
  const draft = await services.reports.generate(await account('staff'), REPORT_YEAR, null);
  await services.reports.finalize(await account('chair'), REPORT_YEAR, draft.version);
  const revisions = await db.reportRevision.findMany({ where: { reportId: draft.id }, orderBy: { number: 'asc' } });
  await db.$transaction([
    db.annualReport.update({
      where: { id: draft.id },
      data: { createdAt: clock.at(DRAFTED), finalizedAt: clock.at(FINALIZED), updatedAt: clock.at(FINALIZED) },
    }),
    ...revisions.map((r, i) =>
      db.reportRevision.update({ where: { id: r.id }, data: { createdAt: clock.at(i === revisions.length - 1 ? FINALIZED : DRAFTED) } }),
    ),
  ]);
}
