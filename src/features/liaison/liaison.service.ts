/**
 * 主席团联系代表: each presidium member keeps in touch with the deputies assigned to them; contacts
 * are logged; the member's page shows who has not been contacted this quarter.
 */
import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { yearRange } from '../../lib/format.js';
import type { ContactForm } from './liaison.schemas.js';

const CN = 8 * 3600_000;
/** The first instant of the quarter (China time) that `now` falls in. */
export function quarterStart(now: Date): Date {
  const cn = new Date(now.getTime() + CN);
  const month = Math.floor(cn.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(cn.getUTCFullYear(), month, 1) - CN);
}

export function createLiaisonService(db: Db, audit: AuditService, now: () => Date = () => new Date()) {
  async function loadMember(user: CurrentUser, memberId: number) {
    const m = await db.user.findFirst({ where: { id: memberId, townshipId: user.townshipId, role: 'PRESIDIUM', active: true } });
    if (!m) throw new NotFoundError('没有找到该主席团成员。');
    return m;
  }

  return {
    /** The member's deputies, each with the last contact and whether they were contacted this quarter. */
    async mine(user: CurrentUser) {
      if (user.role !== 'PRESIDIUM') throw new ForbiddenError();
      const since = quarterStart(now());
      const rows = await db.deputyLiaison.findMany({
        where: { memberId: user.id, deputy: { status: 'ACTIVE' } },
        select: {
          deputy: {
            select: {
              id: true,
              name: true,
              village: true,
              presidiumContacts: { where: { memberId: user.id }, orderBy: { date: 'desc' }, take: 1, select: { date: true, way: true } },
            },
          },
        },
        orderBy: { deputy: { name: 'asc' } },
      });
      const deputies = rows.map(({ deputy: d }) => {
        const last = d.presidiumContacts[0] ?? null;
        return { id: d.id, name: d.name, village: d.village, last, contactedThisQuarter: !!last && last.date >= since };
      });
      const contacts = await db.deputyContact.findMany({
        where: { memberId: user.id },
        include: { deputy: { select: { id: true, name: true } } },
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        take: 50,
      });
      return { deputies, notContacted: deputies.filter((d) => !d.contactedThisQuarter), contacts, quarterStart: since };
    },

    /** Logs a contact with one of the member's own deputies. */
    async log(user: CurrentUser, form: ContactForm) {
      if (user.role !== 'PRESIDIUM') throw new ForbiddenError();
      const assigned = await db.deputyLiaison.findUnique({ where: { memberId_deputyId: { memberId: user.id, deputyId: form.deputyId } } });
      if (!assigned) throw new ValidationError({ deputyId: '请选择您联系的代表' });
      if (form.date.getTime() > now().getTime()) throw new ValidationError({ date: '联系日期不能晚于今天' });
      return db.$transaction(async (tx) => {
        const c = await tx.deputyContact.create({
          data: {
            townshipId: user.townshipId,
            memberId: user.id,
            deputyId: form.deputyId,
            date: form.date,
            way: form.way,
            content: form.content,
            followUp: form.followUp,
          },
        });
        await audit.record(
          user,
          { action: 'liaison.contact', entity: 'DeputyContact', entityId: c.id, detail: { deputyId: form.deputyId } },
          tx,
        );
        return c;
      });
    },

    /** Staff's overview: every presidium member with their deputies. */
    async overview(user: CurrentUser) {
      if (user.role !== 'STAFF') throw new ForbiddenError();
      const members = await db.user.findMany({
        where: { townshipId: user.townshipId, role: 'PRESIDIUM', active: true },
        select: { id: true, displayName: true, title: true, liaisons: { select: { deputyId: true, deputy: { select: { name: true } } } } },
        orderBy: { id: 'asc' },
      });
      return members;
    },

    /** Staff set the deputies a member keeps in touch with. */
    async assign(user: CurrentUser, memberId: number, deputyIds: number[]) {
      if (user.role !== 'STAFF') throw new ForbiddenError();
      await loadMember(user, memberId);
      const unique = [...new Set(deputyIds)];
      const found = await db.deputy.count({ where: { id: { in: unique }, townshipId: user.townshipId } });
      if (found !== unique.length) throw new ValidationError({ deputyIds: '所选代表中有不属于本镇的人员' });
      await db.$transaction(async (tx) => {
        await tx.deputyLiaison.deleteMany({ where: { memberId } });
        await tx.deputyLiaison.createMany({ data: unique.map((deputyId) => ({ memberId, deputyId })) });
        await audit.record(user, { action: 'liaison.assign', entity: 'User', entityId: memberId, detail: { deputyIds: unique } }, tx);
      });
    },

    /** For the annual report: contacts logged in the year and the deputies they reached. */
    async yearCounts(townshipId: number, year: number) {
      const rows = await db.deputyContact.findMany({ where: { townshipId, date: yearRange(year) }, select: { deputyId: true } });
      return { contacts: rows.length, deputies: new Set(rows.map((r) => r.deputyId)).size };
    },
  };
}

export type LiaisonService = ReturnType<typeof createLiaisonService>;
