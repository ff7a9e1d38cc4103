import type { Role } from '../../generated/prisma/enums.js';

/**
 * 三权分立 at the banner: the banner administrator (旗系统管理员) opens a township and makes its
 * first 系统管理员 and its first 工作人员 — one of each, only while the township has none (active or
 * not), never a reset and never afterwards. The township's 安全管理员 and 审计管理员 are made at the
 * server (`npm run user:create`), so that the banner administrator never holds the accounts that
 * watch the ones it made. Every creation is written to the township's own audit log.
 */
export const FIRST_ACCOUNT_ROLES = ['SYSADMIN', 'STAFF'] as const satisfies readonly Role[];
export type FirstAccountRole = (typeof FIRST_ACCOUNT_ROLES)[number];

/** May the banner administrator create an account of `role` in a township that already has `existing` of that role? */
export function canCreateFirstAccount(role: Role, existing: number): boolean {
  return (FIRST_ACCOUNT_ROLES as readonly Role[]).includes(role) && existing === 0;
}
