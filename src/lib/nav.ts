import type { Role } from '../generated/prisma/enums.js';

export type NavLink = { href: string; label: string };
/** A menu group: a dropdown (<details>) on a desktop, a section of the menu on a phone. */
export type NavGroup = { label: string; items: NavLink[] };
export type NavItem = NavLink | NavGroup;

const ITEMS = {
  home: { href: '/', label: '首页' },
  deputies: { href: '/deputies', label: '代表名册' },
  stations: { href: '/stations', label: '联络站' },
  suggestions: { href: '/suggestions', label: '代表建议' },
  suggestionStats: { href: '/suggestions/stats', label: '建议办理统计' },
  projects: { href: '/projects', label: '民生实事项目' },
  activities: { href: '/activities', label: '代表活动' },
  activityStats: { href: '/activities/stats', label: '活动人次统计' },
  receptions: { href: '/receptions', label: '接待选民' },
  reports: { href: '/reports', label: '工作报告' },
  dashboard: { href: '/dashboard', label: '数据看板' },
  tasks: { href: '/me/tasks', label: '我的任务' },
  allTasks: { href: '/tasks', label: '监督任务' },
  sessions: { href: '/sessions', label: '会议票决' },
  me: { href: '/me', label: '我的履职' },
  audit: { href: '/audit', label: '审计日志' },
  securityEvents: { href: '/admin/security-events', label: '安全事件' },
  users: { href: '/admin/users', label: '账号管理' },
  units: { href: '/admin/units', label: '承办单位' },
  township: { href: '/admin/township', label: '镇设置' },
  locks: { href: '/admin/locks', label: '账号解锁' },
  security: { href: '/admin/security', label: '安全策略' },
} satisfies Record<string, NavLink>;

const group = (label: string, ...items: NavLink[]): NavGroup => ({ label, items });

/**
 * The menu of each role: a few top-level links and groups, so that the presidium's dozen pages fit
 * one row at 1366 px. Guards on the routes decide access; this only shows the way.
 */
export function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'STAFF':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        group('代表工作', ITEMS.deputies, ITEMS.stations, ITEMS.receptions, ITEMS.activities),
        group('民生实事', ITEMS.projects, ITEMS.sessions, ITEMS.allTasks),
        group('报告统计', ITEMS.reports, ITEMS.dashboard, ITEMS.suggestionStats, ITEMS.activityStats),
      ];
    case 'PRESIDIUM':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        ITEMS.tasks,
        group('代表工作', ITEMS.deputies, ITEMS.stations, ITEMS.receptions, ITEMS.activities),
        group('民生实事', ITEMS.projects, ITEMS.sessions, ITEMS.allTasks),
        group('报告统计', ITEMS.reports, ITEMS.dashboard, ITEMS.suggestionStats, ITEMS.activityStats),
      ];
    case 'DEPUTY':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        ITEMS.tasks,
        ITEMS.me,
        group('更多', ITEMS.projects, ITEMS.sessions, ITEMS.stations, ITEMS.receptions, ITEMS.activities),
      ];
    case 'UNIT':
      return [ITEMS.home, ITEMS.suggestions, ITEMS.projects];
    case 'AUDITOR':
      return [ITEMS.audit];
    case 'SYSADMIN':
      return [ITEMS.users, ITEMS.units, ITEMS.township];
    case 'SECADMIN':
      return [ITEMS.locks, ITEMS.securityEvents, ITEMS.security];
  }
}

/** Every link of a menu, groups opened. */
export function navLinks(items: NavItem[]): NavLink[] {
  return items.flatMap((i) => ('items' in i ? i.items : [i]));
}

/** The menu link of the page being shown: the longest one the path is at or under ('/' only on '/'). */
export function currentLink(items: NavItem[], path: string): string {
  const at = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  return (
    navLinks(items)
      .filter((l) => at(l.href))
      .sort((a, b) => b.href.length - a.href.length)[0]?.href ?? ''
  );
}
