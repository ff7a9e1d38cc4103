/** Chinese labels of the schema's enums, in display order. */
import type {
  ActivityKind,
  DeputyLevel,
  DeputyStatus,
  Gender,
  OpinionHandling,
  OpinionRating,
  OpinionSource,
  ProjectPhase,
  ProjectStatus,
  ReceptionStatus,
  ReplyCategory,
  Role,
  SatisfactionLevel,
  StationTier,
  SuggestionCategory,
  SuggestionStatus,
  TaskAssignmentStatus,
  TaskKind,
  TaskStatus,
  VoteChoice,
  ReportStatus,
  AssignmentRole,
  SupervisionWay,
  ProjectSource,
  ProjectRatingValue,
  VotingStatus,
  VotingRule,
  ContactWay,
} from '../generated/prisma/enums.js';

export const roleLabels: Record<Role, string> = {
  STAFF: '工作人员',
  PRESIDIUM: '主席团成员',
  DEPUTY: '人大代表',
  UNIT: '承办单位',
  AUDITOR: '审计管理员',
  SYSADMIN: '系统管理员',
  SECADMIN: '安全管理员',
  BANNER_ADMIN: '旗系统管理员',
  BANNER_VIEWER: '旗人大常委会',
};

export const genderLabels: Record<Gender, string> = { MALE: '男', FEMALE: '女' };

export const deputyLevelLabels: Record<DeputyLevel, string> = {
  CITY: '市人大代表',
  BANNER: '旗人大代表',
  TOWN: '镇人大代表',
};
export const deputyLevelShort: Record<DeputyLevel, string> = { CITY: '市', BANNER: '旗', TOWN: '镇' };

export const deputyStatusLabels: Record<DeputyStatus, string> = { ACTIVE: '在任', TERMINATED: '终止' };

export const stationTierLabels: Record<StationTier, string> = {
  BANNER: '旗级代表联络站',
  TOWN_HOME: '镇人大代表之家',
  VILLAGE: '村级代表联络站',
};

export const receptionStatusLabels: Record<ReceptionStatus, string> = {
  SCHEDULED: '已排期',
  HELD: '已接待',
  CANCELLED: '已取消',
};

export const opinionHandlingLabels: Record<OpinionHandling, string> = {
  PENDING: '待处理',
  ANSWERED: '当场答复',
  REFERRED: '转办',
  CONVERTED: '转为代表建议',
};

export const opinionSourceLabels: Record<OpinionSource, string> = {
  RECEPTION: '接待日登记',
  CODE: '扫码反映',
};

export const opinionRatingLabels: Record<OpinionRating, string> = {
  SATISFIED: '满意',
  FAIRLY: '基本满意',
  DISSATISFIED: '不满意',
};

export const activityKindLabels: Record<ActivityKind, string> = {
  STUDY: '学习培训',
  OPEN_DAY: '政府开放日',
  INSPECTION: '视察',
  RESEARCH: '调研',
  LEGAL_PUBLICITY: '普法宣传',
  DISASTER_PUBLICITY: '防灾减灾宣传',
  CULTURE: '文化活动',
  OTHER: '其他',
};

export const projectPhaseLabels: Record<ProjectPhase, string> = {
  COLLECTED: '征集',
  SHORTLISTED: '初定',
  PASSED: '票决通过',
  REJECTED: '未通过',
  WITHDRAWN: '撤回',
};

export const projectStatusLabels: Record<ProjectStatus, string> = {
  NOT_STARTED: '未开工',
  IN_PROGRESS: '实施中',
  COMPLETED: '已完工',
  IN_USE: '投入使用',
};

export const voteChoiceLabels: Record<VoteChoice, string> = { FOR: '赞成', AGAINST: '反对', ABSTAIN: '弃权' };

export const suggestionCategoryLabels: Record<SuggestionCategory, string> = {
  LIVELIHOOD: '民生保障',
  ROADS_TRAFFIC: '道路交通',
  RURAL_CONSTRUCTION: '乡村建设',
  AGRICULTURE: '农牧业发展',
  EDUCATION_HEALTH: '教育卫生',
  ECOLOGY: '生态环境',
  SOCIAL_GOVERNANCE: '社会治理',
  OTHER: '其他',
};

export const suggestionStatusLabels: Record<SuggestionStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待审查',
  RETURNED: '已退回',
  ACCEPTED: '待交办',
  ASSIGNED: '待签收',
  HANDLING: '办理中',
  REPLIED: '待测评',
  IMPLEMENTING: '落实中',
  IMPLEMENTED: '已落实',
  CLOSED: '已办结',
  MERGED: '已并案',
  REFERENCE: '转参阅',
};

export const assignmentRoleLabels: Record<AssignmentRole, string> = { LEAD: '主办', ASSIST: '协办' };

export const replyCategoryLabels: Record<ReplyCategory, string> = {
  A: 'A类 已解决或采纳',
  B: 'B类 正在解决或已列入计划解决',
  C: 'C类 因条件限制留作参考',
};

export const satisfactionLabels: Record<SatisfactionLevel, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
};

export const supervisionWayLabels: Record<SupervisionWay, string> = {
  CALL: '电话督办',
  VISIT: '实地督办',
  MEETING: '会议督办',
  PROMPT: '催办',
};

export const taskKindLabels: Record<TaskKind, string> = {
  INSPECT_PROJECT: '视察民生实事项目',
  FOLLOW_SUGGESTION: '跟踪重点建议',
  RECEPTION_DUTY: '接待日值班',
  SURVEY: '参加调研',
  OTHER: '其他',
};

export const taskStatusLabels: Record<TaskStatus, string> = { OPEN: '进行中', CLOSED: '已关闭', CANCELLED: '已撤销' };

export const taskAssignmentStatusLabels: Record<TaskAssignmentStatus, string> = {
  ASSIGNED: '待接受',
  ACCEPTED: '已接受',
  IN_PROGRESS: '进行中',
  SUBMITTED: '已提交报告',
  RETURNED: '退回补充',
  CLOSED: '已完成',
};

export const projectSourceLabels: Record<ProjectSource, string> = {
  GOVERNMENT: '政府提出',
  DEPUTY_SUGGESTION: '代表建议',
  VOTER_OPINION: '选民意见',
};

export const projectRatingLabels: Record<ProjectRatingValue, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  ABSTAIN: '弃权',
};

export const votingStatusLabels: Record<VotingStatus, string> = { NOT_OPEN: '未开始', OPEN: '投票中', CLOSED: '已结束' };

export const votingRuleLabels: Record<VotingRule, string> = {
  HALF_OF_ALL: '赞成票超过全体代表的半数',
  HALF_OF_PRESENT: '赞成票超过出席代表的半数',
};

/** The history of a supervision task (SupervisionTaskEvent.action). */
export const taskEventLabels: Record<string, string> = {
  create: '发布任务',
  assign: '指派',
  accept: '接受任务',
  start: '开始履职',
  progress: '记录进展',
  submit: '提交报告',
  return: '退回补充',
  approve: '审核通过',
  close: '关闭任务',
  cancel: '撤销任务',
};

export const reportStatusLabels: Record<ReportStatus, string> = { DRAFT: '草稿', FINAL: '定稿' };

/** 19 → 十九; 4 → 四 (for 第十九届, 第四次会议). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 0 || !Number.isInteger(n) || n >= 100) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}

/** A session of a people's congress: 第十九届人民代表大会第五次会议 (the township's name or 镇 goes before it). */
export function congressSessionName(term: number, sessionNumber: number): string {
  return `第${chineseNumber(term)}届人民代表大会第${chineseNumber(sessionNumber)}次会议`;
}

/** [value, label] pairs for <select>s. */
export function options<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export { deadlineFlagLabels } from './deadline.js';

export const contactWayLabels: Record<ContactWay, string> = { MEETING: '见面', PHONE: '电话', FORUM: '座谈' };
