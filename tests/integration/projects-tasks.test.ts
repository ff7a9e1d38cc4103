import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createUser, TEST_PASSWORD, type ProjectsWorld, type World } from '../helpers/factories.js';
import { projectsTestApp } from '../helpers/projects-world.js';

let t: TestApp;
let w: World;
let pw: ProjectsWorld;
let agents: Record<string, request.Agent>;
let csrf: Record<string, string>;

beforeAll(async () => {
  ({ t, w, pw, agents, csrf } = await projectsTestApp(['staff', 'presidium', 'deputy', 'deputy2', 'unit', 'auditor']));
});
afterAll(() => t.close());

const post = (who: string, path: string, body: Record<string, unknown> = {}) =>
  agents[who]!.post(path)
    .type('form')
    .send({ _csrf: csrf[who], ...body });

describe('征集: staff enter candidates in 万元, stored as integer 元', () => {
  it('creates a candidate with its outcomes', async () => {
    const res = await post('staff', '/projects', {
      year: '2025',
      name: '东明村路灯项目',
      budgetYuan: '12.5',
      source: 'VOTER_OPINION',
      responsibleUnitId: String(w.unit.id),
      outcomeLabel: ['路灯', ''],
      outcomeUnit: ['盏', ''],
      outcomePlanned: ['120', ''],
    });
    expect(res.status).toBe(303);
    const p = await t.services.db.livelihoodProject.findFirstOrThrow({ where: { name: '东明村路灯项目' }, include: { outcomes: true } });
    expect(p.budgetYuan).toBe(125_000);
    expect(p.phase).toBe('COLLECTED');
    expect(p.outcomes.map((o) => [o.label, o.unit, o.planned])).toEqual([['路灯', '盏', 120]]);
    const page = await agents.staff!.get(`/projects/${p.id}`);
    expect(page.text).toContain('12.5万元');
  });

  it('re-renders with Chinese errors and the values typed', async () => {
    const res = await post('staff', '/projects', {
      year: '2025',
      name: '',
      budgetYuan: '十万',
      source: 'GOVERNMENT',
      plannedStart: '2025-05-01',
      plannedEnd: '2025-04-01',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请填写项目名称');
    expect(res.text).toContain('投资金额应为以万元计的数字');
    expect(res.text).toContain('value="十万"');
    const dates = await post('staff', '/projects', {
      year: '2025',
      name: '日期有误的项目',
      budgetYuan: '10',
      source: 'GOVERNMENT',
      plannedStart: '2025-05-01',
      plannedEnd: '2025-04-01',
    });
    expect(dates.status).toBe(422);
    expect(dates.text).toContain('计划完工日期不能早于计划开工日期');
    expect(await t.services.db.livelihoodProject.count({ where: { name: '日期有误的项目' } })).toBe(0);
  });

  it('only staff collect candidates; the presidium shortlists', async () => {
    expect((await post('deputy', '/projects', { name: 'x' })).status).toBe(403);
    expect((await post('presidium', '/projects', { name: 'x' })).status).toBe(403);
    const p = await t.services.db.livelihoodProject.findFirstOrThrow({ where: { name: '东明村路灯项目' } });
    expect((await post('deputy', `/projects/${p.id}/shortlist`, { sessionId: String(pw.session.id) })).status).toBe(403);
    expect((await post('presidium', `/projects/${p.id}/shortlist`, { sessionId: String(pw.session.id) })).status).toBe(303);
    expect((await t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: p.id } })).phase).toBe('SHORTLISTED');
  });
});

describe('实施: status changes only through a progress row; history is kept', () => {
  const progress = (who: string, body: Record<string, string>) => post(who, `/projects/${w.project.id}/progress`, body);
  const rows = () => t.services.db.projectProgress.findMany({ where: { projectId: w.project.id }, orderBy: { id: 'asc' } });

  it('records dated updates, each one a new row', async () => {
    expect(
      (await progress('staff', { date: '2024-05-01', percent: '30', spentYuan: '30', status: 'IN_PROGRESS', note: '路基施工' })).status,
    ).toBe(303);
    expect(
      (await progress('staff', { date: '2024-09-01', percent: '100', spentYuan: '98.5', status: 'COMPLETED', note: '完工验收' })).status,
    ).toBe(303);
    const history = await rows();
    expect(history.map((r) => [r.status, r.percent, r.spentYuan])).toEqual([
      ['IN_PROGRESS', 30, 300_000],
      ['COMPLETED', 100, 985_000],
    ]);
    expect((await t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: w.project.id } })).status).toBe('COMPLETED');
    const page = await agents.deputy!.get(`/projects/${w.project.id}`);
    expect(page.text).toContain('累计投资30万元');
    expect(page.text).toContain('累计投资98.5万元');
  });

  it('refuses going back, and earlier rows stay as they were', async () => {
    const before = await rows();
    const res = await progress('staff', { date: '2024-10-01', percent: '100', spentYuan: '100', status: 'IN_PROGRESS', note: '返工' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('实施状态不能回退');
    expect(res.text).toContain('返工');
    expect(await rows()).toEqual(before);
    expect((await t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: w.project.id } })).status).toBe('COMPLETED');
  });

  it('no other route changes the status', async () => {
    const res = await post('staff', `/projects/${w.project.id}`, {
      year: '2024',
      name: '测试项目',
      budgetYuan: '100',
      source: 'GOVERNMENT',
      status: 'IN_USE',
      phase: 'COLLECTED',
    });
    expect(res.status).toBe(409);
    const p = await t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: w.project.id } });
    expect([p.status, p.phase]).toEqual(['COMPLETED', 'PASSED']);
  });

  it('deputies and other units cannot record progress', async () => {
    const other = await createUser(t.services.db, w.township.id, 'UNIT', { unitId: w.otherUnit.id });
    const agent = await loginAs(t.app, other.username, TEST_PASSWORD);
    const token = await csrfOf(agent);
    const body = { date: '2024-11-01', percent: '100', spentYuan: '100', status: 'IN_USE', note: '投入使用' };
    expect(
      (
        await agent
          .post(`/projects/${w.project.id}/progress`)
          .type('form')
          .send({ _csrf: token, ...body })
      ).status,
    ).toBe(403);
    expect((await progress('deputy', body)).status).toBe(403);
    expect(await rows()).toHaveLength(2);
  });

  it('an inspection is an activity of kind INSPECTION plus findings, counted once in 人次', async () => {
    const res = await post('presidium', `/projects/${w.project.id}/inspections`, {
      date: '2024-08-20',
      place: '工地',
      participantIds: [String(w.deputies.deputyA.id), String(w.deputies.deputyB.id)],
      otherAttendees: '1',
      findings: '路面质量良好',
      followUp: '',
    });
    expect(res.status).toBe(303);
    const inspection = await t.services.db.inspection.findFirstOrThrow({
      where: { projectId: w.project.id },
      include: { activity: { include: { participants: true } } },
    });
    expect(inspection.activity.kind).toBe('INSPECTION');
    expect(inspection.activity.participants).toHaveLength(2);
    const { items } = await t.services.activities.list(
      { ...w.users.staff, deputyId: null, unitId: null },
      { year: 2024, kind: 'INSPECTION' },
    );
    expect(items.map((a) => a.personTimes)).toEqual([3]);
  });
});

describe('监督任务: assign, accept, progress, report, review — each deputy only their own', () => {
  let taskId = 0;

  it('the presidium assigns a task to deputies, who are notified', async () => {
    const res = await post('presidium', '/tasks', {
      kind: 'INSPECT_PROJECT',
      title: '视察测试项目',
      description: '查看施工质量',
      dueDate: '2099-06-30',
      deputyIds: [String(w.deputies.deputyA.id), String(w.deputies.deputyB.id)],
      projectId: String(w.project.id),
    });
    expect(res.status).toBe(303);
    taskId = Number(res.headers.location!.split('/').pop());
    const task = await t.services.db.supervisionTask.findUniqueOrThrow({
      where: { id: taskId },
      include: { assignments: true, events: true },
    });
    expect(task.assignments).toHaveLength(2);
    expect(task.events.map((e) => e.action)).toEqual(['create', 'assign', 'assign']);
    const notes = await t.services.db.notification.findMany({ where: { kind: 'task.assigned', link: `/tasks/${taskId}` } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.users.deputy.id, w.users.deputy2.id].sort());
  });

  it('refuses a task without deputies, keeping the values', async () => {
    const res = await post('staff', '/tasks', { kind: 'SURVEY', title: '调研', dueDate: '2099-01-01' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请至少选择一位代表');
    expect(res.text).toContain('value="调研"');
  });

  it('a deputy cannot see or touch another deputy’s task', async () => {
    expect((await agents.deputy!.get(`/tasks/${pw.taskOfB.id}`)).status).toBe(404);
    for (const action of ['accept', 'progress', 'report']) {
      const res = await post('deputy', `/tasks/${pw.taskOfB.id}/${action}`, { note: 'x', reportText: 'x', reportDate: '2024-01-01' });
      expect(res.status, action).toBe(404);
    }
    const b = await t.services.db.supervisionTaskAssignment.findFirstOrThrow({ where: { taskId: pw.taskOfB.id } });
    expect(b.status).toBe('ASSIGNED');
    expect(await t.services.db.supervisionTaskEvent.count({ where: { taskId: pw.taskOfB.id } })).toBe(0);
    const list = await agents.deputy!.get('/me/tasks');
    expect(list.text).toContain('张代表的视察任务');
    expect(list.text).not.toContain('包代表的视察任务');
  });

  it('a deputy reviews nothing, and sees only their own part of a shared task', async () => {
    const a = await t.services.db.supervisionTaskAssignment.findFirstOrThrow({ where: { taskId, deputyId: w.deputies.deputyB.id } });
    expect((await post('deputy', `/tasks/${taskId}/assignments/${a.id}/approve`)).status).toBe(403);
    const page = await agents.deputy!.get(`/tasks/${taskId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('包代表');
  });

  it('a report needs acceptance first', async () => {
    const res = await post('deputy', `/tasks/${taskId}/report`, { reportText: '报告', reportDate: '2024-08-20' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('请先接受任务');
  });

  it('the assignee accepts, records progress and reports; the history has every step', async () => {
    expect((await post('deputy', `/tasks/${taskId}/accept`)).status).toBe(303);
    expect((await post('deputy', `/tasks/${taskId}/progress`, { note: '已联系施工单位' })).status).toBe(303);
    const bad = await post('deputy', `/tasks/${taskId}/report`, { reportText: '', reportDate: '2024-08-20', findings: '盖板未装' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写报告内容');
    expect(bad.text).toContain('盖板未装');
    expect(
      (await post('deputy', `/tasks/${taskId}/report`, { reportText: '实地查看了工地', reportDate: '2024-08-20', findings: '盖板未装' }))
        .status,
    ).toBe(303);
    const a = await t.services.db.supervisionTaskAssignment.findFirstOrThrow({ where: { taskId, deputyId: w.deputies.deputyA.id } });
    expect([a.status, a.reportText, a.findings]).toEqual(['SUBMITTED', '实地查看了工地', '盖板未装']);
    const events = await t.services.db.supervisionTaskEvent.findMany({
      where: { taskId, deputyId: w.deputies.deputyA.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['assign', 'accept', 'progress', 'submit']);
  });

  it('the assigner returns it, the deputy resubmits, the presidium approves; the last one closes the task', async () => {
    const a = await t.services.db.supervisionTaskAssignment.findFirstOrThrow({ where: { taskId, deputyId: w.deputies.deputyA.id } });
    const empty = await post('staff', `/tasks/${taskId}/assignments/${a.id}/return`, { reviewNote: '', assignmentId: String(a.id) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('请填写退回原因');
    expect((await post('staff', `/tasks/${taskId}/assignments/${a.id}/return`, { reviewNote: '请补充照片' })).status).toBe(303);
    expect((await post('deputy', `/tasks/${taskId}/report`, { reportText: '补充了照片', reportDate: '2024-08-21' })).status).toBe(303);
    expect((await post('presidium', `/tasks/${taskId}/assignments/${a.id}/approve`, { reviewNote: '报告已收悉' })).status).toBe(303);
    expect((await t.services.db.supervisionTaskAssignment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('CLOSED');
    expect((await t.services.db.supervisionTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('OPEN');
    // the second deputy finishes too: the task closes
    expect((await post('deputy2', `/tasks/${taskId}/accept`)).status).toBe(303);
    expect((await post('deputy2', `/tasks/${taskId}/report`, { reportText: '视察完毕', reportDate: '2024-08-20' })).status).toBe(303);
    const b = await t.services.db.supervisionTaskAssignment.findFirstOrThrow({ where: { taskId, deputyId: w.deputies.deputyB.id } });
    expect((await post('staff', `/tasks/${taskId}/assignments/${b.id}/approve`)).status).toBe(303);
    expect((await t.services.db.supervisionTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('CLOSED');
    const page = await agents.presidium!.get('/tasks/deputies');
    expect(page.text).toContain('张代表');
  });

  it('the auditor sees none of it', async () => {
    for (const path of ['/tasks', `/tasks/${taskId}`, '/tasks/deputies', '/sessions', `/sessions/${pw.session.id}/results`]) {
      expect((await agents.auditor!.get(path)).status, path).toBe(403);
    }
  });
});
