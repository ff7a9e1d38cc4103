/**
 * An audit row's detail (stored as JSON) as the auditor reads it: keys and known codes in Chinese,
 * before → after for changes, lists joined, yes/no for flags. Keys not listed are shown as written.
 */
import { formatDate } from '../../lib/format.js';
import {
  activityKindLabels,
  opinionRatingLabels,
  projectStatusLabels,
  roleLabels,
  taskKindLabels,
  voteChoiceLabels,
  votingRuleLabels,
} from '../../lib/labels.js';

const KEYS: Record<string, string> = {
  year: '年度',
  revision: '修订版',
  rows: '行数',
  count: '人数',
  file: '文件',
  name: '名称',
  title: '标题',
  method: '方式',
  path: '地址',
  reason: '原因',
  minutes: '锁定分钟',
  format: '格式',
  filter: '筛选条件',
  username: '用户名',
  role: '角色',
  field: '信息项',
  via: '渠道',
  to: '改为',
  from: '原为',
  before: '修改前',
  after: '修改后',
  reissued: '重新生成',
  rating: '评价',
  deputyId: '代表编号',
  deputyIds: '代表编号',
  presentIds: '到场代表编号',
  supervisorIds: '督办代表编号',
  participantIds: '参加代表编号',
  deputies: '代表人数',
  receptionId: '接待日编号',
  sessionId: '会议编号',
  activityId: '活动编号',
  assignmentId: '任务分配编号',
  milestoneId: '节点编号',
  equipmentId: '设备编号',
  followerId: '联系的主席团成员编号',
  address: '来源地址',
  endedSessions: '结束的其他会话',
  displayName: '姓名',
  contactPerson: '联系人',
  phone: '电话',
  contactPhone: '联系电话',
  county: '所属旗（县）',
  portalUrl: '平台网址',
  date: '日期',
  dueDate: '期限',
  doneOn: '完成日期',
  termEnd: '终止日期',
  statusNote: '终止原因',
  station: '联络站',
  unit: '单位',
  quantity: '数量',
  note: '说明',
  kind: '类型',
  percent: '完成进度',
  spentYuan: '累计完成投资（元）',
  budgetYuan: '投资（元）',
  status: '状态',
  votingRule: '通过规则',
  presentCount: '出席代表人数',
  voterCount: '接待选民人数',
  otherAttendees: '其他参加人次',
  candidates: '候选项目数',
  ratings: '测评项目数',
};

/** Codes written as values under a key, in Chinese. */
const VALUES: Record<string, Record<string, string>> = {
  field: { phone: '联系电话', voterPhone: '选民联系电话' },
  via: { d: '代表码', s: '联络站码' },
  rating: opinionRatingLabels,
  // project.progress: { from, to } are the project's 实施状态
  status: projectStatusLabels,
  from: projectStatusLabels,
  to: projectStatusLabels,
  kind: { ...taskKindLabels, ...activityKindLabels },
  role: roleLabels,
  votingRule: votingRuleLabels,
  choice: voteChoiceLabels,
  reason: {
    locked: '账号已锁定',
    slowed: '登录过于频繁',
    throttled: '来源地址失败过多',
    idle: '长时间未操作',
    absolute: '登录时间超过上限',
    own: '本人修改',
    initial: '首次登录修改初始密码',
    expired: '密码过期',
  },
};

/** When `via` names a code, `to` is the record the code belongs to (a deputy or a station). */
const TO_BY_VIA: Record<string, string> = { d: '代表编号', s: '联络站编号' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function valueText(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '无';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return VALUES[key]?.[v] ?? (ISO_DATE.test(v) ? formatDate(new Date(v)) : v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(key, x)).join('、') : '无';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    // a change: { from, to } of one field
    if (keys.length === 2 && 'from' in o && 'to' in o && (typeof o.from !== 'object' || o.from === null)) {
      return `${valueText(key, o.from)} → ${valueText(key, o.to)}`;
    }
    return `（${entriesText(o)}）`;
  }
  return JSON.stringify(v);
}

function entriesText(o: Record<string, unknown>): string {
  const via = typeof o.via === 'string' ? o.via : '';
  return Object.entries(o)
    .map(([k, v]) => `${(k === 'to' && TO_BY_VIA[via]) || KEYS[k] || k}：${valueText(k, v)}`)
    .join('；');
}

export function detailText(detail: string): string {
  if (!detail) return '';
  try {
    const value = JSON.parse(detail) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return entriesText(value as Record<string, unknown>);
    return valueText('', value);
  } catch {
    return detail;
  }
}
