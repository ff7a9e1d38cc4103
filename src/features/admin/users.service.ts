import { LONGEST_TRANSACTION_MS, type Db } from '../../db.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthService } from '../../auth/auth.service.js';
import type { LoginGuard } from '../../auth/login-guard.js';
import { hashPassword } from '../../auth/password.js';
import { generateInitialPassword } from '../../auth/password-policy.js';
import { endSessionsOf } from '../../auth/sessions.service.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { pageArgs, toPage, type Page } from '../../lib/pagination.js';
import { canManageAccount, linkOf } from './admin.policy.js';
import type { NewUserForm, UserFilter } from './admin.schemas.js';
import type { Credential } from './credentials.js';
import { proposeUsernames } from './usernames.js';
import { containsText } from '../../lib/sql.js';

const PAGE_SIZE = 30;

const listSelect = {
  id: true,
  townshipId: true,
  username: true,
  displayName: true,
  title: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  deactivatedAt: true,
  deputy: { select: { id: true, name: true, village: true } },
  unit: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

export type AccountRow = Prisma.UserGetPayload<{ select: typeof listSelect }> & {
  locked: { until: Date; ips: string[] } | null;
  states: AccountState[];
};
export type AccountState = 'active' | 'locked' | 'deactivated' | 'must-change';

/** Hashes a batch of temporary passwords before a transaction, a few at a time (argon2 is slow). */
async function hashAll(passwords: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) out.push(...(await Promise.all(passwords.slice(i, i + 4).map(hashPassword))));
  return out;
}

/** The system administrator's account management: list, create, bulk logins, reset, (de)activate. */
export function createUsersAdmin(db: Db, deps: { audit: AuditService; auth: AuthService; guard: LoginGuard }, now: () => Date) {
  const { audit, auth, guard } = deps;

  function assertSysadmin(actor: CurrentUser) {
    if (actor.role !== 'SYSADMIN') throw new ForbiddenError();
  }

  async function getManageable(actor: CurrentUser, id: number) {
    assertSysadmin(actor);
    const user = await db.user.findUnique({ where: { id }, select: listSelect });
    if (!user || user.townshipId !== actor.townshipId) throw new NotFoundError('该账号不存在。');
    if (!canManageAccount(actor, user)) throw new ForbiddenError('管理员账号只能在服务器上用命令维护（三权分立）。');
    return user;
  }

  function statesOf(u: { active: boolean; mustChangePassword: boolean }, locked: unknown): AccountState[] {
    if (!u.active) return ['deactivated'];
    const states: AccountState[] = [];
    if (locked) states.push('locked');
    if (u.mustChangePassword) states.push('must-change');
    return states.length ? states : ['active'];
  }

  const credentialOf = (
    u: { id: number; username: string; displayName: string; role: CurrentUser['role'] },
    place: string,
    password: string,
  ): Credential => ({
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    place,
    password,
  });

  return {
    async list(actor: CurrentUser, filter: UserFilter): Promise<Page<AccountRow>> {
      assertSysadmin(actor);
      const lockedNow = await guard.locked();
      const where: Prisma.UserWhereInput = {
        townshipId: actor.townshipId,
        ...(filter.role ? { role: filter.role } : {}),
        ...(filter.q
          ? {
              OR: [
                { username: containsText(db, filter.q.toLowerCase()) },
                { displayName: containsText(db, filter.q) },
                { title: containsText(db, filter.q) },
              ],
            }
          : {}),
        ...(filter.state === 'active' ? { active: true, mustChangePassword: false } : {}),
        ...(filter.state === 'deactivated' ? { active: false } : {}),
        ...(filter.state === 'must-change' ? { active: true, mustChangePassword: true } : {}),
        // The locked usernames are few (a lock lasts minutes): the list is short.
        ...(filter.state === 'locked' ? { active: true, username: { in: [...lockedNow.keys()] } } : {}),
      };
      const [items, total] = await Promise.all([
        db.user.findMany({
          where,
          select: listSelect,
          orderBy: [{ active: 'desc' }, { username: 'asc' }],
          ...pageArgs(filter.page, PAGE_SIZE),
        }),
        db.user.count({ where }),
      ]);
      const rows = items.map((u) => {
        const locked = lockedNow.get(u.username) ?? null;
        return { ...u, locked, states: statesOf(u, locked) };
      });
      return toPage(rows, total, filter.page, PAGE_SIZE);
    },

    /** Counts for the list's header: accounts by state. */
    async counts(actor: CurrentUser) {
      assertSysadmin(actor);
      const [active, deactivated, mustChange, withoutLogin] = await Promise.all([
        db.user.count({ where: { townshipId: actor.townshipId, active: true } }),
        db.user.count({ where: { townshipId: actor.townshipId, active: false } }),
        db.user.count({ where: { townshipId: actor.townshipId, active: true, mustChangePassword: true } }),
        db.deputy.count({ where: { townshipId: actor.townshipId, status: 'ACTIVE', user: { is: null } } }),
      ]);
      return { active, deactivated, mustChange, withoutLogin };
    },

    async get(actor: CurrentUser, id: number): Promise<AccountRow & { manageable: boolean }> {
      assertSysadmin(actor);
      const user = await db.user.findUnique({ where: { id }, select: listSelect });
      if (!user || user.townshipId !== actor.townshipId) throw new NotFoundError('该账号不存在。');
      const locked = (await guard.locked([user.username])).get(user.username) ?? null;
      return { ...user, locked, states: statesOf(user, locked), manageable: canManageAccount(actor, user) };
    },

    /** What the create form offers: deputies without an account, active handling units. */
    async formOptions(actor: CurrentUser) {
      assertSysadmin(actor);
      const [deputies, units] = await Promise.all([
        db.deputy.findMany({
          where: { townshipId: actor.townshipId, status: 'ACTIVE', user: { is: null } },
          select: { id: true, name: true, village: true },
          orderBy: { name: 'asc' },
        }),
        db.handlingUnit.findMany({
          where: { townshipId: actor.townshipId, active: true },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        }),
      ]);
      return { deputies, units };
    },

    /** Creates one account with a temporary password; returns it for the slip. */
    async create(actor: CurrentUser, form: NewUserForm): Promise<Credential> {
      assertSysadmin(actor);
      const link = linkOf(form.role);
      const deputyId = link === 'deputy' || link === 'optional-deputy' ? form.deputyId || null : null;
      const unitId = link === 'unit' ? form.unitId || null : null;
      const errors: Record<string, string> = {};
      if (link === 'deputy' && !deputyId) errors.deputyId = '请选择这位代表（名册中尚无账号的在任代表）';
      if (link === 'unit' && !unitId) errors.unitId = '请选择承办单位';
      const deputy = deputyId
        ? await db.deputy.findFirst({
            where: { id: deputyId, townshipId: actor.townshipId, status: 'ACTIVE' },
            select: { id: true, name: true, village: true, user: { select: { id: true } } },
          })
        : null;
      if (deputyId && !deputy) errors.deputyId = '所选代表不在本镇在任代表名册中';
      if (deputy?.user) errors.deputyId = `${deputy.name}已有账号，请在账号列表中查找`;
      const unit = unitId
        ? await db.handlingUnit.findFirst({
            where: { id: unitId, townshipId: actor.townshipId, active: true },
            select: { id: true, name: true },
          })
        : null;
      if (unitId && !unit) errors.unitId = '所选承办单位不存在或已停用';
      const displayName = form.displayName || deputy?.name || '';
      if (!displayName) errors.displayName = '请填写姓名';
      if (Object.keys(errors).length) throw new ValidationError(errors);
      const taken = form.username ? [] : (await db.user.findMany({ select: { username: true } })).map((u) => u.username);
      const username = form.username || proposeUsernames([displayName], taken, form.role === 'DEPUTY' ? 'daibiao' : 'user')[0]!;
      const password = generateInitialPassword();
      const passwordHash = await hashPassword(password);
      const user = await db.$transaction((tx) =>
        auth.insertUser(
          tx,
          {
            townshipId: actor.townshipId,
            username,
            role: form.role,
            displayName,
            title: form.title || (form.role === 'DEPUTY' ? '镇人大代表' : ''),
            deputyId: deputy?.id ?? null,
            unitId: unit?.id ?? null,
            passwordHash,
            mustChangePassword: true,
          },
          actor,
        ),
      );
      return credentialOf(user, deputy?.village ?? unit?.name ?? '', password);
    },

    /** Deputies on the roster without a login, with the usernames they would get. */
    async bulkPreview(actor: CurrentUser) {
      assertSysadmin(actor);
      const [deputies, taken] = await Promise.all([
        db.deputy.findMany({
          where: { townshipId: actor.townshipId, status: 'ACTIVE', user: { is: null } },
          select: { id: true, name: true, village: true, district: true },
          orderBy: [{ village: 'asc' }, { name: 'asc' }],
        }),
        db.user.findMany({ select: { username: true } }),
      ]);
      const usernames = proposeUsernames(
        deputies.map((d) => d.name),
        taken.map((u) => u.username),
      );
      return deputies.map((d, i) => ({ ...d, username: usernames[i]! }));
    },

    /**
     * Creates logins for the chosen deputies (of those still without one) in one transaction:
     * each with a temporary password to print, forced to change at first login.
     */
    async bulkCreate(actor: CurrentUser, deputyIds: number[]): Promise<Credential[]> {
      const preview = await this.bulkPreview(actor);
      if (!preview.length) throw new ValidationError({ deputyIds: '名册中的在任代表都已有账号' });
      const chosen = preview.filter((d) => deputyIds.includes(d.id));
      if (!chosen.length) throw new ValidationError({ deputyIds: '请至少勾选一位代表' });
      const passwords = chosen.map(() => generateInitialPassword());
      const hashes = await hashAll(passwords);
      return db.$transaction(
        async (tx) => {
          const out: Credential[] = [];
          for (const [i, d] of chosen.entries()) {
            const user = await auth.insertUser(
              tx,
              {
                townshipId: actor.townshipId,
                username: d.username,
                role: 'DEPUTY',
                displayName: d.name,
                title: '镇人大代表',
                deputyId: d.id,
                passwordHash: hashes[i]!,
                mustChangePassword: true,
              },
              actor,
            );
            out.push(credentialOf(user, d.village, passwords[i]!));
          }
          await audit.record(actor, { action: 'user.bulk-create', entity: 'User', detail: { count: out.length } }, tx);
          return out;
        },
        { timeout: LONGEST_TRANSACTION_MS },
      );
    },

    /** A new temporary password: the user must change it at the next login; their sessions end. */
    async resetPassword(actor: CurrentUser, id: number, ip = ''): Promise<Credential> {
      const user = await getManageable(actor, id);
      if (!user.active) throw new ValidationError({ _form: '该账号已停用，请先启用再重置密码' });
      const password = generateInitialPassword();
      const passwordHash = await hashPassword(password);
      await db.$transaction(async (tx) => {
        await auth.setTemporaryPassword(tx, user.id, passwordHash);
        await audit.record(actor, { action: 'user.reset-password', entity: 'User', entityId: user.id, ip }, tx);
      });
      return credentialOf(user, user.deputy?.village ?? user.unit?.name ?? '', password);
    },

    async update(actor: CurrentUser, id: number, form: { displayName: string; title: string }, ip = ''): Promise<void> {
      const user = await getManageable(actor, id);
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data: { displayName: form.displayName, title: form.title } });
        const detail = { displayName: { from: user.displayName, to: form.displayName }, title: { from: user.title, to: form.title } };
        await audit.record(actor, { action: 'user.update', entity: 'User', entityId: id, detail, ip }, tx);
      });
    },

    /** Logs the user out everywhere (a lost phone, a shared computer). */
    async endSessions(actor: CurrentUser, id: number, ip = ''): Promise<number> {
      const user = await getManageable(actor, id);
      return db.$transaction(async (tx) => {
        const count = await endSessionsOf(tx, user.id, now());
        await audit.record(actor, { action: 'user.end-sessions', entity: 'User', entityId: id, detail: { count }, ip }, tx);
        return count;
      });
    },

    /** Deactivates (never deletes: the history keeps the name) and ends every session at once. */
    async setActive(actor: CurrentUser, id: number, active: boolean, ip = ''): Promise<void> {
      const user = await getManageable(actor, id);
      if (user.active === active) return;
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data: { active, deactivatedAt: active ? null : now() } });
        if (!active) await endSessionsOf(tx, id, now());
        await audit.record(actor, { action: active ? 'user.reactivate' : 'user.deactivate', entity: 'User', entityId: id, ip }, tx);
      });
    },
  };
}

export type UsersAdmin = ReturnType<typeof createUsersAdmin>;
