import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { StationTier } from '../../generated/prisma/enums.js';
import type { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { EquipmentForm, ResidentForm, StationForm } from './stations.schemas.js';
import { yearRange } from '../../lib/format.js';
import { canManageStations } from './stations.policy.js';

const TIER_ORDER: Record<StationTier, number> = { BANNER: 0, TOWN_HOME: 1, VILLAGE: 2 };

export function createStationsService(db: Db, audit: AuditService) {
  function assertManage(user: CurrentUser) {
    if (!canManageStations(user)) throw new ForbiddenError('只有工作人员可以维护联络站。');
  }

  async function findOwn(user: CurrentUser, id: number) {
    const station = await db.liaisonStation.findFirst({ where: { id, townshipId: user.townshipId } });
    if (!station) throw new NotFoundError('没有找到该联络站。');
    return station;
  }

  async function checkName(user: CurrentUser, name: string, exceptId?: number) {
    const same = await db.liaisonStation.findFirst({
      where: { townshipId: user.townshipId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    });
    if (same) throw new ValidationError({ name: `已有名为“${name}”的联络站` });
  }

  async function findEquipment(user: CurrentUser, stationId: number, equipmentId: number) {
    const item = await db.stationEquipment.findFirst({ where: { id: equipmentId, stationId, station: { townshipId: user.townshipId } } });
    if (!item) throw new NotFoundError('没有找到该设备记录。');
    return item;
  }

  return {
    /** All stations of the township, the three tiers in order, with their counts. */
    async list(user: CurrentUser, filter: { tier?: StationTier } = {}) {
      const stations = await db.liaisonStation.findMany({
        where: { townshipId: user.townshipId, ...(filter.tier ? { tier: filter.tier } : {}) },
        include: { _count: { select: { deputies: true, equipment: true, receptions: true } } },
        orderBy: [{ establishedOn: 'asc' }, { name: 'asc' }],
      });
      return stations.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
    },

    async get(user: CurrentUser, id: number) {
      const station = await db.liaisonStation.findFirst({
        where: { id, townshipId: user.townshipId },
        include: {
          equipment: { orderBy: [{ providedOn: 'asc' }, { id: 'asc' }] },
          deputies: {
            include: { deputy: { select: { id: true, name: true, village: true, status: true, levels: true } } },
            orderBy: { deputy: { name: 'asc' } },
          },
          receptions: {
            orderBy: { date: 'desc' },
            take: 20,
            include: {
              deputies: { include: { deputy: { select: { id: true, name: true } } } },
              _count: { select: { opinions: true } },
            },
          },
        },
      });
      if (!station) throw new NotFoundError('没有找到该联络站。');
      return station;
    },

    /** Stations as select options. */
    async options(user: CurrentUser) {
      const rows = await db.liaisonStation.findMany({
        where: { townshipId: user.townshipId, active: true },
        select: { id: true, name: true, tier: true, address: true },
        orderBy: { name: 'asc' },
      });
      return rows.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
    },

    async create(user: CurrentUser, form: StationForm) {
      assertManage(user);
      await checkName(user, form.name);
      return db.$transaction(async (tx) => {
        const station = await tx.liaisonStation.create({ data: { ...form, townshipId: user.townshipId } });
        await audit.record(
          user,
          { action: 'station.create', entity: 'LiaisonStation', entityId: station.id, detail: { name: station.name } },
          tx,
        );
        return station;
      });
    },

    async update(user: CurrentUser, id: number, form: StationForm) {
      assertManage(user);
      await findOwn(user, id);
      await checkName(user, form.name, id);
      return db.$transaction(async (tx) => {
        const station = await tx.liaisonStation.update({ where: { id }, data: form });
        await audit.record(user, { action: 'station.update', entity: 'LiaisonStation', entityId: id, detail: { name: station.name } }, tx);
        return station;
      });
    },

    async getEquipment(user: CurrentUser, stationId: number, equipmentId: number) {
      return findEquipment(user, stationId, equipmentId);
    },

    async addEquipment(user: CurrentUser, stationId: number, form: EquipmentForm) {
      assertManage(user);
      await findOwn(user, stationId);
      return db.$transaction(async (tx) => {
        const item = await tx.stationEquipment.create({ data: { ...form, stationId } });
        await audit.record(user, { action: 'station.equipment.add', entity: 'LiaisonStation', entityId: stationId, detail: form }, tx);
        return item;
      });
    },

    async updateEquipment(user: CurrentUser, stationId: number, equipmentId: number, form: EquipmentForm) {
      assertManage(user);
      await findEquipment(user, stationId, equipmentId);
      await db.$transaction(async (tx) => {
        await tx.stationEquipment.update({ where: { id: equipmentId }, data: form });
        await audit.record(
          user,
          { action: 'station.equipment.update', entity: 'LiaisonStation', entityId: stationId, detail: { equipmentId, ...form } },
          tx,
        );
      });
    },

    async removeEquipment(user: CurrentUser, stationId: number, equipmentId: number) {
      assertManage(user);
      const item = await findEquipment(user, stationId, equipmentId);
      await db.$transaction(async (tx) => {
        await tx.stationEquipment.delete({ where: { id: equipmentId } });
        await audit.record(
          user,
          {
            action: 'station.equipment.remove',
            entity: 'LiaisonStation',
            entityId: stationId,
            detail: { name: item.name, quantity: item.quantity, unit: item.unit },
          },
          tx,
        );
      });
      return item;
    },

    /** 进站: a resident deputy of the station. */
    async addResident(user: CurrentUser, stationId: number, form: ResidentForm) {
      assertManage(user);
      await findOwn(user, stationId);
      const deputy = await db.deputy.findFirst({ where: { id: form.deputyId, townshipId: user.townshipId, status: 'ACTIVE' } });
      if (!deputy) throw new ValidationError({ deputyId: '请选择本镇在任代表' });
      const already = await db.stationDeputy.findUnique({ where: { stationId_deputyId: { stationId, deputyId: deputy.id } } });
      if (already) throw new ValidationError({ deputyId: `${deputy.name}已经是本站的进站代表` });
      await db.$transaction(async (tx) => {
        await tx.stationDeputy.create({ data: { stationId, deputyId: deputy.id, since: form.since } });
        await audit.record(
          user,
          {
            action: 'station.resident.add',
            entity: 'LiaisonStation',
            entityId: stationId,
            detail: { deputyId: deputy.id, name: deputy.name },
          },
          tx,
        );
      });
      return deputy;
    },

    async removeResident(user: CurrentUser, stationId: number, deputyId: number) {
      assertManage(user);
      await findOwn(user, stationId);
      const row = await db.stationDeputy.findUnique({
        where: { stationId_deputyId: { stationId, deputyId } },
        include: { deputy: { select: { name: true } } },
      });
      if (!row) throw new NotFoundError('该代表不是本站的进站代表。');
      await db.$transaction(async (tx) => {
        await tx.stationDeputy.delete({ where: { stationId_deputyId: { stationId, deputyId } } });
        await audit.record(
          user,
          { action: 'station.resident.remove', entity: 'LiaisonStation', entityId: stationId, detail: { deputyId, name: row.deputy.name } },
          tx,
        );
      });
      return row.deputy;
    },

    /** Receptions held in a year at every station, with the opinions collected (for the annual report). */
    async receptionsInYear(user: CurrentUser, year: number) {
      const rows = await db.reception.findMany({
        where: { townshipId: user.townshipId, status: 'HELD', date: yearRange(year) },
        select: { id: true, date: true, voterCount: true, station: { select: { name: true } }, _count: { select: { opinions: true } } },
        orderBy: { date: 'asc' },
      });
      return rows.map((r) => ({ id: r.id, date: r.date, station: r.station.name, voterCount: r.voterCount, opinions: r._count.opinions }));
    },
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
export type StationDetail = Awaited<ReturnType<StationsService['get']>>;
