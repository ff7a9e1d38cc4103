// What the writers of the demo share: the transaction, the clock, and the ids of what is written so
// far, looked up by the names the data tables use (a typo fails the seed with the name).
import type { Prisma } from '../../generated/prisma/client.js';
import { type DemoClock, must } from '../clock.js';
import type { DeputySpec } from '../tables/people.js';

export type Tx = Prisma.TransactionClient;

export interface Ctx {
  tx: Tx;
  clock: DemoClock;
  passwordHash: string;
  townshipId: number;
  congressId: number;
  staff: number;
  ids: {
    session: Map<number, number>;
    deputy: Map<string, number>;
    unit: Map<string, number>;
    user: Map<string, number>;
    userOfDeputy: Map<string, number>;
    userOfUnit: Map<string, number>;
    station: Map<string, number>;
    reception: Map<string, number>;
    suggestion: Map<string, number>;
    suggestionCode: Map<string, string>;
    project: Map<string, number>;
    task: Map<string, number>;
  };
  deputySpecs: Map<string, DeputySpec>;
}

export function newIds(): Ctx['ids'] {
  return {
    session: new Map(),
    deputy: new Map(),
    unit: new Map(),
    user: new Map(),
    userOfDeputy: new Map(),
    userOfUnit: new Map(),
    station: new Map(),
    reception: new Map(),
    suggestion: new Map(),
    suggestionCode: new Map(),
    project: new Map(),
    task: new Map(),
  };
}

export const lookup = {
  deputy: (c: Ctx, name: string) => must(c.ids.deputy, name, 'deputy'),
  unit: (c: Ctx, name: string) => must(c.ids.unit, name, 'unit'),
  user: (c: Ctx, username: string) => must(c.ids.user, username, 'user'),
  station: (c: Ctx, name: string) => must(c.ids.station, name, 'station'),
  reception: (c: Ctx, key: string) => must(c.ids.reception, key, 'reception'),
  suggestion: (c: Ctx, key: string) => must(c.ids.suggestion, key, 'suggestion'),
  project: (c: Ctx, key: string) => must(c.ids.project, key, 'project'),
  /** The account of a deputy or unit, or staff who entered it on their behalf. */
  deputyActor: (c: Ctx, name: string) => c.ids.userOfDeputy.get(name) ?? c.staff,
  unitActor: (c: Ctx, unit: string) => c.ids.userOfUnit.get(unit) ?? c.staff,
};

/** Town deputies in office on a date. */
export function townDeputiesOn(c: Ctx, date: Date): DeputySpec[] {
  return [...c.deputySpecs.values()].filter(
    (s) => s.levels.startsWith('T') && (!s.termEnd || c.clock.date(s.termEnd).getTime() > date.getTime()),
  );
}

/** Event times of one record, strictly increasing, and never after the demo's today. */
export function stamper(c: Ctx, what: string): (at: string) => Date {
  let last = 0;
  return (at) => {
    let when = c.clock.at(at).getTime();
    if (when <= last) when = last + 60 * 1000;
    if (when > c.clock.now.getTime()) throw new Error(`demo seed: ${what}: ${at} is after the demo's today`);
    last = when;
    return new Date(when);
  };
}
