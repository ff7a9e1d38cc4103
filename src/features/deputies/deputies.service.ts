import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuditAction } from '../audit/audit.labels.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { paginate } from '../../lib/pagination.js';
import { byPinyin } from '../../lib/pinyin.js';
import { maskPhone } from '../../lib/format.js';
import { phoneSearchFor } from '../../lib/personal-data.js';
import { canManageDeputies, canViewDeputy, mayRevealPhone } from './deputies.policy.js';
import type { DeputyFilter, DeputyForm } from './deputies.schemas.js';
import { containsText } from '../../lib/sql.js';

const listInclude = { levels: true } satisfies Prisma.DeputyInclude;

export function createDeputiesService(db: Db, audit: AuditService) {
  /** The township congress a town-level deputy belongs to: the latest term. */
  async function currentCongressId(townshipId: number, tx: Prisma.TransactionClient | Db = db) {
    const congress = await tx.congress.findFirst({ where: { townshipId }, orderBy: { term: 'desc' } });
    return congress?.id ?? null;
  }

  function assertManage(user: CurrentUser) {
    if (!canManageDeputies(user)) throw new ForbiddenError('只有工作人员可以维护代表名册。');
  }

  async function checkDuplicate(user: CurrentUser, form: DeputyForm, exceptId?: number) {
    const same = await db.deputy.findFirst({
      where: {
        townshipId: user.townshipId,
        name: form.name,
        village: form.village,
        status: 'ACTIVE',
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
    });
    if (same) {
      throw new ValidationError({ name: `${form.village || '本镇'}已有在任代表“${form.name}”，请勿重复登记` });
    }
  }

  /** The deputy's own columns from the form (the levels are rows of their own). */
  function dataOf(form: DeputyForm) {
    const { levels, ...columns } = form;
    return columns;
  }

  function listWhere(user: CurrentUser, filter: DeputyFilter): Prisma.DeputyWhereInput {
    if (user.role !== 'STAFF' && user.role !== 'PRESIDIUM') throw new ForbiddenError();
    // A full phone number finds its deputy through the keyed hash (the number itself is encrypted).
    const phoneHash = filter.q ? phoneSearchFor(db, filter.q) : null;
    return {
      townshipId: user.townshipId,
      ...(filter.status !== 'ALL' ? { status: filter.status } : {}),
      ...(filter.level ? { levels: { some: { level: filter.level } } } : {}),
      ...(filter.village ? { village: filter.village } : {}),
      ...(filter.q
        ? {
            OR: [
              { name: containsText(db, filter.q) },
              { workplace: containsText(db, filter.q) },
              { occupation: containsText(db, filter.q) },
              { district: containsText(db, filter.q) },
              ...(phoneHash ? [{ phoneHash }] : []),
            ],
          }
        : {}),
    };
  }

  /** Inserts one deputy with levels and an audit row, inside the caller's transaction. */
  async function insert(tx: Prisma.TransactionClient, user: CurrentUser, form: DeputyForm, action: AuditAction = 'deputy.create') {
    const congressId = form.levels.includes('TOWN') ? await currentCongressId(user.townshipId, tx) : null;
    const deputy = await tx.deputy.create({
      data: {
        ...dataOf(form),
        townshipId: user.townshipId,
        congressId,
        levels: { create: form.levels.map((level) => ({ level })) },
      },
    });
    await audit.record(user, { action, entity: 'Deputy', entityId: deputy.id, detail: { name: deputy.name } }, tx);
    return deputy;
  }

  return {
    async list(user: CurrentUser, filter: DeputyFilter) {
      const where = listWhere(user, filter);
      const page = await paginate(
        filter.page,
        () => db.deputy.count({ where }),
        (args) => db.deputy.findMany({ where, include: listInclude, orderBy: [{ village: 'asc' }, { name: 'asc' }], ...args }),
      );
      // Lists circulate: phone numbers masked (138****5678); the full one is on the record's page.
      return { ...page, items: page.items.map((d) => ({ ...d, phone: maskPhone(d.phone) })) };
    },

    /**
     * The phone as the record's page shows it: in full to the deputy; masked to the office, who may
     * reveal it (`reveal`), which is audited (personal.reveal).
     */
    /**
     * The phone as the record's page shows it: in full to the deputy themself, and once after an
     * audited reveal (`revealed`, lib/reveal) to those who may reveal it; masked otherwise.
     */
    phoneFor(user: CurrentUser, deputy: { id: number; phone: string }, revealed = false) {
      const own = user.deputyId === deputy.id;
      const shown = own || (revealed && mayRevealPhone(user, deputy));
      return { phone: shown ? deputy.phone : maskPhone(deputy.phone), canReveal: mayRevealPhone(user, deputy) && !shown };
    },

    /** 显示完整号码: refused to whoever may not; audited (personal.reveal). */
    async revealPhone(user: CurrentUser, deputy: { id: number; phone: string }, ip?: string): Promise<void> {
      if (!mayRevealPhone(user, deputy)) throw new ForbiddenError('您无权查看完整号码。');
      await audit.record(user, { action: 'personal.reveal', entity: 'Deputy', entityId: deputy.id, detail: { field: 'phone' }, ip });
    },

    /** Every deputy of the filtered roster (for the .xlsx export), without paging. */
    async listAll(user: CurrentUser, filter: DeputyFilter) {
      return db.deputy.findMany({
        where: listWhere(user, filter),
        include: listInclude,
        orderBy: [{ village: 'asc' }, { name: 'asc' }],
        take: 10000,
      });
    },

    /** Distinct villages of the roster, for the filter. */
    async villages(user: CurrentUser): Promise<string[]> {
      const rows = await db.deputy.findMany({
        where: { townshipId: user.townshipId, village: { not: '' } },
        distinct: ['village'],
        select: { village: true },
        orderBy: { village: 'asc' },
      });
      return rows.map((r) => r.village);
    },

    /** Counts per level of the active roster, shown above the list. */
    async levelCounts(user: CurrentUser) {
      const rows = await db.deputyLevelHeld.groupBy({
        by: ['level'],
        where: { deputy: { townshipId: user.townshipId, status: 'ACTIVE' } },
        _count: { _all: true },
      });
      const active = await db.deputy.count({ where: { townshipId: user.townshipId, status: 'ACTIVE' } });
      return { active, byLevel: Object.fromEntries(rows.map((r) => [r.level, r._count._all])) as Record<string, number> };
    },

    async get(user: CurrentUser, id: number) {
      const deputy = await db.deputy.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          levels: true,
          user: { select: { username: true, role: true, title: true } },
          stations: { include: { station: { select: { id: true, name: true, tier: true } } } },
          congress: true,
        },
      });
      if (!deputy) throw new NotFoundError('没有找到这位代表。');
      if (!canViewDeputy(user, id)) throw new ForbiddenError('您只能查看自己的代表信息。');
      return deputy;
    },

    async create(user: CurrentUser, form: DeputyForm) {
      assertManage(user);
      await checkDuplicate(user, form);
      return db.$transaction((tx) => insert(tx, user, form));
    },

    /** 批量导入: all the rows in one transaction — every one is written, or none. */
    async importMany(user: CurrentUser, forms: DeputyForm[]) {
      assertManage(user);
      return db.$transaction(async (tx) => {
        for (const form of forms) await insert(tx, user, form, 'deputy.import');
        await audit.record(user, { action: 'deputy.import.batch', entity: 'Deputy', detail: { count: forms.length } }, tx);
        return forms.length;
      });
    },

    /** Active deputies already on the roster under these name + village keys (for import checks). */
    async activeKeys(user: CurrentUser): Promise<Set<string>> {
      const rows = await db.deputy.findMany({
        where: { townshipId: user.townshipId, status: 'ACTIVE' },
        select: { name: true, village: true },
      });
      return new Set(rows.map((r) => `${r.name}|${r.village}`));
    },

    async update(user: CurrentUser, id: number, form: DeputyForm) {
      assertManage(user);
      const existing = await db.deputy.findFirst({ where: { id, townshipId: user.townshipId } });
      if (!existing) throw new NotFoundError('没有找到这位代表。');
      await checkDuplicate(user, form, id);
      return db.$transaction(async (tx) => {
        const congressId = form.levels.includes('TOWN') ? (existing.congressId ?? (await currentCongressId(user.townshipId, tx))) : null;
        await tx.deputyLevelHeld.deleteMany({ where: { deputyId: id } });
        const deputy = await tx.deputy.update({
          where: { id },
          data: { ...dataOf(form), congressId, levels: { create: form.levels.map((level) => ({ level })) } },
        });
        await audit.record(user, { action: 'deputy.update', entity: 'Deputy', entityId: id, detail: { name: deputy.name } }, tx);
        return deputy;
      });
    },

    /** 终止代表资格: the deputy keeps all history but leaves the current lists. */
    async terminate(user: CurrentUser, id: number, input: { termEnd: Date; statusNote: string }) {
      assertManage(user);
      const existing = await db.deputy.findFirst({ where: { id, townshipId: user.townshipId } });
      if (!existing) throw new NotFoundError('没有找到这位代表。');
      if (existing.status === 'TERMINATED') throw new ValidationError({ termEnd: '该代表的资格已经终止' });
      await db.$transaction(async (tx) => {
        await tx.deputy.update({ where: { id }, data: { status: 'TERMINATED', termEnd: input.termEnd, statusNote: input.statusNote } });
        await tx.user.updateMany({ where: { deputyId: id, role: 'DEPUTY' }, data: { active: false } });
        await audit.record(user, { action: 'deputy.terminate', entity: 'Deputy', entityId: id, detail: input }, tx);
      });
    },

    async reinstate(user: CurrentUser, id: number) {
      assertManage(user);
      const existing = await db.deputy.findFirst({ where: { id, townshipId: user.townshipId } });
      if (!existing) throw new NotFoundError('没有找到这位代表。');
      await db.$transaction(async (tx) => {
        await tx.deputy.update({ where: { id }, data: { status: 'ACTIVE', termEnd: null, statusNote: '' } });
        await audit.record(user, { action: 'deputy.reinstate', entity: 'Deputy', entityId: id }, tx);
      });
    },

    /**
     * Active deputies whose name or village contains `q`, by name, at most `limit`: the deputy
     * picker (partials/deputy-picker) asks for these instead of rendering every deputy.
     */
    async search(user: CurrentUser, q: string, limit = 20) {
      const text = q.trim();
      return db.deputy.findMany({
        where: {
          townshipId: user.townshipId,
          status: 'ACTIVE',
          ...(text ? { OR: [{ name: containsText(db, text) }, { village: containsText(db, text) }] } : {}),
        },
        select: { id: true, name: true, village: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: limit,
      });
    },

    /** One active deputy of the township as a picker's chosen value, or null. */
    async option(user: CurrentUser, id: number | undefined) {
      if (!id) return null;
      return db.deputy.findFirst({ where: { id, townshipId: user.townshipId }, select: { id: true, name: true, village: true } });
    },

    /** Active deputies as select options (co-signers, attendance …). */
    /** The township's serving deputies for pickers, by the pinyin of their names. */
    async options(user: CurrentUser) {
      const rows = await db.deputy.findMany({
        where: { townshipId: user.townshipId, status: 'ACTIVE' },
        select: { id: true, name: true, village: true },
      });
      return byPinyin(rows, (d) => d.name);
    },
  };
}

export type DeputiesService = ReturnType<typeof createDeputiesService>;
export type DeputyDetail = Awaited<ReturnType<DeputiesService['get']>>;
