/**
 * The counting rules of 票决: pure functions, no database. A candidate passes when its 赞成 votes
 * exceed half of the base — all deputies of the congress (HALF_OF_ALL) or those present
 * (HALF_OF_PRESENT). Exactly half is not more than half: a tie at the threshold fails.
 */
import type { VoteChoice, VotingRule } from '../../generated/prisma/enums.js';

export type Counts = { for: number; against: number; abstain: number };

export const ZERO: Counts = Object.freeze({ for: 0, against: 0, abstain: 0 });

export const ballots = (c: Counts): number => c.for + c.against + c.abstain;

/** Adds online ballots (one row per deputy and candidate) and counted paper ballots per candidate. */
export function tally(
  online: ReadonlyArray<{ projectId: number; choice: VoteChoice }>,
  paper: ReadonlyArray<{ projectId: number; forCount: number; againstCount: number; abstainCount: number }> = [],
): Map<number, Counts> {
  const result = new Map<number, Counts>();
  const get = (id: number) => {
    let c = result.get(id);
    if (!c) result.set(id, (c = { ...ZERO }));
    return c;
  };
  for (const v of online) {
    const c = get(v.projectId);
    if (v.choice === 'FOR') c.for++;
    else if (v.choice === 'AGAINST') c.against++;
    else c.abstain++;
  }
  for (const p of paper) {
    const c = get(p.projectId);
    c.for += p.forCount;
    c.against += p.againstCount;
    c.abstain += p.abstainCount;
  }
  return result;
}

export type Decision = { passed: boolean; base: number; needed: number };

/**
 * Whether a candidate passes. `present` is the number of deputies present (for HALF_OF_PRESENT);
 * `needed` is the smallest number of 赞成 votes that passes.
 */
export function decide(rule: VotingRule, counts: Counts, totalDeputies: number, present: number): Decision {
  const base = rule === 'HALF_OF_PRESENT' ? present : totalDeputies;
  const needed = Math.floor(base / 2) + 1;
  return { passed: base > 0 && counts.for >= needed, base, needed };
}

/** 出席 for the HALF_OF_PRESENT rule: the number entered by staff, or else the ballots cast. */
export function presentOf(presentCount: number | null, turnoutCount: number): number {
  return presentCount ?? turnoutCount;
}

/**
 * Paper counts for one candidate are possible only if, together with the online ballots already
 * cast on it, they do not exceed the deputies of the congress. Returns a Chinese message, or null.
 */
export function paperCountProblem(paper: Counts, onlineBallots: number, totalDeputies: number): string | null {
  const sum = ballots(paper) + onlineBallots;
  if (sum > totalDeputies) {
    const online = onlineBallots ? `（含网上投票${onlineBallots}票）` : '';
    return `票数合计${sum}票${online}，超过本届代表总数${totalDeputies}人，请核对`;
  }
  return null;
}
