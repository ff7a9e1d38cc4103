import type { Db } from '../../db.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../../auth/auth.service.js';
import { hashPassword } from '../../auth/password.js';
import { generateInitialPassword } from '../../auth/password-policy.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { overdueCutoff } from '../../lib/deadline.js';
import { paginate } from '../../lib/pagination.js';
import { roleLabels } from '../../lib/labels.js';
import { add, empty, yearGroups, type StatRow } from '../suggestions/suggestions.stats.js';
import { decorate, LEDGER_BATCH, ledgerSelect, listInclude, yearWhere } from '../suggestions/suggestions.queries.js';
import { idBatches } from '../../lib/keyset.js';
import { AWAITING_REPLY } from '../suggestions/suggestions.workflow.js';
import { canCreateFirstAccount, FIRST_ACCOUNT_ROLES } from './banner.policy.js';
import type { BannerLedgerFilter, FirstAccountForm, NewTownshipForm } from './banner.schemas.js';
import type { TownshipHosts } from './banner.hosts.js';

/** One township's line of the banner view: its roster and stations, and its year of suggestions. */
export type TownshipRow = StatRow & { id: number; name: string; deputies: number; stations: number; received: number };

const ledgerInclude = {
  ...listInclude,
  township: { select: { id: true, name: true } },
} satisfies Prisma.SuggestionInclude;

/** The ledger's rows for the .xlsx: what the township ledger shows, and the township. */
const exportSelect = { ...ledgerSelect, township: { select: { name: true } } } satisfies Prisma.SuggestionSelect;

/** The ledger's order: by township, the newest year first, by number (未编号 last). */
const LEDGER_ORDER = [
  { townshipId: 'asc' },
  { year: 'desc' },
  { number: { sort: 'asc', nulls: 'last' } },
  { id: 'asc' },
] satisfies Prisma.SuggestionOrderByWithRelationInput[];

function assertRole(user: CurrentUser, role: 'BANNER_VIEWER' | 'BANNER_ADMIN') {
  if (user.role !== role) throw new ForbiddenError();
}

/**
 * The banner (旗) over the townships of one deployment: the 旗人大常委会's read-only view (figures
 * side by side, the ledger across townships) and the banner administrator's townships and their
 * first accounts. Nothing here is scoped to a township: only the two banner roles may call it.
 */
export function createBannerService(db: Db, deps: { audit: AuditService; auth: AuthService; hosts: TownshipHosts }, now: () => Date) {
  const { audit, auth, hosts } = deps;

  function ledgerWhere(filter: BannerLedgerFilter): Prisma.SuggestionWhereInput {
    // Submitted suggestions only: a draft is its author's until submitted.
    const and: Prisma.SuggestionWhereInput[] = [{ status: { not: 'DRAFT' } }];
    if (filter.township) and.push({ townshipId: filter.township });
    if (filter.year) and.push(yearWhere(filter.year));
    if (filter.status) and.push({ status: filter.status });
    if (filter.category) and.push({ category: filter.category });
    if (filter.key) and.push({ isKey: true });
    if (filter.overdue) and.push({ status: { in: [...AWAITING_REPLY] }, deadline: { lte: overdueCutoff(now()) } });
    if (filter.q) and.push({ OR: [{ title: { contains: filter.q } }, { content: { contains: filter.q } }] });
    return { AND: and };
  }

  return {
    /** The townships, for filters and the administrator's list. */
    townships() {
      return db.township.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, county: true } });
    },

    /** Years with submitted suggestions anywhere in the banner, newest first. */
    async years(user: CurrentUser): Promise<number[]> {
      assertRole(user, 'BANNER_VIEWER');
      const rows = await db.suggestion.groupBy({ by: ['year'], where: { status: { not: 'DRAFT' } }, orderBy: { year: 'desc' } });
      return rows.map((r) => r.year);
    },

    /**
     * Every township's figures for `year`, side by side, and the banner's total: the counts per
     * township in one query, the suggestion figures in one aggregation grouped by township (the
     * township statistics' own query and rules, so that the two pages always agree).
     */
    async overview(user: CurrentUser, year: number): Promise<{ rows: TownshipRow[]; total: TownshipRow }> {
      assertRole(user, 'BANNER_VIEWER');
      const [townships, groups] = await Promise.all([
        db.$queryRaw<
          Array<{ id: number | bigint; name: string; deputies: number | bigint; stations: number | bigint; received: number | bigint }>
        >`
          SELECT t."id", t."name",
            (SELECT COUNT(*) FROM "Deputy" d WHERE d."townshipId" = t."id" AND d."status" = 'ACTIVE') AS "deputies",
            (SELECT COUNT(*) FROM "LiaisonStation" l WHERE l."townshipId" = t."id" AND l."active" = ${true}) AS "stations",
            (SELECT COUNT(*) FROM "Suggestion" s WHERE s."townshipId" = t."id" AND s."year" = ${year} AND s."status" <> 'DRAFT') AS "received"
          FROM "Township" t ORDER BY t."id"`,
        yearGroups(db, null, year, now()),
      ]);
      const rows: TownshipRow[] = townships.map((t) => ({
        ...empty(t.name),
        id: Number(t.id),
        name: t.name,
        deputies: Number(t.deputies),
        stations: Number(t.stations),
        received: Number(t.received),
      }));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const g of groups) {
        const row = byId.get(g.townshipId);
        if (row) add(row, g);
      }
      const total: TownshipRow = { ...empty('全旗合计'), id: 0, name: '全旗合计', deputies: 0, stations: 0, received: 0 };
      for (const r of rows) {
        add(total, { ...r, townshipId: r.id, category: 'OTHER', unitId: null, unitName: null });
        total.deputies += r.deputies;
        total.stations += r.stations;
        total.received += r.received;
      }
      return { rows, total };
    },

    /** The ledger across townships, a page at a time. */
    async ledger(user: CurrentUser, filter: BannerLedgerFilter) {
      assertRole(user, 'BANNER_VIEWER');
      const where = ledgerWhere(filter);
      const page = await paginate(
        filter.page,
        () => db.suggestion.count({ where }),
        (args) =>
          db.suggestion.findMany({
            where,
            include: ledgerInclude,
            orderBy: LEDGER_ORDER,
            ...args,
          }),
      );
      return { ...page, items: page.items.map((s) => decorate(s, user, now(), filter.year)) };
    },

    /**
     * Every row of the filtered ledger for the .xlsx, in the ledger's order, a batch at a time (no
     * cap; one batch in memory); the first batch is read here, before the download starts.
     */
    async ledgerAll(user: CurrentUser, filter: BannerLedgerFilter) {
      assertRole(user, 'BANNER_VIEWER');
      const where = ledgerWhere(filter);
      const t = now();
      // The ledger's order sorted once (ids only), then the rows a batch at a time by id (lib/keyset).
      const ids = (await db.suggestion.findMany({ where, orderBy: LEDGER_ORDER, select: { id: true } })).map((s) => s.id);
      const batches = await idBatches(ids, LEDGER_BATCH, async (some) => {
        const rows = await db.suggestion.findMany({ where: { id: { in: some } }, select: exportSelect });
        return rows.map((s) => decorate(s, user, t, filter.year));
      });
      const total = ids.length;
      return { total, batches };
    },

    /** The townships with their accounts per role, for the banner administrator. */
    async townshipList(user: CurrentUser) {
      assertRole(user, 'BANNER_ADMIN');
      const [townships, counts] = await Promise.all([
        db.township.findMany({ orderBy: { id: 'asc' }, include: { hosts: { select: { host: true }, orderBy: { host: 'asc' } } } }),
        db.user.groupBy({ by: ['townshipId', 'role'], where: { townshipId: { not: null } }, _count: { _all: true } }),
      ]);
      return townships.map((t) => {
        const of = (role: string) => counts.find((c) => c.townshipId === t.id && c.role === role)?._count._all ?? 0;
        return {
          ...t,
          hosts: t.hosts.map((h) => h.host),
          accounts: counts.filter((c) => c.townshipId === t.id).reduce((n, c) => n + c._count._all, 0),
          firstAccounts: FIRST_ACCOUNT_ROLES.map((role) => ({ role, label: roleLabels[role], count: of(role) })),
        };
      });
    },

    /** Opens a township with its congress (届) and its host names. */
    async createTownship(user: CurrentUser, form: NewTownshipForm) {
      assertRole(user, 'BANNER_ADMIN');
      if (await db.township.findUnique({ where: { name: form.name }, select: { id: true } })) {
        throw new ValidationError({ name: `已有名为“${form.name}”的镇` });
      }
      return db.$transaction(async (tx) => {
        const { congressTerm, congressStart, hosts: hostNames, ...settings } = form;
        const township = await tx.township.create({ data: settings });
        await tx.congress.create({ data: { townshipId: township.id, term: congressTerm, startDate: congressStart } });
        await hosts.assign(tx, township.id, hostNames);
        await audit.record(
          user,
          { action: 'township.create', entity: 'Township', entityId: township.id, detail: form, townshipId: township.id },
          tx,
        );
        return township;
      });
    },

    /**
     * Replaces a township's host names (the addresses that serve its public pages and login page),
     * written to the township's own audit log with the names before and after.
     */
    async setHosts(user: CurrentUser, townshipId: number, hostNames: string[]) {
      assertRole(user, 'BANNER_ADMIN');
      const township = await db.township.findUnique({ where: { id: townshipId }, select: { id: true, name: true } });
      if (!township) throw new NotFoundError('该镇不存在。');
      return db.$transaction(async (tx) => {
        const before = (await tx.townshipHost.findMany({ where: { townshipId }, orderBy: { host: 'asc' }, select: { host: true } })).map(
          (h) => h.host,
        );
        await hosts.assign(tx, townshipId, hostNames);
        await audit.record(
          user,
          { action: 'township.hosts', entity: 'Township', entityId: townshipId, detail: { before, after: hostNames }, townshipId },
          tx,
        );
        return { ...township, hosts: hostNames };
      });
    },

    /** One township with its first-account roles, for the account form. */
    async township(user: CurrentUser, id: number) {
      const list = await this.townshipList(user);
      const township = list.find((t) => t.id === id);
      if (!township) throw new NotFoundError('该镇不存在。');
      return township;
    },

    /**
     * A township's first system administrator or staff member, with a temporary password to change
     * at first login: only while the township has no account of that role (banner.policy).
     */
    async createFirstAccount(user: CurrentUser, townshipId: number, form: FirstAccountForm) {
      assertRole(user, 'BANNER_ADMIN');
      const township = await db.township.findUnique({ where: { id: townshipId }, select: { id: true, name: true } });
      if (!township) throw new NotFoundError('该镇不存在。');
      const password = generateInitialPassword();
      const passwordHash = await hashPassword(password);
      const created = await db.$transaction(async (tx) => {
        const existing = await tx.user.count({ where: { townshipId, role: form.role } });
        if (!canCreateFirstAccount(form.role, existing)) {
          throw new ValidationError({
            role: `${township.name}已有${roleLabels[form.role]}账号：其余账号由本镇系统管理员创建（三权分立）`,
          });
        }
        return auth.insertUser(
          tx,
          {
            townshipId,
            username: form.username,
            role: form.role,
            displayName: form.displayName,
            title: form.title,
            passwordHash,
            mustChangePassword: true,
          },
          user,
        );
      });
      return { township: township.name, username: created.username, displayName: created.displayName, role: created.role, password };
    },
  };
}

export type BannerService = ReturnType<typeof createBannerService>;
