import { describe, expect, it } from 'vitest';
import { decide, paperCountProblem, presentOf, tally } from '../../src/features/projects/projects.voting.js';
import { progressProblems } from '../../src/features/projects/projects.service.js';
import { canRecordProgress } from '../../src/features/projects/projects.policy.js';
import { canReviewAssignment, canViewTask } from '../../src/features/tasks/tasks.policy.js';
import type { CurrentUser } from '../../src/auth/current-user.js';
import type { Role } from '../../src/generated/prisma/enums.js';

const c = (f: number, a: number, ab: number) => ({ for: f, against: a, abstain: ab });

describe('decide: a candidate passes when 赞成 exceeds half of the base', () => {
  it('HALF_OF_ALL counts every deputy of the congress, present or not', () => {
    expect(decide('HALF_OF_ALL', c(20, 10, 4), 38, 34)).toEqual({ passed: true, base: 38, needed: 20 });
    expect(decide('HALF_OF_ALL', c(19, 0, 15), 38, 34).passed).toBe(false);
  });

  it('HALF_OF_PRESENT counts only those present', () => {
    expect(decide('HALF_OF_PRESENT', c(18, 10, 6), 38, 34)).toEqual({ passed: true, base: 34, needed: 18 });
    expect(decide('HALF_OF_PRESENT', c(17, 10, 7), 38, 34).passed).toBe(false);
    // the same votes fail under the stricter rule
    expect(decide('HALF_OF_ALL', c(18, 10, 6), 38, 34).passed).toBe(false);
  });

  it('exactly half is a tie and does not pass; an odd base needs the next whole vote', () => {
    expect(decide('HALF_OF_ALL', c(19, 19, 0), 38, 38).passed).toBe(false);
    expect(decide('HALF_OF_ALL', c(18, 0, 0), 37, 37)).toMatchObject({ passed: false, needed: 19 });
    expect(decide('HALF_OF_ALL', c(19, 0, 0), 37, 37).passed).toBe(true);
  });

  it('abstentions count as ballots but never as 赞成', () => {
    expect(decide('HALF_OF_PRESENT', c(10, 0, 30), 40, 40).passed).toBe(false);
    expect(decide('HALF_OF_PRESENT', c(21, 0, 19), 40, 40).passed).toBe(true);
  });

  it('nothing passes with nobody to count', () => {
    expect(decide('HALF_OF_PRESENT', c(0, 0, 0), 38, 0).passed).toBe(false);
  });
});

describe('tally: online ballots and counted paper ballots add up per candidate', () => {
  it('adds both kinds', () => {
    const result = tally(
      [
        { projectId: 1, choice: 'FOR' },
        { projectId: 1, choice: 'AGAINST' },
        { projectId: 1, choice: 'ABSTAIN' },
        { projectId: 2, choice: 'FOR' },
      ],
      [
        { projectId: 1, forCount: 10, againstCount: 2, abstainCount: 1 },
        { projectId: 3, forCount: 5, againstCount: 0, abstainCount: 0 },
      ],
    );
    expect(result.get(1)).toEqual(c(11, 3, 2));
    expect(result.get(2)).toEqual(c(1, 0, 0));
    expect(result.get(3)).toEqual(c(5, 0, 0));
  });

  it('an online and a paper majority together decide', () => {
    const counts = tally(
      [
        { projectId: 1, choice: 'FOR' },
        { projectId: 1, choice: 'FOR' },
      ],
      [{ projectId: 1, forCount: 18, againstCount: 3, abstainCount: 1 }],
    );
    expect(decide('HALF_OF_ALL', counts.get(1)!, 38, 24).passed).toBe(true);
  });

  it('present falls back to the ballots cast when staff did not enter it', () => {
    expect(presentOf(null, 30)).toBe(30);
    expect(presentOf(33, 30)).toBe(33);
  });
});

describe('paper counts may not exceed the number of deputies', () => {
  it('refuses more ballots than deputies, online ballots included', () => {
    expect(paperCountProblem(c(30, 5, 3), 0, 38)).toBeNull();
    expect(paperCountProblem(c(30, 5, 4), 0, 38)).toContain('超过本届代表总数38人');
    expect(paperCountProblem(c(30, 5, 1), 3, 38)).toContain('含网上投票3票');
  });
});

describe('progress updates', () => {
  const d = (s: string) => new Date(`${s}T00:00:00+08:00`);
  it('move forward only, never before the last update, and finish at 100%', () => {
    expect(
      progressProblems(
        { status: 'IN_PROGRESS', date: d('2024-05-01'), percent: 40 },
        { status: 'IN_PROGRESS', date: d('2024-06-01'), percent: 60 },
      ),
    ).toEqual({});
    expect(
      progressProblems(
        { status: 'COMPLETED', date: d('2024-05-01'), percent: 100 },
        { status: 'IN_PROGRESS', date: d('2024-06-01'), percent: 100 },
      ),
    ).toHaveProperty('status');
    expect(
      progressProblems(
        { status: 'IN_PROGRESS', date: d('2024-05-01'), percent: 40 },
        { status: 'IN_PROGRESS', date: d('2024-04-01'), percent: 50 },
      ),
    ).toHaveProperty('date');
    expect(
      progressProblems({ status: 'IN_PROGRESS', date: null, percent: 40 }, { status: 'COMPLETED', date: d('2024-04-01'), percent: 90 }),
    ).toHaveProperty('percent');
    expect(
      progressProblems({ status: 'IN_PROGRESS', date: null, percent: 40 }, { status: 'IN_PROGRESS', date: d('2024-04-01'), percent: 30 }),
    ).toHaveProperty('percent');
  });
});

const user = (role: Role, extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 1,
  townshipId: 7,
  username: 'u',
  role,
  title: '',
  displayName: 'U',
  deputyId: null,
  unitId: null,
  ...extra,
});

describe('policies', () => {
  it('progress: staff, the following presidium member, the responsible unit', () => {
    const p = { followerId: 5, responsibleUnitId: 9 };
    expect(canRecordProgress(user('STAFF'), p)).toBe(true);
    expect(canRecordProgress(user('PRESIDIUM', { id: 5 }), p)).toBe(true);
    expect(canRecordProgress(user('PRESIDIUM', { id: 6 }), p)).toBe(false);
    expect(canRecordProgress(user('UNIT', { unitId: 9 }), p)).toBe(true);
    expect(canRecordProgress(user('UNIT', { unitId: 8 }), p)).toBe(false);
    expect(canRecordProgress(user('DEPUTY', { deputyId: 1 }), p)).toBe(false);
  });

  it('tasks: a deputy sees only tasks assigned to them; nobody reviews their own report', () => {
    expect(canViewTask(user('DEPUTY', { deputyId: 3 }), [{ deputyId: 3 }])).toBe(true);
    expect(canViewTask(user('DEPUTY', { deputyId: 4 }), [{ deputyId: 3 }])).toBe(false);
    expect(canViewTask(user('AUDITOR'), [{ deputyId: 3 }])).toBe(false);
    expect(canViewTask(user('STAFF'), [])).toBe(true);
    expect(canReviewAssignment(user('PRESIDIUM', { deputyId: 3 }), { deputyId: 3 })).toBe(false);
    expect(canReviewAssignment(user('PRESIDIUM', { deputyId: 3 }), { deputyId: 4 })).toBe(true);
    expect(canReviewAssignment(user('DEPUTY', { deputyId: 3 }), { deputyId: 4 })).toBe(false);
  });
});
