import type { Role } from '../generated/prisma/enums.js';

export type NavItem = { href: string; label: string };

const ITEMS = {
  home: { href: '/', label: '首页' },
  deputies: { href: '/deputies', label: '代表' },
  stations: { href: '/stations', label: '联络站' },
  suggestions: { href: '/suggestions', label: '代表建议' },
  projects: { href: '/projects', label: '民生实事' },
  activities: { href: '/activities', label: '代表活动' },
  receptions: { href: '/receptions', label: '接待选民' },
  reports: { href: '/reports', label: '工作报告' },
  dashboard: { href: '/dashboard', label: '数据看板' },
  tasks: { href: '/me/tasks', label: '我的任务' },
  allTasks: { href: '/tasks', label: '监督任务' },
  sessions: { href: '/sessions', label: '会议票决' },
  me: { href: '/me', label: '我的履职' },
  audit: { href: '/audit', label: '操作日志' },
  users: { href: '/admin/users', label: '账号管理' },
  units: { href: '/admin/units', label: '承办单位' },
  township: { href: '/admin/township', label: '镇设置' },
  locks: { href: '/admin/locks', label: '账号解锁' },
  security: { href: '/admin/security', label: '安全策略' },
} satisfies Record<string, NavItem>;

/** The navigation bar of each role. Guards on the routes decide access; this only shows the way. */
export function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'STAFF':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        ITEMS.deputies,
        ITEMS.stations,
        ITEMS.receptions,
        ITEMS.projects,
        ITEMS.sessions,
        ITEMS.allTasks,
        ITEMS.activities,
        ITEMS.reports,
        ITEMS.dashboard,
      ];
    case 'PRESIDIUM':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        ITEMS.projects,
        ITEMS.sessions,
        ITEMS.tasks,
        ITEMS.allTasks,
        ITEMS.deputies,
        ITEMS.stations,
        ITEMS.receptions,
        ITEMS.activities,
        ITEMS.reports,
        ITEMS.dashboard,
      ];
    case 'DEPUTY':
      return [
        ITEMS.home,
        ITEMS.suggestions,
        ITEMS.tasks,
        ITEMS.me,
        ITEMS.projects,
        ITEMS.sessions,
        ITEMS.stations,
        ITEMS.receptions,
        ITEMS.activities,
      ];
    case 'UNIT':
      return [ITEMS.home, ITEMS.suggestions, ITEMS.projects];
    case 'AUDITOR':
      return [ITEMS.audit];
    case 'SYSADMIN':
      return [ITEMS.users, ITEMS.units, ITEMS.township];
    case 'SECADMIN':
      return [ITEMS.locks, ITEMS.security];
  }
}
