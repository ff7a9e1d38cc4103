/**
 * Every audit action code and its Chinese label: one map. `AuditAction` is its key type, and
 * `services.audit.record` takes only an `AuditAction`, so a code without a label does not compile
 * (tests/unit/audit-labels.test.ts also reads every code written in src/).
 */
import { ACTIONS, type ActionName } from '../suggestions/suggestions.workflow.js';

const FIXED = {
  // 身份鉴别与会话 (authentication and sessions)
  'login.success': '登录成功',
  'login.failure': '登录失败（用户名或密码错误）',
  'login.lock': '账号因多次登录失败被锁定',
  'login.refused': '登录被拒绝（账号已锁定）',
  'login.throttled': '登录被限制（来源地址失败过多）',
  'login.inactive': '已停用账号尝试登录',
  'login.unthrottle': '解除来源地址的登录限制',
  logout: '退出登录',
  'session.timeout': '会话超时自动退出',
  'session.end': '结束一个登录会话',
  'session.end-others': '结束其他全部登录会话',
  'user.password': '修改本人密码',
  // 访问控制 (refused requests)
  'access.denied': '越权访问被拒绝',
  'access.csrf': '来源不明的提交被拒绝（CSRF）',
  // 账号与系统管理
  'user.create': '新建账号',
  'user.bulk-create': '为代表批量开通账号',
  'user.update': '修改账号',
  'user.reset-password': '重置密码',
  'user.end-sessions': '强制账号退出登录',
  'user.deactivate': '停用账号',
  'user.reactivate': '重新启用账号',
  'user.unlock': '解除账号锁定',
  'user.credentials-print': '打印登录通知单（含初始密码）',
  'user.credentials-export': '导出账号与初始密码',
  'user.credentials-clear': '清除页面上的初始密码',
  'unit.create': '新增承办单位',
  'unit.update': '修改承办单位',
  'unit.deactivate': '停用承办单位',
  'unit.reactivate': '重新启用承办单位',
  'township.create': '开设乡镇',
  'township.hosts': '设置镇的访问域名',
  'banner.suggestion.export': '导出全旗代表建议台账',
  'township.update': '修改本镇设置',
  'settings.security': '修改安全策略',
  // 个人信息
  'personal.reveal': '查看完整个人信息',
  // 代表
  'deputy.create': '新增代表',
  'deputy.update': '修改代表信息',
  'deputy.terminate': '代表资格终止',
  'deputy.reinstate': '恢复代表资格',
  'deputy.import': '从名册导入代表',
  'deputy.import.batch': '导入代表名册',
  'deputy.export': '导出代表名册',
  'deputy.import.invalid-export': '导出名册导入的错误行',
  'deputy.import.template': '下载名册导入模板',
  // 代表建议
  'suggestion.create': '新建代表建议',
  'suggestion.update': '修改代表建议草稿',
  'suggestion.export': '导出代表建议台账',
  'suggestion.print': '打印代表建议',
  // 联络站
  'station.create': '新增代表联络站',
  'station.update': '修改代表联络站',
  'station.equipment.add': '登记联络站设备',
  'station.equipment.update': '修改联络站设备',
  'station.equipment.remove': '删除联络站设备',
  'station.resident.add': '安排代表进站',
  'station.resident.remove': '取消代表进站',
  // 接待选民
  'reception.schedule': '安排接待选民',
  'reception.update': '修改接待安排',
  'reception.cancel': '取消接待安排',
  'reception.record': '记录接待情况',
  'opinion.create': '登记选民意见',
  'opinion.answer': '答复选民意见',
  'opinion.refer': '转交选民意见',
  'opinion.referral-answer': '登记转交单位答复',
  // 代表码、联络站码（选民扫码反映）和主席团联系代表
  'opinion.submit': '选民扫码提交意见',
  'opinion.rate': '选民评价答复',
  'opinion.escalate': '代表将意见交镇人大办理',
  'opinion.spam': '标记为无效信息',
  'opinion.unspam': '取消无效信息标记',
  'voter-code.issue': '生成或重新生成代表码/联络站码',
  'voter-code.revoke': '停用代表码/联络站码',
  'liaison.assign': '安排主席团成员联系代表',
  'liaison.contact': '登记联系代表情况',
  // 活动
  'activity.create': '新增代表活动',
  'activity.update': '修改代表活动',
  'activity.attendance': '登记活动出勤',
  // 民生实事
  'project.create': '新增民生实事项目',
  'project.update': '修改民生实事项目',
  'project.shortlist': '确定候选项目',
  'project.withdraw': '撤回民生实事项目',
  'project.team': '调整项目监督小组',
  'project.inspection': '登记项目视察',
  'project.milestone': '新增项目节点',
  'project.milestone.done': '项目节点完成',
  'project.progress': '报告项目进度',
  'vote.settings': '修改票决设置',
  'vote.open': '开始票决',
  'vote.close': '结束票决',
  'vote.cast': '代表投票',
  'vote.paper': '录入纸质选票',
  'session.print': '打印会议票决结果',
  // 监督任务
  'task.create': '发布监督任务',
  'task.accept': '代表接受任务',
  'task.progress': '记录任务进展',
  'task.report': '提交任务报告',
  'task.approve': '审核通过任务报告',
  'task.return': '退回任务报告',
  'task.close': '关闭监督任务',
  'task.cancel': '撤销监督任务',
  // 工作报告
  'report.generate': '生成年度工作报告',
  'report.save': '修改年度工作报告',
  'report.finalize': '工作报告定稿',
  'report.reopen': '工作报告重新打开编辑',
  'report.export': '导出年度工作报告',
  'report.print': '打印年度工作报告',
  // 审计
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志完整性',
} as const;

type SuggestionActionCode = `suggestion.${ActionName}`;
export type AuditAction = keyof typeof FIXED | SuggestionActionCode;

const suggestionLabels = Object.fromEntries(
  (Object.keys(ACTIONS) as ActionName[]).map((name) => [`suggestion.${name}`, `代表建议：${ACTIONS[name].label}`]),
) as Record<SuggestionActionCode, string>;

export const AUDIT_LABELS: Readonly<Record<AuditAction, string>> = { ...FIXED, ...suggestionLabels };

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_LABELS, code);
}

/** The label of a code; an unknown one (written by an older version) is shown as it is. */
export function auditLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_LABELS[code] : code;
}

/** Groups for the auditor's filter: a code belongs to the first group whose prefix it starts with. */
export const AUDIT_GROUPS = [
  { key: 'auth', label: '登录与会话', prefixes: ['login.', 'logout', 'session.timeout', 'session.end', 'user.password'] },
  { key: 'denied', label: '越权与拒绝', prefixes: ['access.'] },
  { key: 'accounts', label: '账号管理', prefixes: ['user.'] },
  { key: 'system', label: '系统与安全设置', prefixes: ['unit.', 'township.', 'settings.'] },
  { key: 'export', label: '导出、下载与打印', prefixes: [] as string[] },
  { key: 'personal', label: '查看个人信息', prefixes: ['personal.'] },
  { key: 'deputies', label: '代表', prefixes: ['deputy.', 'liaison.'] },
  { key: 'suggestions', label: '代表建议', prefixes: ['suggestion.'] },
  { key: 'stations', label: '联络站、接待与选民意见', prefixes: ['station.', 'reception.', 'opinion.', 'voter-code.'] },
  { key: 'activities', label: '代表活动', prefixes: ['activity.'] },
  { key: 'projects', label: '民生实事与票决', prefixes: ['project.', 'vote.', 'session.print'] },
  { key: 'tasks', label: '监督任务', prefixes: ['task.'] },
  { key: 'reports', label: '工作报告', prefixes: ['report.'] },
  { key: 'audit', label: '审计', prefixes: ['audit.'] },
] as const;

export type AuditGroupKey = (typeof AUDIT_GROUPS)[number]['key'];

/** Exports, downloads and prints of personal data or ledgers (the 'export' group). */
export const EXPORT_ACTIONS: readonly AuditAction[] = (Object.keys(AUDIT_LABELS) as AuditAction[]).filter((c) =>
  /(export|print|template|credentials-print)$/.test(c),
);

/** The codes of one group. */
export function actionsOfGroup(key: string): AuditAction[] {
  const all = Object.keys(AUDIT_LABELS) as AuditAction[];
  if (key === 'export') return [...EXPORT_ACTIONS];
  const group = AUDIT_GROUPS.find((g) => g.key === key);
  if (!group) return [];
  return all.filter((c) => group.prefixes.some((p) => c.startsWith(p)));
}

/** Security events the 安全管理员 sees (no business data): logins, locks, throttling, passwords, sessions. */
export const SECURITY_ACTIONS: readonly AuditAction[] = [
  'login.success',
  'login.failure',
  'login.lock',
  'login.refused',
  'login.throttled',
  'login.inactive',
  'login.unthrottle',
  'logout',
  'session.timeout',
  'session.end',
  'session.end-others',
  'user.password',
  'user.reset-password',
  'user.unlock',
  'user.end-sessions',
  'user.deactivate',
  'user.reactivate',
  'settings.security',
  'access.denied',
  'access.csrf',
];

export const RESULTS = { SUCCESS: '成功', DENIED: '拒绝', FAILED: '失败' } as const;
export type AuditResult = keyof typeof RESULTS;
