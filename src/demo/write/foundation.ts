// The township, its congress and sessions, deputies, handling units, accounts and liaison stations.
import { DEMO_ACCOUNTS } from '../accounts.js';
import { DEPUTIES, UNITS } from '../tables/people.js';
import { SESSIONS, STATIONS, TOWNSHIP } from '../tables/township.js';
import { type Ctx, lookup } from './context.js';

export async function writeFoundation(c: Omit<Ctx, 'townshipId' | 'congressId' | 'staff'>): Promise<Ctx> {
  const { tx, clock, ids } = c;
  if ((await tx.township.count()) > 0) throw new Error('demo seed: the database is not empty (a township exists).');
  const township = await tx.township.create({ data: { name: TOWNSHIP.name, county: TOWNSHIP.county } });
  const tw = township.id;
  const congressStart = clock.date(TOWNSHIP.congressStart);
  const congress = await tx.congress.create({ data: { townshipId: tw, term: TOWNSHIP.congressTerm, startDate: congressStart } });

  for (const s of SESSIONS) {
    const date = clock.date(s.date);
    const row = await tx.congressSession.create({
      data: {
        congressId: congress.id,
        number: s.number,
        date,
        endDate: date,
        place: s.place,
        votingStatus: date.getTime() > clock.now.getTime() ? 'NOT_OPEN' : 'CLOSED',
        votingRule: 'HALF_OF_ALL',
        presentCount: s.presentCount ?? null,
        votingOpenedAt: s.opened ? clock.date(s.opened) : null,
        votingClosedAt: s.closed ? clock.date(s.closed) : null,
      },
    });
    ids.session.set(s.number, row.id);
  }

  for (const s of DEPUTIES) {
    const town = s.levels.startsWith('T');
    const row = await tx.deputy.create({
      data: {
        townshipId: tw,
        congressId: town ? congress.id : null,
        name: s.name,
        gender: s.gender,
        ethnicity: s.ethnicity,
        birthYear: s.birthYear,
        politicalAffiliation: s.party,
        occupation: s.occupation,
        workplace: s.workplace,
        district: s.district,
        village: s.village,
        phone: s.phone,
        status: s.termEnd ? 'TERMINATED' : 'ACTIVE',
        termStart: town ? congressStart : clock.date('2021-09-26'),
        termEnd: s.termEnd ? clock.date(s.termEnd) : null,
        statusNote: s.statusNote ?? '',
        levels: {
          create: [
            ...(s.levels.includes('C') ? [{ level: 'CITY' as const }] : []),
            ...(s.levels.includes('B') ? [{ level: 'BANNER' as const }] : []),
            ...(town ? [{ level: 'TOWN' as const }] : []),
          ],
        },
      },
    });
    ids.deputy.set(s.name, row.id);
    c.deputySpecs.set(s.name, s);
  }

  for (const u of UNITS) {
    const row = await tx.handlingUnit.create({ data: { townshipId: tw, ...u } });
    ids.unit.set(u.name, row.id);
  }

  const ctx: Ctx = { ...c, townshipId: tw, congressId: congress.id, staff: 0 };
  for (const a of DEMO_ACCOUNTS) {
    const row = await tx.user.create({
      data: {
        townshipId: tw,
        username: a.username,
        passwordHash: c.passwordHash,
        role: a.role,
        title: a.title,
        displayName: a.displayName,
        deputyId: a.deputy ? lookup.deputy(ctx, a.deputy) : null,
        unitId: a.unit ? lookup.unit(ctx, a.unit) : null,
      },
    });
    ids.user.set(a.username, row.id);
    if (a.deputy) ids.userOfDeputy.set(a.deputy, row.id);
    if (a.unit) ids.userOfUnit.set(a.unit, row.id);
  }
  ctx.staff = lookup.user(ctx, 'staff');

  for (const s of STATIONS) {
    const established = clock.date(s.established);
    const row = await tx.liaisonStation.create({
      data: {
        townshipId: tw,
        name: s.name,
        tier: s.tier,
        village: s.village,
        address: s.address,
        establishedOn: established,
        workRules: s.rules.join('\n'),
        phone: s.phone,
        deputies: { create: s.residents.map((n) => ({ deputyId: lookup.deputy(ctx, n), since: established })) },
        equipment: {
          create: (s.equipment ?? []).map((e) => ({ ...e, providedOn: clock.date(e.providedOn) })),
        },
      },
    });
    ids.station.set(s.name, row.id);
  }
  return ctx;
}
