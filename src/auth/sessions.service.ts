import { createHash } from 'node:crypto';
import Bowser from 'bowser';
import type { Db } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AuditService } from '../features/audit/audit.service.js';
import type { CurrentUser } from './current-user.js';
import { NotFoundError } from '../errors.js';

type Writer = Pick<Db, 'session'> | Prisma.TransactionClient;

export type ActiveSession = {
  sid: string;
  device: string;
  ip: string;
  startedAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** "Windows 电脑 · Chrome 120", "Android 手机 · 微信 8.0" … from a User-Agent header. */
export function describeDevice(userAgent: string): string {
  if (!userAgent) return '未知设备';
  const p = Bowser.parse(userAgent);
  const kind = { mobile: '手机', tablet: '平板', desktop: '电脑', tv: '电视', bot: '程序' }[p.platform.type ?? ''] ?? '设备';
  const os = p.os.name ? `${p.os.name}${p.os.name === 'Windows' && p.os.versionName ? ` ${p.os.versionName}` : ''}` : '';
  const browserName = p.browser.name === 'WeChat' ? '微信' : p.browser.name === 'QQ Browser' ? 'QQ浏览器' : (p.browser.name ?? '');
  const major = p.browser.version?.split('.')[0] ?? '';
  const browser = [browserName, major].filter(Boolean).join(' ');
  return [`${os ? `${os} ` : ''}${kind}`, browser].filter(Boolean).join(' · ');
}

/** A user's own sessions: the list on "登录设备" and ending them. */
export function createSessionsService(db: Db, audit: AuditService, now: () => Date) {
  const live = (userId: number) => ({ userId, endedAt: null, expiresAt: { gt: new Date() } });

  return {
    async list(user: CurrentUser, currentSid: string): Promise<ActiveSession[]> {
      const rows = await db.session.findMany({
        where: live(user.id),
        select: { sid: true, ip: true, userAgent: true, startedAt: true, lastSeenAt: true },
        orderBy: { lastSeenAt: 'desc' },
      });
      return rows
        .map((r) => ({ ...r, device: describeDevice(r.userAgent), current: r.sid === currentSid }))
        .sort((a, b) => Number(b.current) - Number(a.current));
    },

    /** Ends one of the user's other sessions (identified by a short public handle, not the sid). */
    async end(user: CurrentUser, handle: string, currentSid: string, ip = ''): Promise<void> {
      const rows = await db.session.findMany({ where: live(user.id), select: { sid: true } });
      const target = rows.find((r) => sessionHandle(r.sid) === handle && r.sid !== currentSid);
      if (!target) throw new NotFoundError('该登录已结束或不存在。');
      await db.$transaction(async (tx) => {
        await tx.session.updateMany({ where: { sid: target.sid }, data: { endedAt: now() } });
        await audit.record(user, { action: 'session.end', entity: 'User', entityId: user.id, ip }, tx);
      });
    },

    async endOthers(user: CurrentUser, currentSid: string, ip = ''): Promise<number> {
      return db.$transaction(async (tx) => {
        const count = await endSessionsOf(tx, user.id, now(), currentSid);
        await audit.record(user, { action: 'session.end-others', entity: 'User', entityId: user.id, detail: { count }, ip }, tx);
        return count;
      });
    },
  };
}

/** Marks a user's sessions ended (all of them, or all but `keepSid`); returns how many. */
export async function endSessionsOf(tx: Writer, userId: number, at: Date, keepSid = ''): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null, ...(keepSid ? { sid: { not: keepSid } } : {}) },
    data: { endedAt: at },
  });
  return count;
}

/**
 * The handle a page uses for a session: a prefix of a hash of its id, so that the page (and the
 * HTML cached or printed anywhere) never carries a session id that could be replayed.
 */
export function sessionHandle(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url').slice(0, 16);
}

export type SessionsService = ReturnType<typeof createSessionsService>;
