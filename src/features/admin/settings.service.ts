import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LoginGuard } from '../../auth/login-guard.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { TownshipForm, UnitForm } from './admin.schemas.js';

const need = (actor: CurrentUser, role: 'SYSADMIN' | 'SECADMIN') => {
  if (actor.role !== role) throw new ForbiddenError();
};

/** Handling units (承办单位), managed by the system administrator. */
export function createUnitsAdmin(db: Db, audit: AuditService) {
  async function getUnit(actor: CurrentUser, id: number) {
    need(actor, 'SYSADMIN');
    const unit = await db.handlingUnit.findFirst({ where: { id, townshipId: actor.townshipId } });
    if (!unit) throw new NotFoundError('该承办单位不存在。');
    return unit;
  }

  async function assertNameFree(actor: CurrentUser, name: string, exceptId?: number) {
    const same = await db.handlingUnit.findFirst({
      where: { townshipId: actor.townshipId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    if (same) throw new ValidationError({ name: `已有名为“${name}”的承办单位${same.active ? '' : '（已停用，可在列表中启用）'}` });
  }

  return {
    async list(actor: CurrentUser) {
      need(actor, 'SYSADMIN');
      return db.handlingUnit.findMany({
        where: { townshipId: actor.townshipId },
        select: {
          id: true,
          name: true,
          contactPerson: true,
          phone: true,
          active: true,
          _count: { select: { users: { where: { active: true } } } },
        },
        orderBy: [{ active: 'desc' }, { name: 'asc' }],
      });
    },

    get: getUnit,

    async create(actor: CurrentUser, form: UnitForm, ip = '') {
      need(actor, 'SYSADMIN');
      await assertNameFree(actor, form.name);
      return db.$transaction(async (tx) => {
        const unit = await tx.handlingUnit.create({ data: { townshipId: actor.townshipId, ...form } });
        await audit.record(actor, { action: 'unit.create', entity: 'HandlingUnit', entityId: unit.id, detail: form, ip }, tx);
        return unit;
      });
    },

    async update(actor: CurrentUser, id: number, form: UnitForm, ip = '') {
      const before = await getUnit(actor, id);
      await assertNameFree(actor, form.name, id);
      await db.$transaction(async (tx) => {
        await tx.handlingUnit.update({ where: { id }, data: form });
        const detail = { from: { name: before.name, contactPerson: before.contactPerson, phone: before.phone }, to: form };
        await audit.record(actor, { action: 'unit.update', entity: 'HandlingUnit', entityId: id, detail, ip }, tx);
      });
    },

    /** A deactivated unit is no longer offered for new assignments; its history and accounts stay. */
    async setActive(actor: CurrentUser, id: number, active: boolean, ip = '') {
      const unit = await getUnit(actor, id);
      if (unit.active === active) return;
      await db.$transaction(async (tx) => {
        await tx.handlingUnit.update({ where: { id }, data: { active } });
        await audit.record(actor, { action: active ? 'unit.reactivate' : 'unit.deactivate', entity: 'HandlingUnit', entityId: id, ip }, tx);
      });
    },
  };
}

/** The township's own settings (名称, 所属旗, the address and phone printed on login slips). */
export function createTownshipAdmin(db: Db, audit: AuditService) {
  return {
    async get(actor: CurrentUser) {
      const township = await db.township.findUniqueOrThrow({ where: { id: actor.townshipId } });
      return township;
    },

    async update(actor: CurrentUser, form: TownshipForm, ip = '') {
      need(actor, 'SYSADMIN');
      const before = await db.township.findUniqueOrThrow({ where: { id: actor.townshipId } });
      const same = await db.township.findFirst({ where: { name: form.name, id: { not: actor.townshipId } } });
      if (same) throw new ValidationError({ name: `已有名为“${form.name}”的镇` });
      await db.$transaction(async (tx) => {
        await tx.township.update({ where: { id: actor.townshipId }, data: form });
        const keys = ['name', 'county', 'portalUrl', 'contactPhone'] as const;
        const detail = Object.fromEntries(keys.filter((k) => before[k] !== form[k]).map((k) => [k, { from: before[k], to: form[k] }]));
        await audit.record(actor, { action: 'township.update', entity: 'Township', entityId: actor.townshipId, detail, ip }, tx);
      });
    },
  };
}

/** The security administrator's unlocking of accounts and addresses. */
export function createLocksAdmin(db: Db, audit: AuditService, guard: LoginGuard) {
  return {
    async overview(actor: CurrentUser) {
      need(actor, 'SECADMIN');
      const [locked, addresses] = await Promise.all([guard.locked(), guard.throttledAddresses()]);
      const users = await db.user.findMany({
        where: { username: { in: [...locked.keys()] } },
        select: { id: true, username: true, displayName: true, role: true, townshipId: true },
      });
      const byName = new Map(users.map((u) => [u.username, u]));
      return {
        accounts: [...locked.entries()].map(([username, l]) => ({ username, ...l, user: byName.get(username) ?? null })),
        addresses,
      };
    },

    async unlock(actor: CurrentUser, username: string, ip = '') {
      need(actor, 'SECADMIN');
      const user = await db.user.findUnique({ where: { username }, select: { id: true } });
      const count = await guard.unlock(username);
      if (!count) return false;
      await audit.record(actor, { action: 'user.unlock', entity: user ? 'User' : '', entityId: user?.id, detail: { username }, ip });
      return true;
    },

    async unthrottle(actor: CurrentUser, address: string, ip = '') {
      need(actor, 'SECADMIN');
      await guard.unthrottle(address);
      await audit.record(actor, { action: 'login.unthrottle', detail: { address }, ip });
    },
  };
}
