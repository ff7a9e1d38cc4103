import type { Db } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import type { AuditService } from '../features/audit/audit.service.js';
import { isBannerRole, NO_TOWNSHIP, type CurrentUser } from './current-user.js';
import type { LoginGuard, Refusal } from './login-guard.js';
import type { SecurityPolicyService } from './security-policy.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblem, type SecurityPolicy } from './password-policy.js';
import { endSessionsOf } from './sessions.service.js';
import { ValidationError } from '../errors.js';
import { cached } from '../lib/cached.js';

export type LoginResult =
  | { ok: true; user: CurrentUser }
  | { ok: false; reason: 'invalid' | 'inactive' | Refusal['kind']; message: string; retryAfterSeconds?: number };

export type NewAccount = {
  /** null for a banner account (BANNER_ADMIN, BANNER_VIEWER), a township for every other role. */
  townshipId: number | null;
  username: string;
  role: Role;
  displayName: string;
  title?: string;
  deputyId?: number | null;
  unitId?: number | null;
};

/** The columns a session needs, read in one query on every request. */
const sessionUserSelect = {
  id: true,
  townshipId: true,
  township: { select: { name: true, county: true } },
  username: true,
  role: true,
  title: true,
  displayName: true,
  deputyId: true,
  unitId: true,
  active: true,
  mustChangePassword: true,
  passwordChangedAt: true,
} as const satisfies Prisma.UserSelect;
type SessionUserRow = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

/** How many old password hashes are kept at most (the policy's largest history). */
const HISTORY_KEPT = 24;

/** Usernames are compared lower-cased and trimmed, as typed on a phone. */
export const normalizeUsername = (u: string) => u.trim().toLowerCase();

const secondsText = (s: number) => (s >= 120 ? `${Math.ceil(s / 60)}分钟` : `${s}秒`);

/** The Chinese answer to a refused attempt (the same for every username). */
export function refusalMessage(r: Refusal): string {
  switch (r.kind) {
    case 'throttled':
      return `本机登录失败次数过多，请${secondsText(r.seconds)}后再试。`;
    case 'locked':
      return `此账号在本机连续输错密码次数过多，已临时锁定，请${secondsText(r.seconds)}后再试，或请安全管理员解锁。`;
    case 'slowed':
      return `此账号近期登录失败次数过多，请${secondsText(r.seconds)}后再试。`;
  }
}

// A real hash to compare against when the username is unknown, so that timing does not tell.
let dummyHash: Promise<string> | null = null;

export function createAuthService(
  db: Db,
  deps: { audit: AuditService; policies: SecurityPolicyService; guard: LoginGuard },
  now: () => Date,
) {
  const { audit, policies, guard } = deps;

  function passwordExpired(row: { passwordChangedAt: Date }, policy: SecurityPolicy, t: Date): boolean {
    return policy.passwordMaxAgeDays > 0 && t.getTime() - row.passwordChangedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000;
  }

  function toCurrentUser(u: SessionUserRow, policy: SecurityPolicy, t: Date): CurrentUser {
    const user: CurrentUser = {
      id: u.id,
      townshipId: u.townshipId ?? NO_TOWNSHIP,
      ...(u.township ? { townshipName: u.township.name } : {}),
      username: u.username,
      role: u.role,
      title: u.title,
      displayName: u.displayName,
      deputyId: u.deputyId,
      unitId: u.unitId,
    };
    if (u.mustChangePassword) user.passwordChange = 'initial';
    else if (passwordExpired(u, policy, t)) user.passwordChange = 'expired';
    return user;
  }

  /** Fails with field errors when `next` breaks the policy or repeats a recent password. */
  async function checkNewPassword(
    user: { id: number; username: string; displayName: string; passwordHash: string } | null,
    who: { username: string; displayName: string },
    next: string,
    field: string,
  ): Promise<void> {
    const policy = await policies.get();
    const problem = passwordProblem(next, who, policy);
    if (problem) throw new ValidationError({ [field]: problem });
    if (!user) return;
    const history = await db.passwordHistory.findMany({
      where: { userId: user.id },
      orderBy: { id: 'desc' },
      take: policy.passwordHistory,
      select: { hash: true },
    });
    // The current password is normally the newest history row too: count it once.
    const hashes = [...new Set([user.passwordHash, ...history.map((h) => h.hash)])].slice(0, policy.passwordHistory);
    for (const hash of hashes) {
      if (await verifyPassword(hash, next)) {
        throw new ValidationError({ [field]: `新密码不能与最近${policy.passwordHistory}次用过的密码相同` });
      }
    }
  }

  /** Stores a new password hash (and its history row), in the caller's transaction. */
  async function storePassword(tx: Prisma.TransactionClient, userId: number, passwordHash: string, mustChange: boolean) {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: now(), mustChangePassword: mustChange },
    });
    await tx.passwordHistory.create({ data: { userId, hash: passwordHash, createdAt: now() } });
    const old = await tx.passwordHistory.findMany({
      where: { userId },
      orderBy: { id: 'desc' },
      skip: HISTORY_KEPT,
      select: { id: true },
    });
    if (old.length) await tx.passwordHistory.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
  }

  return {
    async login(username: string, password: string, ip = ''): Promise<LoginResult> {
      const name = normalizeUsername(username);
      const refusal = await guard.refusal(name, ip);
      if (refusal) {
        await audit.record(null, { action: 'login.refused', username: name, result: 'DENIED', detail: { reason: refusal.kind }, ip });
        return { ok: false, reason: refusal.kind, message: refusalMessage(refusal), retryAfterSeconds: refusal.seconds };
      }
      const policy = await policies.get();
      const user = await db.user.findUnique({ where: { username: name }, select: { ...sessionUserSelect, passwordHash: true } });
      dummyHash ??= hashPassword('not-a-real-password');
      const right = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !right) {
        const outcome = await guard.recordFailure(name, ip, policy);
        const actor = user ? { id: user.id, townshipId: user.townshipId } : null;
        const target = user ? { entity: 'User', entityId: user.id } : {};
        await audit.record(actor, { action: 'login.failure', ...target, username: name, result: 'DENIED', ip });
        if (outcome.lockedMinutes) {
          await audit.record(actor, {
            action: 'login.lock',
            ...target,
            username: name,
            result: 'DENIED',
            detail: { minutes: outcome.lockedMinutes },
            ip,
          });
        }
        if (outcome.throttled) await audit.record(null, { action: 'login.throttled', username: name, result: 'DENIED', ip });
        if (outcome.lockedMinutes) {
          const message = refusalMessage({ kind: 'locked', seconds: outcome.lockedMinutes * 60 });
          return { ok: false, reason: 'locked', message, retryAfterSeconds: outcome.lockedMinutes * 60 };
        }
        const warn = outcome.left <= 2 ? `再输错${outcome.left}次，此账号将在本机临时锁定。` : '';
        return { ok: false, reason: 'invalid', message: `用户名或密码不正确。${warn}` };
      }
      // Only after the right password: otherwise the message would tell which usernames exist.
      if (!user.active) {
        await audit.record(user, { action: 'login.inactive', entity: 'User', entityId: user.id, username: name, result: 'DENIED', ip });
        return { ok: false, reason: 'inactive', message: '该账号已停用，请联系系统管理员。' };
      }
      await guard.recordSuccess(name, ip);
      const t = now();
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: t } });
        await audit.record(user, { action: 'login.success', entity: 'User', entityId: user.id, username: name, ip }, tx);
      });
      return { ok: true, user: toCurrentUser(user, policy, t) };
    },

    /**
     * The session's user, read on every request in one query (the policy is cached): a deactivated
     * account is out at once, an expired password or a pending first change is flagged.
     */
    async findSessionUser(id: number): Promise<CurrentUser | null> {
      // Read on every logged-in request: kept until a user row changes (a deactivation or a new
      // password takes effect on the next request), for at most a few seconds.
      const row = () =>
        cached(db, `session-user:${id}`, ['User'], 5_000, () => db.user.findUnique({ where: { id }, select: sessionUserSelect }));
      const [user, policy] = await Promise.all([row(), policies.get()]);
      if (!user || !user.active) return null;
      return toCurrentUser(user, policy, now());
    },

    /** Changes the user's own password and ends their other sessions (keeps `keepSessionId`). */
    async changePassword(user: CurrentUser, current: string, next: string, keepSessionId = '', ip = ''): Promise<void> {
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await verifyPassword(row.passwordHash, current))) {
        throw new ValidationError({ currentPassword: '当前密码不正确' });
      }
      await checkNewPassword(row, row, next, 'newPassword');
      const passwordHash = await hashPassword(next);
      await db.$transaction(async (tx) => {
        await storePassword(tx, user.id, passwordHash, false);
        const ended = await endSessionsOf(tx, user.id, now(), keepSessionId);
        await audit.record(
          user,
          {
            action: 'user.password',
            entity: 'User',
            entityId: user.id,
            detail: { endedSessions: ended, reason: user.passwordChange ?? 'own' },
            ip,
          },
          tx,
        );
      });
    },

    /**
     * Sets a temporary password (already hashed) in the caller's transaction: the user must change
     * it at the next login, and every session of theirs ends.
     */
    async setTemporaryPassword(tx: Prisma.TransactionClient, userId: number, passwordHash: string): Promise<void> {
      await storePassword(tx, userId, passwordHash, true);
      await endSessionsOf(tx, userId, now());
    },

    /** Creates an account with a password typed at the server (the CLI): the policy applies. */
    async createUser(input: NewAccount & { password: string }, actor: CurrentUser | null = null): Promise<CurrentUser> {
      const username = normalizeUsername(input.username);
      await checkNewPassword(null, { username, displayName: input.displayName }, input.password, 'password');
      const passwordHash = await hashPassword(input.password);
      return db.$transaction((tx) => this.insertUser(tx, { ...input, passwordHash, mustChangePassword: false }, actor));
    },

    /**
     * Inserts an account in the caller's transaction, its password already hashed (hash outside
     * the transaction: argon2 takes tens of milliseconds and SQLite has one writer).
     */
    async insertUser(
      tx: Prisma.TransactionClient,
      input: NewAccount & { passwordHash: string; mustChangePassword: boolean },
      actor: CurrentUser | null,
    ): Promise<CurrentUser> {
      const username = normalizeUsername(input.username);
      if (isBannerRole(input.role) !== (input.townshipId === null)) {
        throw new Error(`a ${input.role} account ${input.townshipId === null ? 'needs' : 'has no'} township`);
      }
      if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
        throw new ValidationError({ username: `用户名“${username}”已被使用` });
      }
      const user = await tx.user.create({
        data: {
          townshipId: input.townshipId,
          username,
          passwordHash: input.passwordHash,
          role: input.role,
          displayName: input.displayName,
          title: input.title ?? '',
          deputyId: input.deputyId ?? null,
          unitId: input.unitId ?? null,
          mustChangePassword: input.mustChangePassword,
          passwordChangedAt: now(),
        },
        select: sessionUserSelect,
      });
      await tx.passwordHistory.create({ data: { userId: user.id, hash: input.passwordHash, createdAt: now() } });
      const detail = { username, role: input.role, deputyId: input.deputyId ?? null, unitId: input.unitId ?? null };
      const entry = {
        action: 'user.create' as const,
        entity: 'User',
        entityId: user.id,
        detail,
        townshipId: input.townshipId ?? undefined,
      };
      await audit.record(actor ?? user, entry, tx);
      return toCurrentUser(user, await policies.get(tx), now());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
