import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/index.js';
import { deadlineFlag } from '../../src/lib/deadline.js';
import { yearOf } from '../../src/lib/format.js';
import { SuggestionStatus } from '../../src/generated/prisma/enums.js';

/**
 * The demo lives on the day it is created: started on any date, its current year has suggestions in
 * every state with deadlines around today, a session whose vote can be opened, tasks due soon, and
 * nothing dated in the wrong year or after today. Two todays: late in a year, and in January.
 */
const TODAYS = [new Date('2026-11-30T10:00:00+08:00'), new Date('2027-01-12T10:00:00+08:00')];
const DAY = 24 * 3600 * 1000;

describe.each(TODAYS)('the demo created on %s', (now) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => now });
    await seedDemo(t.services.db, { now });
  });
  afterAll(() => t.close());
  const db = () => t.services.db;
  const recent = { gte: new Date(now.getTime() - 366 * DAY) };

  it('has this year’s suggestions in every state of the workflow', async () => {
    const states = await db().suggestion.groupBy({ by: ['status'], where: { createdAt: recent } });
    expect(states.map((s) => s.status).sort()).toEqual(Object.values(SuggestionStatus).sort());
  });

  it('has reply deadlines around today: a few overdue, a few due this week, most on time', async () => {
    const open = await db().suggestion.findMany({ where: { status: { in: ['ASSIGNED', 'HANDLING'] } } });
    const flags = open.map((s) => deadlineFlag(s.deadline, true, now));
    const overdue = flags.filter((f) => f === 'overdue').length;
    const dueSoon = flags.filter((f) => f === 'due-soon').length;
    const onTime = flags.filter((f) => f === null).length;
    expect(overdue).toBeGreaterThanOrEqual(2);
    expect(overdue).toBeLessThanOrEqual(4);
    expect(dueSoon).toBeGreaterThanOrEqual(2);
    expect(onTime).toBeGreaterThan(overdue + dueSoon);
    // nothing overdue by years: every open deadline within a few months of today
    for (const s of open) expect(Math.abs(s.deadline!.getTime() - now.getTime())).toBeLessThan(200 * DAY);
  });

  it('dates nothing after today that has already happened, and files everything in its own year', async () => {
    const suggestions = await db().suggestion.findMany();
    for (const s of suggestions) {
      expect(s.year, s.title).toBe(yearOf(s.acceptedAt ?? s.submittedAt ?? s.createdAt));
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const lastEvent = await db().suggestionEvent.aggregate({ _max: { createdAt: true } });
    expect(lastEvent._max.createdAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    const lastProgress = await db().projectProgress.aggregate({ _max: { date: true } });
    expect(lastProgress._max.date!.getTime()).toBeLessThanOrEqual(now.getTime());
    const lastActivity = await db().activity.aggregate({ _max: { date: true } });
    expect(lastActivity._max.date!.getTime()).toBeLessThanOrEqual(now.getTime());
    const lastNotification = await db().notification.aggregate({ _max: { createdAt: true } });
    expect(lastNotification._max.createdAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    // the year's projects are under way, next year's are candidates, none from the years in between
    const inProgress = await db().livelihoodProject.findMany({ where: { status: 'IN_PROGRESS' } });
    expect(inProgress.length).toBeGreaterThan(0);
    for (const p of inProgress) expect(Math.abs(p.year - yearOf(now))).toBeLessThanOrEqual(1);
    // 2023 keeps only 2023's suggestions: twelve, none of the current ones
    expect(await db().suggestion.count({ where: { year: 2023 } })).toBe(12);
  });

  it('has a congress session days away whose vote staff can open, tasks due soon and a reception day coming', async () => {
    const session = await db().congressSession.findFirstOrThrow({ where: { votingStatus: 'NOT_OPEN' } });
    expect(session.date.getTime()).toBeGreaterThan(now.getTime());
    expect(session.date.getTime() - now.getTime()).toBeLessThan(14 * DAY);
    const staff = (await t.services.auth.findSessionUser((await db().user.findFirstOrThrow({ where: { username: 'staff' } })).id))!;
    await t.services.voting.open(staff, session.id);
    expect((await db().congressSession.findUniqueOrThrow({ where: { id: session.id } })).votingStatus).toBe('OPEN');
    // every deputy with an account is told: a notification, and a banner with 去投票 until they have voted
    const deputyUser = await db().user.findFirstOrThrow({ where: { username: 'deputy' } });
    const told = await db().notification.findMany({ where: { userId: deputyUser.id, kind: 'vote.opened' } });
    expect(told.map((n) => n.link)).toEqual([`/sessions/${session.id}/vote`]);
    expect(await db().notification.count({ where: { kind: 'vote.opened', user: { username: 'staff' } } })).toBe(0);
    const deputy = await loginAs(t.app, 'deputy', DEMO_PASSWORD);
    const home = await deputy.get('/');
    expect(home.text).toContain('去投票');
    expect(home.text).toContain(`href="/sessions/${session.id}/vote"`);
    const chairHome = await (await loginAs(t.app, 'chair', DEMO_PASSWORD)).get('/');
    expect(chairHome.text).toContain('去投票');

    const tasks = await db().supervisionTask.findMany({ where: { status: 'OPEN' } });
    expect(tasks.some((task) => task.dueDate.getTime() > now.getTime() && task.dueDate.getTime() - now.getTime() < 7 * DAY)).toBe(true);
    for (const task of tasks) expect(Math.abs(task.dueDate.getTime() - now.getTime())).toBeLessThan(30 * DAY);
    const coming = await db().reception.findFirstOrThrow({ where: { status: 'SCHEDULED' } });
    expect(coming.date.getTime()).toBeGreaterThan(now.getTime());
    expect(coming.date.getTime() - now.getTime()).toBeLessThan(7 * DAY);
  });

  it('opens the dashboard, the statistics and a deputy’s 履职档案 on the latest year with data (in January, last year)', async () => {
    const expected = now.getMonth() === 0 ? yearOf(now) - 1 : yearOf(now);
    const chair = await loginAs(t.app, 'chair', DEMO_PASSWORD);
    expect((await chair.get('/dashboard')).text).toContain(`${expected}年数据看板`);
    expect((await chair.get('/suggestions/stats')).text).toContain(`${expected}年代表建议办理统计`);
    expect((await chair.get('/activities/stats')).text).toContain(`${expected}年代表活动人次统计`);
    const deputy = await loginAs(t.app, 'deputy', DEMO_PASSWORD);
    const me = await deputy.get('/me');
    const record = await deputy.get(me.headers.location!);
    expect(record.text).toContain(`履职档案 · ${expected}年`);
    // a work list opens on the latest year with data, this year's as soon as it has any
    const latest = await db().activity.aggregate({ _max: { date: true } });
    expect((await chair.get('/activities')).text).toContain(`<option value="${yearOf(latest._max.date!)}" selected>`);
  });

  it('tells each task’s history once: 发布任务：<title>, never twice', async () => {
    const task = await db().supervisionTask.findFirstOrThrow({ where: { status: 'OPEN' } });
    const staff = await loginAs(t.app, 'staff', DEMO_PASSWORD);
    const page = await staff.get(`/tasks/${task.id}`);
    expect(page.text).toContain(`发布任务</strong>：${task.title}`);
    expect(page.text).not.toContain('发布任务：发布任务');
  });

  it('shows the deputy a living home page: an open task, a reply to rate for deputy2', async () => {
    const deputy2 = await loginAs(t.app, 'deputy2', DEMO_PASSWORD);
    const home = await deputy2.get('/').redirects(1);
    expect(home.status).toBe(200);
    expect(home.text).toContain('关于加强农村留守老人关爱服务的建议');
  });
});
