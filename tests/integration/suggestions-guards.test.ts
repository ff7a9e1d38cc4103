import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app.js';
import { createUser, createWorld, TEST_PASSWORD, type World } from '../helpers/factories.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { SuggestionStatus } from '../../src/generated/prisma/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/errors.js';
import { ACTIONS, type ActionName } from '../../src/features/suggestions/suggestions.workflow.js';
import { actionPaths, type ActionInput } from '../../src/features/suggestions/suggestions.schemas.js';

/**
 * The buttons and the action agree, for every action × person × state (and the finer situations:
 * a re-handling round, a pending or used extension, an assignment older than 7 days): the page
 * shows a form for an action exactly when firing it passes its guard. Each firing runs in a
 * transaction that is rolled back, so every fixture stays as it was.
 */
const clock = new Date('2024-05-10T09:00:00+08:00');
const day = (n: number) => new Date(clock.getTime() + n * 24 * 3600 * 1000);

let t: TestApp;
let w: World;
const users: Record<string, CurrentUser> = {};
const agents: Record<string, request.Agent> = {};
const fixtures: Array<{ name: string; id: number }> = [];

const STATES: SuggestionStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'ASSIGNED',
  'HANDLING',
  'REPLIED',
  'IMPLEMENTING',
  'IMPLEMENTED',
  'CLOSED',
  'MERGED',
  'REFERENCE',
];

/** A valid input for each action, so that only the guard can refuse. */
const input: { [A in ActionName]: ActionInput[A] } = {
  submit: { note: '' },
  accept: { note: '' },
  return: { reason: '请补充具体位置' },
  merge: { duplicateOfCode: '2024-1', reason: '内容重复' },
  toReference: { reason: '不属于建议范围' },
  assign: { leadUnitId: 0, assistUnitIds: [], isComplex: false },
  sign: { note: '' },
  returnAssignment: { reason: '交办有误' },
  logContact: { date: day(0), way: 'PHONE', summary: '电话沟通' },
  assistOpinion: { content: '同意配合' },
  requestExtension: { newDeadline: day(70), reason: '需要纳入预算' },
  decideExtension: { decision: 'approve', note: '' },
  reply: { category: 'A', content: '已经解决，谢谢代表的建议。', plannedCompletion: null },
  rate: { attitude: 'SATISFIED', result: 'SATISFIED', comment: '' },
  implementationUpdate: { date: day(0), content: '已完成一半' },
  markImplemented: { note: '' },
  confirm: { note: '' },
  setKey: { isKey: true, supervisorId: 0 },
  supervise: { way: 'CALL', date: day(0), note: '电话督办' },
  setPublic: { withheld: true },
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  w = await createWorld(t.services.db);
  const db = t.services.db;
  const tw = w.township.id;
  await createUser(db, tw, 'UNIT', { username: 'assistunit', unitId: w.otherUnit.id });
  await createUser(db, tw, 'PRESIDIUM', { username: 'member2' });
  input.assign.leadUnitId = w.unit.id;
  input.setKey.supervisorId = w.users.presidium.id;
  for (const name of ['staff', 'chair', 'member2', 'deputy', 'deputy2', 'unit', 'assistunit', 'auditor']) {
    agents[name] = await loginAs(t.app, name, TEST_PASSWORD);
    const u = await db.user.findUniqueOrThrow({ where: { username: name } });
    users[name] = (await t.services.auth.findSessionUser(u.id))!;
  }

  /** A suggestion of deputyA (co-signed by deputyB) in `status`, assigned where the state implies it. */
  const make = async (name: string, status: SuggestionStatus, extra: { assignedDaysAgo?: number; round2?: boolean } = {}) => {
    const assigned = !['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'MERGED', 'REFERENCE'].includes(status);
    const s = await db.suggestion.create({
      data: {
        townshipId: tw,
        year: 2024,
        number: ['DRAFT', 'SUBMITTED', 'RETURNED'].includes(status) ? null : 100 + fixtures.length,
        title: `守卫测试 ${name}`,
        content: '守卫测试的建议内容。',
        category: 'OTHER',
        leadDeputyId: w.deputies.deputyA.id,
        createdById: w.users.deputy.id,
        status,
        supervisorId: w.users.presidium.id,
        isKey: true,
        assignedAt: assigned ? day(-(extra.assignedDaysAgo ?? 2)) : null,
        deadline: assigned ? day(60) : null,
        coSigners: { create: [{ deputyId: w.deputies.deputyB.id }] },
      },
    });
    if (assigned) {
      await db.suggestionAssignment.createMany({
        data: [
          { suggestionId: s.id, unitId: w.unit.id, role: 'LEAD', assignedAt: day(-2) },
          { suggestionId: s.id, unitId: w.otherUnit.id, role: 'ASSIST', assignedAt: day(-2) },
        ],
      });
    }
    if (['REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'].includes(status) || extra.round2) {
      const reply = await db.reply.create({ data: { suggestionId: s.id, unitId: w.unit.id, category: 'B', content: '列入计划' } });
      if (extra.round2) {
        await db.satisfaction.create({
          data: { suggestionId: s.id, replyId: reply.id, deputyId: w.deputies.deputyA.id, attitude: 'SATISFIED', result: 'DISSATISFIED' },
        });
      }
    }
    fixtures.push({ name, id: s.id });
    return s;
  };
  for (const status of STATES) await make(status, status);
  await make('HANDLING, re-handling round', 'HANDLING', { round2: true });
  await make('ASSIGNED 10 days ago', 'ASSIGNED', { assignedDaysAgo: 10 });
  const pending = await make('HANDLING, extension pending', 'HANDLING');
  await db.deadlineExtension.create({
    data: { suggestionId: pending.id, unitId: w.unit.id, requestedById: w.users.unit.id, reason: '延期', newDeadline: day(80) },
  });
  const approved = await make('HANDLING, extension approved', 'HANDLING');
  await db.deadlineExtension.create({
    data: {
      suggestionId: approved.id,
      unitId: w.unit.id,
      requestedById: w.users.unit.id,
      reason: '延期',
      newDeadline: day(60),
      status: 'APPROVED',
    },
  });
});
afterAll(() => t.close());

const ROLLBACK = new Error('rollback');

/** Does firing `action` pass its guard? (The work is rolled back; an input error means it passed.) */
async function passes<A extends ActionName>(user: CurrentUser, id: number, action: A): Promise<boolean> {
  const s = await t.services.db.suggestion.findUniqueOrThrow({ where: { id } });
  try {
    await t.services.db.$transaction(async (tx) => {
      await t.services.suggestions.fire(user, id, action, input[action], s.version, tx);
      throw ROLLBACK;
    });
  } catch (e) {
    if (e === ROLLBACK || e instanceof ValidationError) return true;
    if (e instanceof ForbiddenError || e instanceof ConflictError || e instanceof NotFoundError) return false;
    throw e;
  }
  return true;
}

/** The actions whose forms the page shows this person. */
async function buttons(person: string, id: number): Promise<ActionName[]> {
  const page = await agents[person]!.get(`/suggestions/${id}`);
  if (page.status === 404 || page.status === 403) return []; // out of scope, or a role that reads no suggestions
  expect(page.status).toBe(200);
  const paths = new Set([...page.text.matchAll(new RegExp(`action="/suggestions/${id}/([a-z-]+)"`, 'g'))].map((m) => m[1]));
  return (Object.keys(ACTIONS) as ActionName[]).filter((a) => paths.has(actionPaths[a]));
}

describe('the buttons on the page and the action agree', () => {
  it('for every action × person × state', async () => {
    const disagreements: string[] = [];
    let allowed = 0;
    for (const f of fixtures) {
      for (const person of Object.keys(agents)) {
        const shown = await buttons(person, f.id);
        const service = await t.services.suggestions.get(users[person]!, f.id).then(
          (s) => s.actions,
          () => [] as ActionName[],
        );
        expect(shown, `${person} on ${f.name}: the page renders exactly s.actions`).toEqual(service);
        for (const action of Object.keys(ACTIONS) as ActionName[]) {
          const ok = await passes(users[person]!, f.id, action);
          if (ok) allowed++;
          if (ok !== shown.includes(action)) disagreements.push(`${action} by ${person} on ${f.name}: button ${!ok}, action ${ok}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(allowed).toBeGreaterThan(40); // the table is not vacuous: many actions pass somewhere
  }, 120_000);

  it('the situations of issue 13 in particular', async () => {
    const id = (name: string) => fixtures.find((f) => f.name === name)!.id;
    expect(await buttons('unit', id('HANDLING'))).toContain('requestExtension');
    expect(await buttons('unit', id('HANDLING, re-handling round'))).not.toContain('requestExtension');
    expect(await passes(users.unit!, id('HANDLING, re-handling round'), 'requestExtension')).toBe(false);
    expect(await buttons('unit', id('HANDLING, extension approved'))).not.toContain('requestExtension');
    expect(await buttons('chair', id('HANDLING, extension pending'))).toContain('decideExtension');
    expect(await buttons('chair', id('HANDLING'))).not.toContain('decideExtension');
    expect(await buttons('unit', id('ASSIGNED'))).toContain('returnAssignment');
    expect(await buttons('unit', id('ASSIGNED 10 days ago'))).not.toContain('returnAssignment');
  });
});
