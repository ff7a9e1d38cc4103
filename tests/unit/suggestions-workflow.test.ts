import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  addMonths,
  afterRating,
  availableActions,
  canStillReturnAssignment,
  check,
  maxExtendedDeadline,
  rehandlingDeadline,
  replyDeadline,
  type ActionName,
  type WorkflowContext,
} from '../../src/features/suggestions/suggestions.workflow.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { Role, SuggestionStatus } from '../../src/generated/prisma/enums.js';
import { toDateInput, parseDateInput } from '../../src/lib/format.js';

const user = (role: Role, extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 100,
  townshipId: 1,
  username: 'u',
  role,
  title: '',
  displayName: 'U',
  deputyId: null,
  unitId: null,
  ...extra,
});

// The people around one suggestion: lead deputy 1, lead unit 10, assisting unit 11, supervisor user 5.
const people = {
  staff: user('STAFF'),
  leadDeputy: user('DEPUTY', { deputyId: 1 }),
  otherDeputy: user('DEPUTY', { deputyId: 2 }),
  leadUnit: user('UNIT', { unitId: 10 }),
  assistUnit: user('UNIT', { unitId: 11 }),
  otherUnit: user('UNIT', { unitId: 12 }),
  supervisor: user('PRESIDIUM', { id: 5 }),
  otherPresidium: user('PRESIDIUM', { id: 6 }),
  auditor: user('AUDITOR'),
};
type Person = keyof typeof people;

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

/**
 * The specification, written out by hand from the issue: who may fire each action, in which states.
 * Everything not listed must be refused: 403 for the wrong person, 409 for the wrong moment.
 */
const SPEC: Record<ActionName, { who: Person[]; states: SuggestionStatus[] }> = {
  submit: { who: ['leadDeputy', 'staff'], states: ['DRAFT', 'RETURNED'] },
  accept: { who: ['staff'], states: ['SUBMITTED'] },
  return: { who: ['staff'], states: ['SUBMITTED'] },
  merge: { who: ['staff'], states: ['SUBMITTED', 'ACCEPTED'] },
  toReference: { who: ['staff'], states: ['SUBMITTED', 'ACCEPTED'] },
  assign: { who: ['staff'], states: ['ACCEPTED'] },
  sign: { who: ['leadUnit'], states: ['ASSIGNED'] },
  returnAssignment: { who: ['leadUnit'], states: ['ASSIGNED', 'HANDLING'] },
  logContact: { who: ['leadUnit', 'assistUnit'], states: ['HANDLING', 'IMPLEMENTING'] },
  assistOpinion: { who: ['assistUnit'], states: ['ASSIGNED', 'HANDLING'] },
  requestExtension: { who: ['leadUnit'], states: ['HANDLING'] },
  decideExtension: { who: ['supervisor', 'otherPresidium'], states: ['HANDLING'] },
  reply: { who: ['leadUnit'], states: ['HANDLING'] },
  rate: { who: ['leadDeputy', 'staff'], states: ['REPLIED'] },
  implementationUpdate: { who: ['leadUnit'], states: ['IMPLEMENTING'] },
  markImplemented: { who: ['staff'], states: ['IMPLEMENTING'] },
  confirm: { who: ['leadDeputy', 'staff'], states: ['IMPLEMENTED'] },
  setKey: { who: ['staff'], states: ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'IMPLEMENTED'] },
  supervise: { who: ['supervisor'], states: ['ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'IMPLEMENTED'] },
  setPublic: { who: ['staff'], states: ['REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED'] },
};

const NOW = new Date('2024-03-10T09:00:00+08:00');
const ctx = (status: SuggestionStatus, extra: Partial<WorkflowContext> = {}): WorkflowContext => ({
  now: NOW,
  assignedAt: new Date('2024-03-08T09:00:00+08:00'),
  deadline: new Date('2024-06-08T00:00:00+08:00'),
  extension: { pending: false, used: false },
  status,
  leadDeputyId: 1,
  supervisorId: 5,
  leadUnitIds: [10],
  assistUnitIds: [11],
  replyCategory: 'A',
  round: 1,
  ...extra,
});

describe('the workflow table matches the specification', () => {
  it('defines exactly the specified actions', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(SPEC).sort());
  });

  for (const [action, spec] of Object.entries(SPEC) as Array<[ActionName, (typeof SPEC)[ActionName]]>) {
    describe(action, () => {
      for (const person of Object.keys(people) as Person[]) {
        it(`${person}: allowed in ${spec.who.includes(person) ? spec.states.join(', ') : 'no state'}`, () => {
          for (const state of STATES) {
            // 审批延期 needs a pending request; every other action's finer rule holds in the default context.
            const extra = action === 'decideExtension' ? { extension: { pending: true, used: true } } : {};
            const result = check(people[person], action, ctx(state, extra));
            const expected = !spec.who.includes(person) ? 403 : spec.states.includes(state) ? 'ok' : 409;
            expect(result.ok ? 'ok' : result.status, `${action} by ${person} in ${state}`).toBe(expected);
            if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
          }
        });
      }
    });
  }
});

describe('where each transition leads', () => {
  const to = (action: ActionName, c: WorkflowContext, input = {}) => {
    const r = check(
      action === 'rate' || action === 'confirm' || action === 'submit'
        ? people.leadDeputy
        : action === 'supervise'
          ? people.supervisor
          : ['sign', 'reply', 'returnAssignment', 'implementationUpdate', 'requestExtension', 'logContact'].includes(action)
            ? people.leadUnit
            : people.staff,
      action,
      c,
      input,
    );
    return r.ok ? r.to : `refused ${r.status}`;
  };
  it('follows 提出 → 立案 → 交办 → 签收 → 答复', () => {
    expect(to('submit', ctx('DRAFT'))).toBe('SUBMITTED');
    expect(to('accept', ctx('SUBMITTED'))).toBe('ACCEPTED');
    expect(to('assign', ctx('ACCEPTED'))).toBe('ASSIGNED');
    expect(to('sign', ctx('ASSIGNED'))).toBe('HANDLING');
    expect(to('reply', ctx('HANDLING'))).toBe('REPLIED');
    expect(to('returnAssignment', ctx('HANDLING'))).toBe('ACCEPTED');
    expect(to('logContact', ctx('HANDLING'))).toBeNull();
  });
  it('after the rating: 不满意 sends it back once; B stays open until carried out; A and C close', () => {
    expect(to('rate', ctx('REPLIED', { replyCategory: 'B' }), { result: 'DISSATISFIED' })).toBe('HANDLING');
    expect(to('rate', ctx('REPLIED', { replyCategory: 'B', round: 2 }), { result: 'DISSATISFIED' })).toBe('IMPLEMENTING');
    expect(to('rate', ctx('REPLIED', { replyCategory: 'B' }), { result: 'SATISFIED' })).toBe('IMPLEMENTING');
    expect(to('rate', ctx('REPLIED', { replyCategory: 'A' }), { result: 'BASICALLY_SATISFIED' })).toBe('CLOSED');
    expect(to('rate', ctx('REPLIED', { replyCategory: 'C' }), { result: 'SATISFIED' })).toBe('CLOSED');
    expect(afterRating(ctx('REPLIED', { replyCategory: 'A', round: 2 }), 'DISSATISFIED')).toBe('CLOSED');
    expect(to('markImplemented', ctx('IMPLEMENTING'))).toBe('IMPLEMENTED');
    expect(to('confirm', ctx('IMPLEMENTED'))).toBe('CLOSED');
  });
  it('lists only what the person may do now', () => {
    expect(availableActions(people.leadUnit, ctx('ASSIGNED'))).toEqual(['sign', 'returnAssignment']);
    expect(availableActions(people.leadDeputy, ctx('REPLIED'))).toEqual(['rate']);
    expect(availableActions(people.otherDeputy, ctx('REPLIED'))).toEqual([]);
    expect(availableActions(people.auditor, ctx('HANDLING'))).toEqual([]);
  });
  it('a unit officer without a unit, or a deputy without a deputy record, is nobody', () => {
    expect(check(user('UNIT'), 'sign', ctx('ASSIGNED')).ok).toBe(false);
    expect(check(user('DEPUTY'), 'submit', ctx('DRAFT')).ok).toBe(false);
  });
});

describe('the finer rules are part of each action guard', () => {
  const refusal = (person: Person, action: ActionName, c: WorkflowContext) => {
    const r = check(people[person], action, c);
    return r.ok ? 'ok' : `${r.status} ${r.message}`;
  };
  it('申请延期: once, not while re-handling, only with a deadline', () => {
    expect(refusal('leadUnit', 'requestExtension', ctx('HANDLING'))).toBe('ok');
    expect(refusal('leadUnit', 'requestExtension', ctx('HANDLING', { round: 2 }))).toMatch(/^409 重新办理期间/);
    expect(refusal('leadUnit', 'requestExtension', ctx('HANDLING', { extension: { pending: true, used: true } }))).toMatch(
      /^409 每件建议只能申请一次延期/,
    );
    expect(refusal('leadUnit', 'requestExtension', ctx('HANDLING', { extension: { pending: false, used: true } }))).toMatch(/^409/);
    expect(refusal('leadUnit', 'requestExtension', ctx('HANDLING', { deadline: null }))).toMatch(/^409 这件建议没有答复期限/);
    // The role comes first: another unit is told it may not, not why it could not now.
    expect(refusal('otherUnit', 'requestExtension', ctx('HANDLING', { round: 2 }))).toMatch(/^403/);
  });
  it('审批延期 only with a pending request', () => {
    expect(refusal('supervisor', 'decideExtension', ctx('HANDLING'))).toBe('409 没有待审批的延期申请。');
    expect(refusal('supervisor', 'decideExtension', ctx('HANDLING', { extension: { pending: true, used: true } }))).toBe('ok');
  });
  it('退回交办 within 7 days of 交办 only', () => {
    const assignedAt = new Date('2024-03-01T09:00:00+08:00');
    expect(refusal('leadUnit', 'returnAssignment', ctx('ASSIGNED', { assignedAt, now: new Date('2024-03-08T09:00:00+08:00') }))).toBe('ok');
    expect(refusal('leadUnit', 'returnAssignment', ctx('ASSIGNED', { assignedAt, now: new Date('2024-03-08T09:01:00+08:00') }))).toMatch(
      /^409 交办已超过7天/,
    );
    expect(refusal('leadUnit', 'returnAssignment', ctx('ASSIGNED', { assignedAt: null }))).toMatch(/^409/);
  });
  it('the buttons are exactly the actions the guard lets through, in every context', () => {
    const contexts = [
      {},
      { round: 2 },
      { extension: { pending: true, used: true } },
      { extension: { pending: false, used: true } },
      { assignedAt: new Date('2024-02-01T09:00:00+08:00') },
      { deadline: null, assignedAt: null },
    ];
    for (const extra of contexts)
      for (const state of STATES)
        for (const person of Object.keys(people) as Person[]) {
          const c = ctx(state, extra);
          const buttons = availableActions(people[person], c);
          for (const action of Object.keys(ACTIONS) as ActionName[])
            expect(buttons.includes(action), `${action} by ${person} in ${state} ${JSON.stringify(extra)}`).toBe(
              check(people[person], action, c).ok,
            );
        }
    // The defect of issue 13: no 申请延期 button in a re-handling round.
    expect(availableActions(people.leadUnit, ctx('HANDLING', { round: 2 }))).not.toContain('requestExtension');
  });
});

describe('deadline arithmetic (China time)', () => {
  const d = (s: string) => parseDateInput(s)!;
  it('gives 3 months from 交办, 6 when 涉及面广、处理难度大', () => {
    expect(toDateInput(replyDeadline(d('2024-03-15'), false))).toBe('2024-06-15');
    expect(toDateInput(replyDeadline(d('2024-03-15'), true))).toBe('2024-09-15');
    // Assigned late in the evening, China time, still counts from that day.
    expect(toDateInput(replyDeadline(new Date('2024-03-15T15:30:00Z'), false))).toBe('2024-06-15');
  });
  it('clamps to the end of shorter months and crosses years', () => {
    expect(toDateInput(addMonths(d('2023-11-30'), 3))).toBe('2024-02-29');
    expect(toDateInput(addMonths(d('2023-11-30'), 6))).toBe('2024-05-30');
    expect(toDateInput(addMonths(d('2024-08-31'), 6))).toBe('2025-02-28');
  });
  it('allows an extension of at most 3 months and a re-reply within 1 month', () => {
    expect(toDateInput(maxExtendedDeadline(d('2024-06-15')))).toBe('2024-09-15');
    expect(toDateInput(rehandlingDeadline(d('2024-01-31')))).toBe('2024-02-29');
  });
  it('lets a unit return a wrong assignment within 7 days only', () => {
    const at = new Date('2024-03-01T09:00:00+08:00');
    expect(canStillReturnAssignment(at, new Date('2024-03-08T09:00:00+08:00'))).toBe(true);
    expect(canStillReturnAssignment(at, new Date('2024-03-08T09:01:00+08:00'))).toBe(false);
  });
});
