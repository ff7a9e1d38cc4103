import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { csrfOf, loginAs, type TestApp } from '../helpers/test-app.js';
import { createDeputy, createUser, TEST_PASSWORD, type ProjectsWorld, type World } from '../helpers/factories.js';
import { projectsTestApp } from '../helpers/projects-world.js';

/** 票决 through HTTP: each deputy once, only while open, only for their own congress, never for another. */
let t: TestApp;
let w: World;
let pw: ProjectsWorld;
let agents: Record<string, request.Agent>;
let csrf: Record<string, string>;

beforeAll(async () => {
  ({ t, w, pw, agents, csrf } = await projectsTestApp(['staff', 'presidium', 'deputy', 'deputy2']));
});
afterAll(() => t.close());

const sid = () => pw.session.id;
const [a, b] = [0, 1];
const ballot = (who: string, choices: string[], extra: Record<string, string> = {}) =>
  agents[who]!.post(`/sessions/${sid()}/ballots`)
    .type('form')
    .send({
      _csrf: csrf[who],
      [`choice_${pw.candidates[a]!.id}`]: choices[0],
      [`choice_${pw.candidates[b]!.id}`]: choices[1],
      ...extra,
    });
const votes = (deputyId?: number) => t.services.db.projectVote.count({ where: { sessionId: sid(), ...(deputyId ? { deputyId } : {}) } });

describe('票决 of a session', () => {
  it('offers 票决管理 on the sessions list to those the session page lets manage (one rule: canManageVoting)', async () => {
    expect((await agents.staff!.get('/sessions')).text).toContain('票决管理');
    expect((await agents.presidium!.get('/sessions')).text).not.toContain('票决管理');
    expect((await agents.presidium!.get(`/sessions/${sid()}`)).text).not.toContain(`action="/sessions/${sid()}/settings"`);
  });

  it('refuses ballots before voting opens, with nothing stored', async () => {
    const res = await ballot('deputy', ['FOR', 'FOR']);
    expect(res.status).toBe(409);
    expect(res.text).toContain('票决尚未开始');
    expect(await votes()).toBe(0);
  });

  it('staff set the rule; a present count above the number of deputies is refused', async () => {
    const bad = await agents
      .staff!.post(`/sessions/${sid()}/settings`)
      .type('form')
      .send({ _csrf: csrf.staff, votingRule: 'HALF_OF_PRESENT', presentCount: '4' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('出席人数不能超过本届代表总数3人');
    expect(bad.text).toContain('value="4"');
    expect((await t.services.db.congressSession.findUniqueOrThrow({ where: { id: sid() } })).votingRule).toBe('HALF_OF_ALL');
  });

  it('only staff open voting', async () => {
    expect((await agents.deputy!.post(`/sessions/${sid()}/open`).type('form').send({ _csrf: csrf.deputy })).status).toBe(403);
    const res = await agents.staff!.post(`/sessions/${sid()}/open`).type('form').send({ _csrf: csrf.staff });
    expect(res.status).toBe(303);
    expect((await t.services.db.congressSession.findUniqueOrThrow({ where: { id: sid() } })).votingStatus).toBe('OPEN');
  });

  it('asks for a choice on every candidate, keeping the choices made', async () => {
    const res = await agents
      .deputy!.post(`/sessions/${sid()}/ballots`)
      .type('form')
      .send({ _csrf: csrf.deputy, [`choice_${pw.candidates[a]!.id}`]: 'AGAINST' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('请对“候选项目乙”选择赞成、反对或弃权');
    expect(res.text).toMatch(/value="AGAINST" checked/);
    expect(await votes()).toBe(0);
  });

  it('a deputy votes online once; a second ballot is refused and changes nothing', async () => {
    expect((await ballot('deputy', ['FOR', 'AGAINST'])).status).toBe(303);
    expect(await votes(w.deputies.deputyA.id)).toBe(2);
    const again = await ballot('deputy', ['AGAINST', 'FOR']);
    expect(again.status).toBe(409);
    expect(again.text).toContain('您已经投过票了');
    const mine = await t.services.db.projectVote.findMany({ where: { deputyId: w.deputies.deputyA.id }, orderBy: { projectId: 'asc' } });
    expect(mine.map((v) => v.choice)).toEqual(['FOR', 'AGAINST']);
  });

  it('holds under concurrency: two ballots at once store exactly one', async () => {
    const results = await Promise.all([ballot('deputy2', ['FOR', 'FOR']), ballot('deputy2', ['AGAINST', 'AGAINST'])]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    expect(results.find((r) => r.status === 409)!.text).toContain('您已经投过票了');
    const stored = await t.services.db.projectVote.findMany({ where: { deputyId: w.deputies.deputyB.id } });
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((v) => v.choice)).size).toBe(1);
  });

  it('holds when the service itself is raced, past the early check', async () => {
    const ballotOf = { choices: { [pw.candidates[a]!.id]: 'FOR', [pw.candidates[b]!.id]: 'FOR' } as const, ratings: {} };
    const chair = { ...w.users.presidium, deputyId: w.deputies.chairDeputy.id };
    const settled = await Promise.allSettled([1, 2, 3].map(() => t.services.voting.castBallot(chair, sid(), ballotOf)));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled.filter((x) => x.status === 'rejected')) expect(String((s.reason as Error).message)).toContain('您已经投过票了');
    expect(await votes(w.deputies.chairDeputy.id)).toBe(2);
    await t.services.db.projectVote.deleteMany({ where: { deputyId: w.deputies.chairDeputy.id } });
  });

  it('a deputy cannot vote on behalf of another', async () => {
    const res = await ballot('presidium', ['FOR', 'FOR'], { deputyId: String(w.deputies.deputyA.id) });
    expect(res.status).toBe(403);
    expect(res.text).toContain('不能代替其他代表投票');
    expect(await votes(w.deputies.chairDeputy.id)).toBe(0);
    expect(await votes(w.deputies.deputyA.id)).toBe(2);
  });

  it('a deputy of another congress cannot vote at this session', async () => {
    const old = await t.services.db.congress.create({
      data: { townshipId: w.township.id, term: 18, startDate: new Date('2016-01-01T00:00:00+08:00') },
    });
    const outsider = await createDeputy(t.services.db, w.township.id, { name: '外届代表', congressId: old.id });
    const u = await createUser(t.services.db, w.township.id, 'DEPUTY', { deputyId: outsider.id });
    const agent = await loginAs(t.app, u.username, TEST_PASSWORD);
    const token = await csrfOf(agent);
    const res = await agent
      .post(`/sessions/${sid()}/ballots`)
      .type('form')
      .send({ _csrf: token, [`choice_${pw.candidates[a]!.id}`]: 'FOR', [`choice_${pw.candidates[b]!.id}`]: 'FOR' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('不是镇第十九届人民代表大会的代表');
    expect(await votes(outsider.id)).toBe(0);
  });

  it('refuses paper counts that exceed the number of deputies, storing none', async () => {
    const res = await agents
      .staff!.post(`/sessions/${sid()}/tallies`)
      .type('form')
      .send({
        _csrf: csrf.staff,
        [`for_${pw.candidates[a]!.id}`]: '1',
        [`for_${pw.candidates[b]!.id}`]: '2',
      });
    expect(res.status).toBe(422);
    expect(res.text).toContain('“候选项目乙”票数合计4票（含网上投票2票），超过本届代表总数3人');
    expect(res.text).toContain('value="2"');
    expect(await t.services.db.projectPaperTally.count()).toBe(0);
  });

  it('staff enter the counted paper ballot of the deputy who voted on paper', async () => {
    const res = await agents
      .staff!.post(`/sessions/${sid()}/tallies`)
      .type('form')
      .send({
        _csrf: csrf.staff,
        [`for_${pw.candidates[a]!.id}`]: '1',
        [`against_${pw.candidates[b]!.id}`]: '1',
      });
    expect(res.status).toBe(303);
    expect(await t.services.db.projectPaperTally.count({ where: { sessionId: sid() } })).toBe(2);
  });

  it('deputies see no running count; the office does', async () => {
    expect((await agents.deputy!.get(`/sessions/${sid()}/results`)).text).toContain('票决结束后公布结果');
    const office = await agents.presidium!.get(`/sessions/${sid()}/results`);
    expect(office.text).toContain('实时计票');
  });

  it('closing decides by the rule and locks the result', async () => {
    const res = await agents.staff!.post(`/sessions/${sid()}/close`).type('form').send({ _csrf: csrf.staff });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/sessions/${sid()}/results`);
    const [p1, p2] = await Promise.all(
      pw.candidates.map((c) => t.services.db.livelihoodProject.findUniqueOrThrow({ where: { id: c.id } })),
    );
    // 3 deputies: 2 赞成 are needed. 甲 has A's and the paper ballot; 乙 at most B's one.
    expect(p1!.phase).toBe('PASSED');
    expect(p2!.phase).toBe('REJECTED');
    const session = await t.services.db.congressSession.findUniqueOrThrow({ where: { id: sid() } });
    expect(session.votingStatus).toBe('CLOSED');
    expect(session.presentCount).toBe(3);
    const page = await agents.deputy!.get(`/sessions/${sid()}/results`);
    expect(page.text).toContain('结果已锁定');
    expect(page.text).toContain('未通过');
    expect(await t.services.db.auditLog.count({ where: { action: 'vote.close' } })).toBe(1);
  });

  it('after closing: no ballot, no paper count, no new rule, no reopening', async () => {
    const before = await votes();
    const late = await ballot('presidium', ['FOR', 'FOR']);
    expect(late.status).toBe(409);
    expect(late.text).toContain('票决已经结束');
    expect(await votes()).toBe(before);
    const paper = await agents
      .staff!.post(`/sessions/${sid()}/tallies`)
      .type('form')
      .send({ _csrf: csrf.staff, [`for_${pw.candidates[b]!.id}`]: '1' });
    expect(paper.status).toBe(409);
    const tally = await t.services.db.projectPaperTally.findFirstOrThrow({ where: { projectId: pw.candidates[b]!.id } });
    expect(tally.forCount).toBe(0);
    expect(
      (
        await agents
          .staff!.post(`/sessions/${sid()}/settings`)
          .type('form')
          .send({ _csrf: csrf.staff, votingRule: 'HALF_OF_PRESENT', presentCount: '2' })
      ).status,
    ).toBe(409);
    expect((await agents.staff!.post(`/sessions/${sid()}/open`).type('form').send({ _csrf: csrf.staff })).status).toBe(409);
  });
});
