import type { Db } from '../db.js';
import type { Role } from '../generated/prisma/enums.js';
import type { AuditService } from '../features/audit/audit.service.js';
import type { CurrentUser } from './current-user.js';
import { hashPassword, verifyPassword } from './password.js';
import { ValidationError } from '../errors.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type LoginResult = { ok: true; user: CurrentUser } | { ok: false; reason: 'invalid' | 'locked' | 'inactive'; message: string };

const userSelect = {
  id: true,
  townshipId: true,
  username: true,
  role: true,
  title: true,
  displayName: true,
  deputyId: true,
  unitId: true,
} as const;

// A real hash to compare against when the username is unknown, so timing does not tell.
let dummyHash: Promise<string> | null = null;

export function createAuthService(db: Db, audit: AuditService, now: () => Date = () => new Date()) {
  return {
    async login(username: string, password: string, ip = ''): Promise<LoginResult> {
      const user = await db.user.findUnique({ where: { username: username.trim() } });
      if (!user) {
        dummyHash ??= hashPassword('not-a-real-password');
        await verifyPassword(await dummyHash, password);
        await audit.record(null, { action: 'login.failure', detail: { username: username.trim() }, ip });
        return { ok: false, reason: 'invalid', message: '用户名或密码不正确。' };
      }
      const t = now();
      // A locked account says so whatever the password: checking it during the lock would tell an
      // attacker when a guess is right.
      if (user.lockedUntil && user.lockedUntil > t) {
        await audit.record(user, { action: 'login.locked', entity: 'User', entityId: user.id, ip });
        return {
          ok: false,
          reason: 'locked',
          message: `连续输错密码次数过多，账号已临时锁定，请${LOCK_MINUTES}分钟后再试。`,
        };
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const failed = user.failedLoginCount + 1;
        const lock = failed >= MAX_FAILED_LOGINS;
        await db.$transaction(async (tx) => {
          await tx.user.update({
            where: { id: user.id },
            data: {
              failedLoginCount: lock ? 0 : failed,
              lockedUntil: lock ? new Date(t.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil,
            },
          });
          await audit.record(user, { action: lock ? 'login.lock' : 'login.failure', entity: 'User', entityId: user.id, ip }, tx);
        });
        if (lock) {
          return {
            ok: false,
            reason: 'locked',
            message: `连续输错密码次数过多，账号已临时锁定，请${LOCK_MINUTES}分钟后再试。`,
          };
        }
        const left = MAX_FAILED_LOGINS - failed;
        return { ok: false, reason: 'invalid', message: `用户名或密码不正确。再输错${left}次，账号将被临时锁定。` };
      }
      // Only after the right password: otherwise the message would tell which usernames exist.
      if (!user.active) {
        await audit.record(user, { action: 'login.inactive', entity: 'User', entityId: user.id, ip });
        return { ok: false, reason: 'inactive', message: '该账号已停用，请联系镇人大工作人员。' };
      }
      await db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: t },
        });
        await audit.record(user, { action: 'login.success', entity: 'User', entityId: user.id, ip }, tx);
      });
      return { ok: true, user: pick(user) };
    },

    /** The session's user, re-read on every request so a deactivated account is out at once. */
    async findSessionUser(id: number): Promise<CurrentUser | null> {
      const user = await db.user.findUnique({ where: { id }, select: { ...userSelect, active: true } });
      if (!user || !user.active) return null;
      return pick(user);
    },

    /** Changes the password and ends the user's other sessions (keeps `keepSessionId`). */
    async changePassword(user: CurrentUser, current: string, next: string, keepSessionId = ''): Promise<void> {
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await verifyPassword(row.passwordHash, current))) {
        throw new ValidationError({ currentPassword: '当前密码不正确' });
      }
      const problem = passwordProblem(next, row.username);
      if (problem) throw new ValidationError({ newPassword: problem });
      const passwordHash = await hashPassword(next);
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now() } });
        await tx.session.deleteMany({ where: { sid: { not: keepSessionId }, data: { contains: `"passport":{"user":${user.id}}` } } });
        await audit.record(user, { action: 'user.password', entity: 'User', entityId: user.id }, tx);
      });
    },

    /** Creates an account (the CLI's first account, or staff creating one). */
    async createUser(input: {
      townshipId: number;
      username: string;
      password: string;
      role: Role;
      displayName: string;
      title?: string;
      deputyId?: number | null;
      unitId?: number | null;
    }): Promise<CurrentUser> {
      const problem = passwordProblem(input.password, input.username);
      if (problem) throw new ValidationError({ password: problem });
      if (await db.user.findUnique({ where: { username: input.username } })) {
        throw new ValidationError({ username: '该用户名已被使用' });
      }
      const user = await db.user.create({
        data: {
          townshipId: input.townshipId,
          username: input.username,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          displayName: input.displayName,
          title: input.title ?? '',
          deputyId: input.deputyId ?? null,
          unitId: input.unitId ?? null,
        },
        select: userSelect,
      });
      await audit.record(user, { action: 'user.create', entity: 'User', entityId: user.id, detail: { role: input.role } });
      return user;
    },
  };
}

/** A Chinese explanation of why a new password is too weak, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return '密码至少10位';
  if (password.length > 128) return '密码不能超过128位';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三种';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

function pick(u: CurrentUser): CurrentUser {
  return {
    id: u.id,
    townshipId: u.townshipId,
    username: u.username,
    role: u.role,
    title: u.title,
    displayName: u.displayName,
    deputyId: u.deputyId,
    unitId: u.unitId,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
