// 东明镇 demo data: the world described by the presidium's 2023 work report
// (../shared/seeds/000_cea87e68111ba62d.txt), delivered by 人大主席 刘海龙 on 2023-12-07 at the
// 4th session of the 19th 东明镇 People's Congress, plus a year of 2024 work in progress.
//
// seedDemo() fills an EMPTY database in one transaction. Every figure the report states is
// reproduced exactly and checked before the transaction commits:
//   · 代表之家 equipped in 2023 with 电脑、投影仪、办公桌椅; 2 village stations set up in 2023
//     (嘎查甸子村, 上奈林村);
//   · 2023 livelihood projects: 嘎查甸子村基础设施 (400万元) and 111线亮化及排水 (100万元,
//     100 + 120 = 220 盏路灯), both 投入使用;
//   · 2023 activities: 206 人次 in all (participants + otherAttendees), "200余人次";
//   · 4 key suggestions (民生 ×2, 道路交通, 乡村建设), each assigned and supervised (督办) by a
//     presidium member.

import type { Db } from '../../src/db.js';
import type {
  Prisma,
  Role,
  ActivityKind,
  ContactWay,
  ExtensionStatus,
  OpinionHandling,
  ProjectStatus,
  ReplyCategory,
  SatisfactionLevel,
  SuggestionCategory,
  SuggestionStatus,
  SupervisionWay,
  TaskAssignmentStatus,
  TaskKind,
  TaskStatus,
  VoteChoice,
  ProjectRatingValue,
} from '../../src/generated/prisma/client.js';
import { hashPassword } from '../../src/auth/password.js';

type Tx = Prisma.TransactionClient;

export const DEMO_PASSWORD = 'Dongming@2023';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'staff', role: 'STAFF', displayName: '王晓燕', description: '人大专干（工作人员）：登记、立案、交办、跟踪全部事项' },
  { username: 'chair', role: 'PRESIDIUM', displayName: '刘海龙', description: '人大主席：督办重点建议，联系民生实事项目' },
  { username: 'vicechair', role: 'PRESIDIUM', displayName: '包金山', description: '副主席：督办道路交通重点建议，联系111线亮化及排水项目' },
  { username: 'member', role: 'PRESIDIUM', displayName: '乌云其木格', description: '主席团成员（嘎查甸子村党支部书记）：督办乡村建设重点建议，联系嘎查甸子村项目' },
  { username: 'member2', role: 'PRESIDIUM', displayName: '王德福', description: '主席团成员（上奈林村党支部书记）：督办饮水安全重点建议' },
  { username: 'deputy', role: 'DEPUTY', displayName: '宝音图', description: '镇人大代表（哈日干图嘎查牧民）：领衔多件建议，参加接待日和代表活动，有待接受的监督任务' },
  { username: 'deputy2', role: 'DEPUTY', displayName: '陈淑芬', description: '镇人大代表（东明村个体工商户）：有待测评的答复和接待日值班任务' },
  { username: 'unit', role: 'UNIT', displayName: '孙建国', description: '承办单位：农业农村办公室（有待签收、办理中、落实中的建议）' },
  { username: 'unit2', role: 'UNIT', displayName: '韩志刚', description: '承办单位：交通管理站（有超期未签收的建议）' },
  { username: 'unit3', role: 'UNIT', displayName: '白玉兰', description: '承办单位：社会事务办公室' },
  { username: 'auditor', role: 'AUDITOR', displayName: '赵志明', description: '审计员：只读查看操作日志' },
  { username: 'admin', role: 'SYSADMIN', displayName: '高建华', description: '系统管理员：账号、承办单位、镇设置（看不到业务数据）' },
  { username: 'secadmin', role: 'SECADMIN', displayName: '苏丽娜', description: '安全管理员：密码与会话策略、解锁账号（看不到业务数据）' },
];

// ───────────────────────────── helpers ─────────────────────────────

/** A China-local date: '2023-12-07' or '2023-12-07 09:30'. */
function d(s: string): Date {
  const [date, time = '00:00'] = s.split(' ');
  const out = new Date(`${date}T${time}:00+08:00`);
  if (Number.isNaN(out.getTime())) throw new Error(`bad date ${s}`);
  return out;
}

/** A China-local date-time defaulting to office hours ('2023-03-10' → 09:00). */
function t(s: string): Date {
  return s.includes(' ') ? d(s) : d(`${s} 09:00`);
}

const DAY = 24 * 3600 * 1000;
const CN_OFFSET = 8 * 3600 * 1000;

/** Adds calendar months in China local time, clamping to the month's last day. */
function addMonths(date: Date, n: number): Date {
  const local = new Date(date.getTime() + CN_OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + n;
  const day = local.getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(day, lastDay), local.getUTCHours(), local.getUTCMinutes());
  return new Date(shifted - CN_OFFSET);
}

function sugNo(year: number, n: number): string {
  return `${year}-${String(n).padStart(3, '0')}`;
}

function must<V>(map: Map<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`);
  return v;
}

// ───────────────────────────── deputies ─────────────────────────────

type Levels = 'T' | 'TB' | 'TBC' | 'B' | 'BC';

interface DeputySpec {
  name: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  birthYear: number;
  party: string;
  occupation: string;
  workplace: string;
  district: string;
  village: string;
  phone: string;
  levels: Levels;
  termEnd?: string;
  statusNote?: string;
}

const M = 'MALE' as const;
const F = 'FEMALE' as const;
const CPC = '中共党员';
const MASS = '群众';

// 38 镇人大代表 of the 19th congress (36 active, 2 terminated) and 3 旗/市人大代表 who live in 东明镇.
const DEPUTIES: DeputySpec[] = [
  { name: '刘海龙', gender: M, ethnicity: '汉族', birthYear: 1972, party: CPC, occupation: '镇人大主席', workplace: '东明镇人大主席团', district: '第二选区', village: '东明村', phone: '13847501268', levels: 'TB' },
  { name: '包金山', gender: M, ethnicity: '蒙古族', birthYear: 1975, party: CPC, occupation: '镇人大副主席', workplace: '东明镇人大主席团', district: '第二选区', village: '东明村', phone: '13904753126', levels: 'T' },
  { name: '乌云其木格', gender: F, ethnicity: '蒙古族', birthYear: 1978, party: CPC, occupation: '村党支部书记、村委会主任', workplace: '嘎查甸子村村民委员会', district: '第三选区', village: '嘎查甸子村', phone: '15047539862', levels: 'TB' },
  { name: '王德福', gender: M, ethnicity: '汉族', birthYear: 1966, party: CPC, occupation: '村党支部书记', workplace: '上奈林村村民委员会', district: '第四选区', village: '上奈林村', phone: '13804758231', levels: 'TB' },
  { name: '宝音图', gender: M, ethnicity: '蒙古族', birthYear: 1981, party: CPC, occupation: '牧民（肉牛养殖户）', workplace: '哈日干图嘎查', district: '第七选区', village: '哈日干图嘎查', phone: '15849512345', levels: 'T' },
  { name: '陈淑芬', gender: F, ethnicity: '汉族', birthYear: 1984, party: MASS, occupation: '个体工商户', workplace: '东明村淑芬便民超市', district: '第一选区', village: '东明村', phone: '13514752368', levels: 'T' },
  { name: '白音那木拉', gender: M, ethnicity: '蒙古族', birthYear: 1969, party: CPC, occupation: '嘎查党支部书记、嘎查委员会主任', workplace: '哈日干图嘎查嘎查委员会', district: '第七选区', village: '哈日干图嘎查', phone: '13947563218', levels: 'TBC' },
  { name: '敖特根', gender: M, ethnicity: '蒙古族', birthYear: 1976, party: MASS, occupation: '牧民', workplace: '嘎查甸子村', district: '第三选区', village: '嘎查甸子村', phone: '15247581136', levels: 'T' },
  { name: '额尔敦', gender: M, ethnicity: '蒙古族', birthYear: 1963, party: CPC, occupation: '农民', workplace: '上奈林村', district: '第四选区', village: '上奈林村', phone: '13644759021', levels: 'T' },
  { name: '张丽华', gender: F, ethnicity: '汉族', birthYear: 1980, party: CPC, occupation: '教师', workplace: '东明镇中心学校', district: '第二选区', village: '东明村', phone: '13847567750', levels: 'T' },
  { name: '李永刚', gender: M, ethnicity: '汉族', birthYear: 1970, party: CPC, occupation: '村党支部书记', workplace: '东明村村民委员会', district: '第一选区', village: '东明村', phone: '13804751986', levels: 'TB' },
  { name: '赵桂兰', gender: F, ethnicity: '汉族', birthYear: 1968, party: MASS, occupation: '农民', workplace: '下奈林村', district: '第五选区', village: '下奈林村', phone: '15148732046', levels: 'T' },
  { name: '孙志强', gender: M, ethnicity: '汉族', birthYear: 1974, party: CPC, occupation: '村党支部书记', workplace: '下奈林村村民委员会', district: '第五选区', village: '下奈林村', phone: '13948751372', levels: 'T' },
  { name: '关玉霞', gender: F, ethnicity: '满族', birthYear: 1982, party: MASS, occupation: '乡村医生', workplace: '西营子村卫生室', district: '第六选区', village: '西营子村', phone: '15894753308', levels: 'T' },
  { name: '那顺', gender: M, ethnicity: '蒙古族', birthYear: 1971, party: CPC, occupation: '嘎查党支部书记', workplace: '巴彦塔拉嘎查嘎查委员会', district: '第八选区', village: '巴彦塔拉嘎查', phone: '13634758867', levels: 'T' },
  { name: '萨仁高娃', gender: F, ethnicity: '蒙古族', birthYear: 1986, party: MASS, occupation: '牧民', workplace: '巴彦塔拉嘎查', district: '第八选区', village: '巴彦塔拉嘎查', phone: '15547517720', levels: 'T' },
  { name: '周国庆', gender: M, ethnicity: '汉族', birthYear: 1965, party: MASS, occupation: '个体工商户（农机维修）', workplace: '东明村国庆农机修理部', district: '第一选区', village: '东明村', phone: '13847539015', levels: 'T' },
  { name: '杨春华', gender: F, ethnicity: '汉族', birthYear: 1979, party: CPC, occupation: '医生', workplace: '东明镇卫生院', district: '第二选区', village: '东明村', phone: '13789451263', levels: 'TBC' },
  { name: '吴海军', gender: M, ethnicity: '汉族', birthYear: 1977, party: CPC, occupation: '村党支部书记', workplace: '西营子村村民委员会', district: '第六选区', village: '西营子村', phone: '13514758842', levels: 'T' },
  { name: '巴特尔', gender: M, ethnicity: '蒙古族', birthYear: 1973, party: CPC, occupation: '牧民', workplace: '哈日干图嘎查', district: '第七选区', village: '哈日干图嘎查', phone: '15904754417', levels: 'T' },
  { name: '刘玉珍', gender: F, ethnicity: '汉族', birthYear: 1967, party: MASS, occupation: '农民', workplace: '新发村', district: '第九选区', village: '新发村', phone: '13190852276', levels: 'T' },
  { name: '马建民', gender: M, ethnicity: '回族', birthYear: 1975, party: MASS, occupation: '个体工商户（餐饮）', workplace: '东明村建民清真饭店', district: '第一选区', village: '东明村', phone: '13847520569', levels: 'T' },
  { name: '韩立新', gender: M, ethnicity: '汉族', birthYear: 1980, party: CPC, occupation: '村党支部书记', workplace: '新发村村民委员会', district: '第九选区', village: '新发村', phone: '15134902218', levels: 'T' },
  { name: '格日勒图', gender: M, ethnicity: '蒙古族', birthYear: 1985, party: CPC, occupation: '农民（种植专业合作社理事长）', workplace: '东明镇丰禾玉米种植专业合作社', district: '第十选区', village: '三家子村', phone: '15247530098', levels: 'T' },
  { name: '高淑琴', gender: F, ethnicity: '汉族', birthYear: 1972, party: MASS, occupation: '农民', workplace: '三家子村', district: '第十选区', village: '三家子村', phone: '13674852031', levels: 'T' },
  { name: '郭振华', gender: M, ethnicity: '汉族', birthYear: 1969, party: CPC, occupation: '村党支部书记', workplace: '三家子村村民委员会', district: '第十选区', village: '三家子村', phone: '13804759347', levels: 'T' },
  { name: '其其格', gender: F, ethnicity: '蒙古族', birthYear: 1983, party: CPC, occupation: '教师', workplace: '东明镇中心学校', district: '第二选区', village: '东明村', phone: '15104756682', levels: 'T' },
  { name: '于海波', gender: M, ethnicity: '汉族', birthYear: 1978, party: CPC, occupation: '镇长', workplace: '东明镇人民政府', district: '第二选区', village: '东明村', phone: '13947501155', levels: 'TB' },
  { name: '何秀兰', gender: F, ethnicity: '汉族', birthYear: 1976, party: MASS, occupation: '农民', workplace: '上奈林村', district: '第四选区', village: '上奈林村', phone: '15849538806', levels: 'T' },
  { name: '田志远', gender: M, ethnicity: '汉族', birthYear: 1990, party: CPC, occupation: '村委会副主任', workplace: '下奈林村村民委员会', district: '第五选区', village: '下奈林村', phone: '18747512093', levels: 'T' },
  { name: '图门', gender: M, ethnicity: '蒙古族', birthYear: 1962, party: MASS, occupation: '牧民', workplace: '嘎查甸子村', district: '第三选区', village: '嘎查甸子村', phone: '13015237764', levels: 'T' },
  { name: '常红梅', gender: F, ethnicity: '满族', birthYear: 1981, party: MASS, occupation: '个体工商户（服装）', workplace: '西营子村红梅服装店', district: '第六选区', village: '西营子村', phone: '15248719530', levels: 'T' },
  { name: '邢宝山', gender: M, ethnicity: '满族', birthYear: 1964, party: CPC, occupation: '农民', workplace: '西营子村', district: '第六选区', village: '西营子村', phone: '13694758170', levels: 'T' },
  { name: '阿拉坦仓', gender: M, ethnicity: '蒙古族', birthYear: 1979, party: CPC, occupation: '兽医', workplace: '东明镇农牧业综合服务中心', district: '第二选区', village: '东明村', phone: '13514750923', levels: 'T' },
  { name: '石秀梅', gender: F, ethnicity: '汉族', birthYear: 1990, party: CPC, occupation: '护士', workplace: '东明镇卫生院', district: '第二选区', village: '东明村', phone: '18804752617', levels: 'T' },
  { name: '苏和', gender: M, ethnicity: '蒙古族', birthYear: 1972, party: MASS, occupation: '牧民', workplace: '巴彦塔拉嘎查', district: '第八选区', village: '巴彦塔拉嘎查', phone: '15004759381', levels: 'T' },
  {
    name: '徐东升', gender: M, ethnicity: '汉族', birthYear: 1970, party: CPC, occupation: '派出所所长', workplace: '东明派出所', district: '第二选区', village: '东明村', phone: '13904751827', levels: 'T',
    termEnd: '2023-06-15', statusNote: '工作调动（调任奈曼旗公安局），调离本行政区域，代表资格终止',
  },
  {
    name: '冯桂芝', gender: F, ethnicity: '汉族', birthYear: 1958, party: MASS, occupation: '农民', workplace: '新发村', district: '第九选区', village: '新发村', phone: '13847576641', levels: 'T',
    termEnd: '2024-03-20', statusNote: '户籍迁出本镇（随子女迁居通辽市科尔沁区），代表资格终止',
  },
  // 旗/市人大代表 living in 东明镇 who are not 镇人大代表 (congressId null)
  { name: '乌力吉', gender: M, ethnicity: '蒙古族', birthYear: 1966, party: CPC, occupation: '养殖专业合作社理事长', workplace: '哈日干图嘎查乌力吉肉牛养殖专业合作社', district: '旗人大第十五选区', village: '哈日干图嘎查', phone: '13947521190', levels: 'BC' },
  { name: '孟庆云', gender: F, ethnicity: '汉族', birthYear: 1975, party: CPC, occupation: '个体工商户（农资经营）', workplace: '东明村庆云农资店', district: '旗人大第十五选区', village: '东明村', phone: '13848752204', levels: 'B' },
  { name: '朝鲁', gender: M, ethnicity: '蒙古族', birthYear: 1983, party: MASS, occupation: '牧民', workplace: '巴彦塔拉嘎查', district: '旗人大第十六选区', village: '巴彦塔拉嘎查', phone: '15147508853', levels: 'B' },
];

// ───────────────────────────── handling units and users ─────────────────────────────

const UNITS: { name: string; contactPerson: string; phone: string }[] = [
  { name: '党政综合办公室', contactPerson: '刘建华', phone: '0475-4231001' },
  { name: '农业农村办公室', contactPerson: '孙建国', phone: '0475-4231018' },
  { name: '自然资源所', contactPerson: '朝克图', phone: '0475-4231027' },
  { name: '交通管理站', contactPerson: '韩志刚', phone: '0475-4231036' },
  { name: '东明派出所', contactPerson: '赵磊', phone: '0475-4231110' },
  { name: '社会事务办公室', contactPerson: '白玉兰', phone: '0475-4231052' },
  { name: '财政所', contactPerson: '周敏', phone: '0475-4231066' },
  { name: '综合行政执法局', contactPerson: '李志勇', phone: '0475-4231088' },
  { name: '村镇规划建设办公室', contactPerson: '高振宇', phone: '0475-4231075' },
  { name: '东明镇卫生院', contactPerson: '王春艳', phone: '0475-4231120' },
];

const USERS: { username: string; role: Role; title: string; displayName: string; deputy?: string; unit?: string }[] = [
  { username: 'staff', role: 'STAFF', title: '人大专干', displayName: '王晓燕' },
  { username: 'chair', role: 'PRESIDIUM', title: '人大主席', displayName: '刘海龙', deputy: '刘海龙' },
  { username: 'vicechair', role: 'PRESIDIUM', title: '副主席', displayName: '包金山', deputy: '包金山' },
  { username: 'member', role: 'PRESIDIUM', title: '主席团成员', displayName: '乌云其木格', deputy: '乌云其木格' },
  { username: 'member2', role: 'PRESIDIUM', title: '主席团成员', displayName: '王德福', deputy: '王德福' },
  { username: 'deputy', role: 'DEPUTY', title: '镇人大代表', displayName: '宝音图', deputy: '宝音图' },
  { username: 'deputy2', role: 'DEPUTY', title: '镇人大代表', displayName: '陈淑芬', deputy: '陈淑芬' },
  { username: 'unit', role: 'UNIT', title: '农业农村办公室主任', displayName: '孙建国', unit: '农业农村办公室' },
  { username: 'unit2', role: 'UNIT', title: '交通管理站站长', displayName: '韩志刚', unit: '交通管理站' },
  { username: 'unit3', role: 'UNIT', title: '社会事务办公室主任', displayName: '白玉兰', unit: '社会事务办公室' },
  { username: 'auditor', role: 'AUDITOR', title: '审计员', displayName: '赵志明' },
  { username: 'admin', role: 'SYSADMIN', title: '系统管理员', displayName: '高建华' },
  { username: 'secadmin', role: 'SECADMIN', title: '安全管理员', displayName: '苏丽娜' },
];

// ───────────────────────────── suggestions ─────────────────────────────

interface SuggestionSpec {
  key: string;
  year: number;
  title: string;
  content: string;
  category: SuggestionCategory;
  lead: string;
  coSigners?: string[];
  isKey?: boolean;
  isComplex?: boolean;
  atSession?: number; // submitted during 第N次会议
  created: string;
  byDeputy?: boolean; // entered by the lead deputy's own account
  submitted?: string;
  review?:
    | { at: string; outcome: 'accept' }
    | { at: string; outcome: 'return'; note: string }
    | { at: string; outcome: 'reference'; note: string }
    | { at: string; outcome: 'merge'; into: string };
  supervisor?: string; // username of the presidium member who supervises (督办人)
  assign?: {
    at: string;
    lead: string;
    assist?: string[];
    signed?: string;
    wrongUnit?: { unit: string; at: string; returnedAt: string; reason: string };
  };
  supervisions?: { by: string; way: SupervisionWay; at: string; note: string }[];
  contacts?: { at: string; way: ContactWay; summary: string }[];
  assistOpinions?: { unit: string; at: string; content: string }[];
  replies?: { at: string; category: ReplyCategory; content: string; planned?: string }[]; // index = round - 1
  ratings?: { at: string; attitude: SatisfactionLevel; result: SatisfactionLevel; comment?: string }[];
  updates?: { at: string; content: string }[];
  implemented?: { at: string; note: string };
  confirmed?: string;
  extension?: { at: string; reason: string; newDeadline: string; status: ExtensionStatus; decidedBy?: string; decidedAt?: string; note?: string };
  expect: SuggestionStatus;
}

const SUGGESTIONS: SuggestionSpec[] = [
  // ── 2023: six submitted at 第三次会议 (2023-01-12), six between sessions ──
  {
    key: 's23-spring', year: 2023, atSession: 3, category: 'AGRICULTURE', lead: '格日勒图', coSigners: ['郭振华', '高淑琴'],
    title: '关于加强春耕备耕农资供应和农机服务的建议',
    content: '近年来我镇玉米种植面积逐年扩大，但每到春耕时节，种子、化肥等农资价格波动大，部分农户买不到放心农资；农机具检修、维修网点少，春播高峰期农机服务跟不上。建议：一是组织镇供销社和农资经营户提前储备，开展农资质量抽检；二是在东明村、三家子村设立春耕农机维修服务点；三是组织农技人员进村开展测土配方施肥指导。',
    created: '2023-01-12 14:20', submitted: '2023-01-12 14:20', review: { at: '2023-01-16', outcome: 'accept' },
    assign: { at: '2023-01-18', lead: '农业农村办公室', signed: '2023-01-19' },
    replies: [{ at: '2023-03-10', category: 'A', content: '格日勒图代表：您提出的建议已办理。一是协调镇供销社及6家农资经营户储备化肥1200吨、玉米种子45吨，联合旗市场监管局开展农资质量抽检2次；二是在东明村、三家子村设立春耕农机维修服务点2处，组织农机手培训80人次；三是组织农技人员进村入户开展测土配方施肥指导11场次。感谢您对全镇农业生产的关心。' }],
    ratings: [{ at: '2023-03-15', attitude: 'SATISFIED', result: 'SATISFIED', comment: '农资储备和维修点都落实了，群众反映很好。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-clinic', year: 2023, atSession: 3, category: 'LIVELIHOOD', isKey: true, lead: '杨春华', coSigners: ['石秀梅', '关玉霞'],
    title: '关于提升东明镇卫生院基本医疗服务能力的建议',
    content: '东明镇卫生院承担着全镇2万余名群众的基本医疗服务，但检查设备老化，缺少彩超、生化分析等设备，群众做常规检查需到旗医院，往返不便、负担重。建议争取上级卫生健康部门支持，为镇卫生院更新必要的检查设备，并与旗级医院建立远程会诊和专家下沉机制。',
    created: '2023-01-12 15:05', submitted: '2023-01-12 15:05', review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'chair',
    assign: { at: '2023-01-18', lead: '社会事务办公室', assist: ['财政所'], signed: '2023-01-19' },
    supervisions: [
      { by: 'chair', way: 'CALL', at: '2023-02-20', note: '电话了解设备采购申报进展，要求3月底前落实资金来源。' },
      { by: 'chair', way: 'VISIT', at: '2023-03-22', note: '到镇卫生院实地督办，查看设备安装场地和人员培训准备情况。' },
    ],
    assistOpinions: [{ unit: '财政所', at: '2023-04-03', content: '财政所协办意见：已将卫生院设备配套资金18万元列入2023年镇级财政预算，并协助申报旗级基层医疗能力提升专项资金。' }],
    replies: [{ at: '2023-04-10', category: 'A', content: '杨春华代表：经积极争取，旗卫生健康委为镇卫生院配备彩色多普勒超声诊断仪1台、全自动生化分析仪1台，已于3月底安装调试完毕投入使用；镇卫生院与旗医院建立远程会诊机制，旗医院每周二、周五派专家到卫生院坐诊。' }],
    ratings: [{ at: '2023-04-17', attitude: 'SATISFIED', result: 'SATISFIED', comment: '设备已投入使用，群众在家门口就能做检查。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-road', year: 2023, atSession: 3, category: 'ROADS_TRAFFIC', isKey: true, isComplex: true, lead: '宝音图', coSigners: ['白音那木拉', '巴特尔', '苏和'],
    title: '关于硬化哈日干图嘎查至111线通村道路的建议',
    content: '哈日干图嘎查至111线的通村道路为砂石路，全长约6.8公里，雨季泥泞、冬季积雪难行，牧民出售牛羊、学生上学和就医都很不方便，运输车辆经常陷车。建议将该路段列入农村牧区公路建设计划，尽快实施硬化，并配套建设涵洞和排水设施。',
    created: '2023-01-12 15:30', submitted: '2023-01-12 15:30', review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'vicechair',
    assign: { at: '2023-01-18', lead: '交通管理站', assist: ['财政所'], signed: '2023-01-20' },
    supervisions: [
      { by: 'vicechair', way: 'MEETING', at: '2023-03-28', note: '召开重点建议督办会，交通管理站、财政所汇报前期工作，要求尽快完成路线勘测并向旗交通运输局申报。' },
      { by: 'vicechair', way: 'VISIT', at: '2023-05-16', note: '与宝音图代表一同实地查看路况，督促完成勘测设计。' },
      { by: 'vicechair', way: 'CALL', at: '2023-06-20', note: '电话督促交通管理站按期答复代表。' },
    ],
    contacts: [{ at: '2023-05-16', way: 'MEETING', summary: '交通管理站与宝音图代表一同实地查看路况，听取嘎查牧民意见，确定涵洞设置位置。' }],
    assistOpinions: [{ unit: '财政所', at: '2023-06-15', content: '财政所协办意见：项目总投资约260万元，拟申请旗级农村牧区公路建设补助资金，镇级配套资金列入2024年预算。' }],
    replies: [{ at: '2023-06-28', category: 'B', planned: '2024-10-31', content: '宝音图代表：该路段全长6.8公里，已完成勘测设计，经积极争取已列入旗交通运输局2024年农村牧区公路建设计划，并拟作为2024年民生实事项目候选项目提交镇人代会票决，计划2024年5月开工、10月底前完工。' }],
    ratings: [{ at: '2023-07-05', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', comment: '已列入计划，希望明年按期开工。' }],
    updates: [
      { at: '2023-12-07', content: '“东明镇哈日干图嘎查通村道路硬化项目”经镇第十九届人大第四次会议票决，确定为2024年民生实事项目。' },
      { at: '2024-05-20', content: '项目完成招标并于5月20日开工建设。' },
      { at: '2024-08-15', content: '已完成路基整修6.8公里、涵洞4处，开始铺筑水泥混凝土路面。' },
      { at: '2024-10-25', content: '已完成路面硬化4.4公里。因气温下降停工，剩余2.4公里计划2025年5月复工，6月底前完工。' },
    ],
    expect: 'IMPLEMENTING',
  },
  {
    key: 's23-water', year: 2023, atSession: 3, category: 'LIVELIHOOD', isKey: true, lead: '额尔敦', coSigners: ['何秀兰', '赵桂兰', '孙志强'],
    title: '关于解决上奈林村、下奈林村部分农户饮水困难的建议',
    content: '上奈林村、下奈林村地势较高的40余户农户，每年夏季用水高峰期自来水水压不足，经常停水；部分供水管网铺设年代久，漏损严重。建议对两村供水设施进行改造，新打机电井，更换老化管网，保障群众饮水安全。',
    created: '2023-01-12 16:10', submitted: '2023-01-12 16:10', review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'member2',
    assign: { at: '2023-01-18', lead: '农业农村办公室', assist: ['财政所'], signed: '2023-01-19' },
    supervisions: [
      { by: 'member2', way: 'VISIT', at: '2023-02-28', note: '到上奈林村、下奈林村实地督办，查看供水设施现状。' },
      { by: 'member2', way: 'CALL', at: '2023-03-30', note: '电话督促农业农村办公室抓紧施工，确保夏季用水高峰前完工。' },
    ],
    replies: [{ at: '2023-04-12', category: 'A', content: '额尔敦代表：已在上奈林村新打机电井1眼、下奈林村新打机电井1眼，更换老化供水管网3.6公里，加装加压设备2套，两村46户饮水困难问题已全部解决。' }],
    ratings: [{ at: '2023-04-20', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-schoolbus', year: 2023, atSession: 3, category: 'EDUCATION_HEALTH', lead: '张丽华', coSigners: ['其其格'],
    title: '关于增设东明镇中心学校校车接送线路的建议',
    content: '东明镇中心学校现有校车线路3条，巴彦塔拉嘎查、新发村部分学生上下学仍需家长接送，路途远、安全隐患大。建议增设校车线路，覆盖偏远嘎查村。',
    created: '2023-01-12 16:40', submitted: '2023-01-12 16:40', review: { at: '2023-01-16', outcome: 'accept' },
    assign: { at: '2023-01-18', lead: '社会事务办公室', assist: ['交通管理站'], signed: '2023-01-19' },
    assistOpinions: [{ unit: '交通管理站', at: '2023-03-28', content: '交通管理站协办意见：巴彦塔拉嘎查至镇区道路部分路段为砂石路，暂不符合校车通行条件。' }],
    replies: [{ at: '2023-04-06', category: 'C', content: '张丽华代表：受校车购置资金和部分路段不符合校车通行条件的限制，今年暂无法新增校车线路。已协调学校调整现有线路停靠点2处，对偏远嘎查村学生实行寄宿优先安排，待道路条件改善后再统筹考虑。' }],
    ratings: [{ at: '2023-04-12', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', comment: '理解客观困难，希望道路硬化后优先考虑。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-village', year: 2023, atSession: 3, category: 'RURAL_CONSTRUCTION', isKey: true, lead: '吴海军', coSigners: ['常红梅', '邢宝山'],
    title: '关于推进西营子村农村人居环境整治、规范柴草堆放的建议',
    content: '西营子村部分巷道柴草、粪堆乱堆乱放，雨季污水横流，既影响村容村貌，又存在火灾隐患。建议统一规划柴草堆放区，清理巷道“三大堆”，配齐保洁人员和垃圾收集设施，建立长效管护机制。',
    created: '2023-01-12 17:00', submitted: '2023-01-12 17:00', review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'member',
    assign: { at: '2023-01-18', lead: '农业农村办公室', assist: ['综合行政执法局'], signed: '2023-01-19' },
    supervisions: [
      { by: 'member', way: 'VISIT', at: '2023-03-30', note: '到西营子村实地督办，查看柴草集中堆放区选址和巷道清理进度。' },
      { by: 'member', way: 'CALL', at: '2023-04-10', note: '电话督促承办单位按时答复，并建立保洁长效机制。' },
    ],
    assistOpinions: [{ unit: '综合行政执法局', at: '2023-04-06', content: '综合行政执法局协办意见：已配合开展巷道占道堆放集中整治，清理柴草堆、粪堆等“三大堆”。' }],
    replies: [{ at: '2023-04-14', category: 'A', content: '吴海军代表：已在西营子村规划柴草集中堆放区2处，清理巷道“三大堆”136处，新设垃圾收集点8处，聘用保洁员4名，并将人居环境管护纳入村规民约，实行门前“三包”责任制。' }],
    ratings: [{ at: '2023-04-21', attitude: 'SATISFIED', result: 'SATISFIED', comment: '村容村貌明显改观。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-grassland', year: 2023, category: 'ECOLOGY', lead: '那顺', coSigners: ['萨仁高娃', '苏和'],
    title: '关于加强草原禁牧休牧期间巡查管护的建议',
    content: '春季休牧期间，巴彦塔拉嘎查周边仍有个别外来畜群偷牧，草场围栏破损无人维修。建议加强禁牧休牧期巡查，修复破损围栏，落实草管员责任。',
    created: '2023-03-06', submitted: '2023-03-06', review: { at: '2023-03-08', outcome: 'accept' },
    assign: { at: '2023-03-10', lead: '自然资源所', signed: '2023-03-13' },
    replies: [{ at: '2023-05-05', category: 'A', content: '那顺代表：休牧期间组织草管员、林草执法人员开展联合巡查26次，劝离偷牧畜群5群，修复草场围栏4.2公里，并将巡查责任落实到每名草管员。' }],
    ratings: [{ at: '2023-05-12', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-cattle', year: 2023, category: 'AGRICULTURE', lead: '宝音图', byDeputy: true, coSigners: ['巴特尔'],
    title: '关于为养殖户提供肉牛品种改良技术服务的建议',
    content: '哈日干图嘎查肉牛养殖户多，但本地牛品种退化、出栏慢、效益低，牧民希望开展冻精配种改良，但缺少技术人员和配种站点。建议组织畜牧技术人员进嘎查开展品种改良服务，落实冻精改良补贴。',
    created: '2023-04-17 20:15', submitted: '2023-04-17 20:18', review: { at: '2023-04-19', outcome: 'accept' },
    assign: { at: '2023-04-20', lead: '农业农村办公室', signed: '2023-04-21' },
    replies: [
      { at: '2023-05-30', category: 'A', content: '宝音图代表：已将哈日干图嘎查纳入2023年肉牛冻精改良补贴范围，补贴标准每头40元，相关通知已下发嘎查。' },
      { at: '2023-06-28', category: 'A', content: '宝音图代表：按照您的意见，镇农牧业综合服务中心已安排兽医阿拉坦仓等2名技术员驻嘎查开展冻精配种服务，在嘎查设立配种点1处，截至6月底完成冻精配种136头，补贴资金已兑现。' },
    ],
    ratings: [
      { at: '2023-06-05', attitude: 'SATISFIED', result: 'DISSATISFIED', comment: '只下发了通知，没有安排技术人员进嘎查，配种服务没有落实。' },
      { at: '2023-07-03', attitude: 'SATISFIED', result: 'SATISFIED', comment: '技术员已经驻嘎查服务，牧民很满意。' },
    ],
    contacts: [{ at: '2023-06-08', way: 'MEETING', summary: '重新办理前与宝音图代表见面沟通，商定在嘎查设立配种点并安排技术员驻点服务。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-elderly', year: 2023, category: 'EDUCATION_HEALTH', lead: '关玉霞', coSigners: ['杨春华'],
    title: '关于开展农村老年人免费健康体检的建议',
    content: '我镇65岁以上老年人较多，不少老人患有高血压、糖尿病等慢性病却没有定期体检。建议由镇卫生院组织医务人员进村开展免费健康体检，建立健康档案。',
    created: '2023-05-08', submitted: '2023-05-08', review: { at: '2023-05-10', outcome: 'accept' },
    assign: { at: '2023-05-11', lead: '社会事务办公室', signed: '2023-05-12' },
    replies: [{ at: '2023-07-14', category: 'A', content: '关玉霞代表：镇卫生院组织医务人员分4组进村入户，为全镇65岁以上老年人免费体检2316人，建立健康档案并开展慢性病随访管理。' }],
    ratings: [{ at: '2023-07-20', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-traffic', year: 2023, category: 'SOCIAL_GOVERNANCE', lead: '陈淑芬', byDeputy: true, coSigners: ['周国庆', '马建民'],
    title: '关于在111线东明段增设交通安全警示标志和监控设施的建议',
    content: '111线穿镇而过，东明段过往车辆车速快，学校、集贸市场路口缺少警示标志和减速设施，群众反映夜间过马路不安全。建议增设限速、警示标志和减速带，在重点路口安装监控。',
    created: '2023-06-19 19:40', submitted: '2023-06-19 19:45', review: { at: '2023-06-21', outcome: 'accept' },
    assign: { at: '2023-06-25', lead: '东明派出所', assist: ['交通管理站'], signed: '2023-06-26' },
    assistOpinions: [{ unit: '交通管理站', at: '2023-07-20', content: '交通管理站协办意见：已配合在学校、集贸市场路口施划人行横道线3处。' }],
    replies: [{ at: '2023-08-08', category: 'A', content: '陈淑芬代表：经协调旗公安局交通管理大队，在111线东明段增设限速、警示标志12块，设置减速带2处，在学校、集贸市场路口安装高清监控4处，上下学时段安排警力护学。' }],
    ratings: [{ at: '2023-08-14', attitude: 'SATISFIED', result: 'SATISFIED', comment: '标志和监控都装上了，过往车辆明显慢了。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-market', year: 2023, category: 'LIVELIHOOD', lead: '马建民', coSigners: ['陈淑芬'],
    title: '关于规范东明村集贸市场经营秩序的建议',
    content: '东明村集贸市场逢集日占道经营、车辆乱停现象突出，堵塞111线交通，垃圾清运不及时。建议划定摊位区和停车区，加强逢集日管理。',
    created: '2023-07-03', submitted: '2023-07-03', review: { at: '2023-07-05', outcome: 'accept' },
    assign: { at: '2023-07-06', lead: '综合行政执法局', signed: '2023-07-07' },
    replies: [{ at: '2023-08-25', category: 'A', content: '马建民代表：已在集贸市场划定临时摊位区和停车区各1处，逢集日安排执法人员和保洁员现场管理，集中清理占道经营32处，市场秩序明显好转。' }],
    ratings: [{ at: '2023-08-30', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-bridge', year: 2023, category: 'ROADS_TRAFFIC', lead: '何秀兰', coSigners: ['额尔敦'],
    title: '关于修复上奈林村过水桥涵的建议',
    content: '上奈林村村南过水桥涵在今年汛期被冲毁一侧，农用车辆通行困难，秋收运粮受影响。建议尽快修复。',
    created: '2023-10-20', submitted: '2023-10-20', review: { at: '2023-10-23', outcome: 'accept' },
    assign: { at: '2023-10-25', lead: '交通管理站', signed: '2023-10-26' },
    replies: [{ at: '2023-11-24', category: 'A', content: '何秀兰代表：交通管理站已于11月20日完成上奈林村过水桥涵修复，加固护坡并增设警示桩，农用车辆已恢复通行。' }],
    ratings: [{ at: '2023-11-29', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },

  // ── 2024 ──
  {
    key: 's24-snow', year: 2024, category: 'ROADS_TRAFFIC', lead: '周国庆', coSigners: ['李永刚'],
    title: '关于做好111线东明段及通村道路冬季除雪保通工作的建议',
    content: '今冬降雪较多，111线东明段及部分通村道路积雪结冰，清雪不及时，群众出行和生猪、肉牛外运受影响。建议建立除雪保通机制，配齐除雪机械，明确各路段责任人。',
    created: '2024-01-08', submitted: '2024-01-08', review: { at: '2024-01-10', outcome: 'accept' },
    assign: { at: '2024-01-11', lead: '交通管理站', assist: ['综合行政执法局'], signed: '2024-01-12' },
    assistOpinions: [{ unit: '综合行政执法局', at: '2024-01-30', content: '综合行政执法局协办意见：已安排执法车辆配合镇区主街道清雪。' }],
    replies: [{ at: '2024-02-06', category: 'A', content: '周国庆代表：已建立镇、村两级除雪保通责任制，协调装载机4台、除雪铲2台，明确111线东明段和10条通村道路责任人，雪停即清，目前主要道路已全部畅通。' }],
    ratings: [{ at: '2024-02-10', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's24-snow-dup', year: 2024, category: 'ROADS_TRAFFIC', lead: '韩立新',
    title: '关于加强冬季道路除雪的建议',
    content: '新发村通往111线的道路积雪未清，建议加强冬季除雪。',
    created: '2024-01-09', submitted: '2024-01-09', review: { at: '2024-01-10 10:00', outcome: 'merge', into: 's24-snow' },
    expect: 'MERGED',
  },
  {
    key: 's24-barn', year: 2024, category: 'AGRICULTURE', isKey: true, lead: '宝音图', byDeputy: true, coSigners: ['白音那木拉', '巴特尔'],
    title: '关于建设哈日干图嘎查标准化棚圈和饮水设施的建议',
    content: '哈日干图嘎查肉牛存栏已超过3000头，但多数养殖户棚圈简陋，冬季保暖差，饮水靠人工拉运。建议将嘎查标准化棚圈和集中饮水设施建设纳入项目规划，争取上级资金扶持。',
    created: '2024-03-18 21:05', submitted: '2024-03-18 21:10', review: { at: '2024-03-20', outcome: 'accept' },
    supervisor: 'chair',
    assign: { at: '2024-03-22', lead: '农业农村办公室', assist: ['财政所'], signed: '2024-03-25' },
    supervisions: [{ by: 'chair', way: 'MEETING', at: '2024-05-08', note: '召开督办会，要求农业农村办公室会同财政所6月上旬前拿出实施方案。' }],
    contacts: [{ at: '2024-04-10', way: 'MEETING', summary: '到哈日干图嘎查与宝音图代表及养殖户座谈，核实需改造棚圈户数和饮水点位。' }],
    assistOpinions: [{ unit: '财政所', at: '2024-05-20', content: '财政所协办意见：拟统筹旗级畜牧业发展资金和镇级配套资金，项目估算投资180万元。' }],
    replies: [{ at: '2024-06-05', category: 'B', planned: '2025-10-31', content: '宝音图代表：经调查核实，嘎查需改造标准化棚圈60处、建设集中饮水点3处，估算投资180万元。该项目已申报为2025年民生实事项目候选项目，待镇人代会票决通过后实施，计划2025年10月底前完成。' }],
    ratings: [{ at: '2024-06-12', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', comment: '希望能顺利通过票决，尽快实施。' }],
    updates: [{ at: '2024-11-15', content: '“东明镇哈日干图嘎查标准化棚圈及饮水设施建设项目”已列入2025年民生实事项目初定名单，提交镇第十九届人大第五次会议票决。' }],
    expect: 'IMPLEMENTING',
  },
  {
    key: 's24-reference', year: 2024, category: 'OTHER', lead: '马建民',
    title: '关于提高个体工商户小额贴息贷款额度的建议',
    content: '个体工商户经营资金紧张，现有小额贷款额度低、手续繁，建议提高贷款额度、简化手续。',
    created: '2024-04-08', submitted: '2024-04-08',
    review: { at: '2024-04-10', outcome: 'reference', note: '所提事项属金融机构自主经营范围，不属于镇人民政府职权，转为参阅意见，已转送旗农村信用合作联社参考。' },
    expect: 'REFERENCE',
  },
  {
    key: 's24-gravel', year: 2024, category: 'ROADS_TRAFFIC', lead: '巴特尔', coSigners: ['宝音图', '苏和'],
    title: '关于维修哈日干图嘎查至巴彦塔拉嘎查砂石路的建议',
    content: '哈日干图嘎查至巴彦塔拉嘎查的砂石路经今年雨季冲刷，多处出现冲沟和坑槽，车辆通行困难。建议尽快组织维修，铺垫砂石、疏通边沟。',
    created: '2024-06-17', submitted: '2024-06-17', review: { at: '2024-06-19', outcome: 'accept' },
    supervisor: 'vicechair',
    assign: { at: '2024-06-20', lead: '交通管理站' },
    supervisions: [
      { by: 'vicechair', way: 'PROMPT', at: '2024-09-25', note: '该建议已超过答复期限仍未签收，发出催办通知，要求交通管理站3日内签收并报送办理计划。' },
      { by: 'vicechair', way: 'CALL', at: '2024-10-15', note: '电话催办交通管理站，站长表示正在协调维修机械。' },
    ],
    expect: 'ASSIGNED',
  },
  {
    key: 's24-clinic', year: 2024, category: 'EDUCATION_HEALTH', lead: '敖特根', coSigners: ['图门'],
    title: '关于在嘎查甸子村设立定期巡诊点的建议',
    content: '嘎查甸子村距镇卫生院较远，老年人看病、开药不便。建议镇卫生院在嘎查甸子村设立定期巡诊点。',
    created: '2024-06-21', submitted: '2024-06-21', review: { at: '2024-06-24', outcome: 'accept' },
    assign: { at: '2024-06-25', lead: '社会事务办公室', signed: '2024-06-26' },
    replies: [{ at: '2024-08-16', category: 'A', content: '敖特根代表：镇卫生院自2024年8月起每月10日、25日到嘎查甸子村开展巡诊，提供常见病诊疗、慢性病随访和送药服务。' }],
    ratings: [{ at: '2024-08-22', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's24-sewage', year: 2024, category: 'RURAL_CONSTRUCTION', isKey: true, isComplex: true, lead: '杨春华', coSigners: ['李永刚', '于海波'],
    title: '关于统筹推进东明镇镇区生活污水管网建设的建议',
    content: '镇区现有排水管网雨污合流，部分居民生活污水直排边沟，夏季异味大。建议统筹规划镇区生活污水管网，分期实施雨污分流改造。',
    created: '2024-07-29', submitted: '2024-07-29', review: { at: '2024-07-31', outcome: 'accept' },
    supervisor: 'member',
    assign: { at: '2024-08-02', lead: '农业农村办公室', assist: ['财政所', '村镇规划建设办公室'], signed: '2024-08-05' },
    supervisions: [{ by: 'member', way: 'VISIT', at: '2024-10-22', note: '实地查看镇区排水现状，要求年底前完成管网规划设计。' }],
    contacts: [{ at: '2024-09-10', way: 'FORUM', summary: '召开镇区污水治理座谈会，杨春华代表及镇区居民代表参加，听取管网走向意见。' }],
    expect: 'HANDLING',
  },
  {
    key: 's24-river', year: 2024, category: 'ECOLOGY', lead: '孙志强', coSigners: ['赵桂兰', '田志远'],
    title: '关于治理下奈林村河道垃圾和风沙侵蚀的建议',
    content: '下奈林村村东河道两岸堆放生活垃圾，河岸沙化严重，大风天气风沙侵蚀农田。建议清理河道垃圾，实施河岸植树固沙。',
    created: '2024-08-28', submitted: '2024-08-28', review: { at: '2024-08-30', outcome: 'accept' },
    assign: {
      at: '2024-09-06', lead: '自然资源所', assist: ['农业农村办公室'], signed: '2024-09-09',
      wrongUnit: { unit: '农业农村办公室', at: '2024-09-02', returnedAt: '2024-09-05', reason: '河道管护及防沙治沙属自然资源所职责范围，我办可作为协办单位配合。' },
    },
    contacts: [{ at: '2024-10-15', way: 'FORUM', summary: '自然资源所到下奈林村召开座谈会，与孙志强代表商定河岸植树固沙范围。' }],
    expect: 'HANDLING',
  },
  {
    key: 's24-garbage', year: 2024, category: 'LIVELIHOOD', lead: '何秀兰', coSigners: ['王德福'],
    title: '关于为上奈林村配备垃圾转运设施的建议',
    content: '上奈林村垃圾收集点少，垃圾清运车辆不足，部分垃圾堆放多日无人清运。建议配备垃圾转运车和垃圾箱。',
    created: '2024-09-14', submitted: '2024-09-14', review: { at: '2024-09-18', outcome: 'accept' },
    assign: { at: '2024-09-19', lead: '农业农村办公室', signed: '2024-09-20' },
    replies: [{ at: '2024-10-18', category: 'B', planned: '2024-11-30', content: '何秀兰代表：已采购垃圾转运车1辆、垃圾箱30个，预计11月底前配发到位，并将上奈林村纳入全镇垃圾清运统一调度。' }],
    ratings: [{ at: '2024-10-23', attitude: 'SATISFIED', result: 'SATISFIED' }],
    updates: [{ at: '2024-11-20', content: '垃圾转运车已交付上奈林村，垃圾箱已放置22个。' }],
    implemented: { at: '2024-11-28', note: '垃圾转运车1辆、垃圾箱30个已全部配发到位，每周清运两次。' },
    expect: 'IMPLEMENTED',
  },
  {
    key: 's24-straw', year: 2024, category: 'AGRICULTURE', lead: '格日勒图', coSigners: ['郭振华'],
    title: '关于开展玉米秸秆综合利用、减少秸秆焚烧的建议',
    content: '每年秋收后秸秆离田难、焚烧屡禁不止。建议推广秸秆打捆离田和饲料化利用，给予作业补贴。',
    created: '2024-09-23', submitted: '2024-09-23', review: { at: '2024-09-25', outcome: 'accept' },
    assign: { at: '2024-09-26', lead: '农业农村办公室', signed: '2024-09-27' },
    contacts: [{ at: '2024-10-30', way: 'PHONE', summary: '电话向格日勒图代表通报秸秆打捆离田作业进展。' }],
    extension: { at: '2024-12-10', reason: '秸秆离田作业补贴需待旗农牧局2025年度补贴资金下达后才能明确标准，申请延期3个月答复。', newDeadline: '2025-03-26', status: 'PENDING' },
    expect: 'HANDLING',
  },
  {
    key: 's24-elderly', year: 2024, category: 'SOCIAL_GOVERNANCE', lead: '陈淑芬', byDeputy: true, coSigners: ['张丽华'],
    title: '关于加强农村留守老人关爱服务的建议',
    content: '我镇外出务工人员较多，留守独居老人增多，部分老人生病无人照看。建议建立留守老人定期探访制度，发挥村级互助幸福院作用。',
    created: '2024-10-08 20:30', submitted: '2024-10-08 20:32', review: { at: '2024-10-10', outcome: 'accept' },
    assign: { at: '2024-10-11', lead: '社会事务办公室', signed: '2024-10-12' },
    replies: [{ at: '2024-12-13', category: 'A', content: '陈淑芬代表：已建立留守老人台账，全镇登记留守独居老人312人；由村干部、网格员和志愿者结对，每周至少探访一次；东明村、西营子村互助幸福院已恢复运营，提供助餐服务。' }],
    expect: 'REPLIED',
  },
  {
    key: 's24-irrigation', year: 2024, category: 'AGRICULTURE', lead: '高淑琴', coSigners: ['郭振华', '格日勒图'],
    title: '关于加强三家子村农田灌溉机电井维护的建议',
    content: '三家子村部分农田灌溉机电井年久失修，配电设施老化，今年春灌期间多次停机。建议开展机电井普查维修，更换老化配电设施。',
    created: '2024-12-09', submitted: '2024-12-09', review: { at: '2024-12-11', outcome: 'accept' },
    assign: { at: '2024-12-13', lead: '农业农村办公室' },
    expect: 'ASSIGNED',
  },
  {
    key: 's24-service', year: 2024, category: 'LIVELIHOOD', lead: '李永刚', coSigners: ['周国庆', '陈淑芬'],
    title: '关于在东明村增设便民服务点和公共卫生间的建议',
    content: '东明村集贸市场和111线沿线人流量大，缺少公共卫生间和便民服务点。建议在集贸市场附近新建公共卫生间1处，设立便民服务点。',
    created: '2024-12-16', submitted: '2024-12-16', review: { at: '2024-12-18', outcome: 'accept' },
    expect: 'ACCEPTED',
  },
  {
    key: 's24-returned', year: 2024, category: 'LIVELIHOOD', lead: '萨仁高娃',
    title: '关于改善牧区生活条件的建议',
    content: '建议改善牧区生活条件。',
    created: '2024-11-04', submitted: '2024-11-04',
    review: { at: '2024-11-06', outcome: 'return', note: '建议内容较笼统，请补充涉及的具体嘎查、存在的问题和建议措施后重新提交。' },
    expect: 'RETURNED',
  },
  {
    key: 's24-signal', year: 2024, category: 'OTHER', lead: '宝音图', byDeputy: true,
    title: '关于在哈日干图嘎查增设移动通信基站的建议',
    content: '哈日干图嘎查北部草场手机信号弱，牧民放牧时无法通话，遇到紧急情况不能及时求助。建议协调通信运营商增设基站。',
    created: '2024-11-25 21:40',
    expect: 'DRAFT',
  },
  {
    key: 's24-storefront', year: 2024, category: 'SOCIAL_GOVERNANCE', lead: '陈淑芬', byDeputy: true, coSigners: ['马建民'],
    title: '关于规范东明村商户“门前三包”责任制的建议',
    content: '东明村主街部分商户门前乱堆乱放、占道经营，冬季门前积雪不清。建议规范落实“门前三包”责任制，签订责任书并定期检查。',
    created: '2024-12-17 19:50', submitted: '2024-12-18 08:30',
    expect: 'SUBMITTED',
  },
];

// ───────────────────────────── the seed ─────────────────────────────

export async function seedDemo(db: Db, options?: { passwordHash?: string }): Promise<void> {
  const passwordHash = options?.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  await db.$transaction(async (tx) => seed(tx, passwordHash), { timeout: 60000 });
}

async function seed(tx: Tx, passwordHash: string): Promise<void> {
  if ((await tx.township.count()) > 0) throw new Error('demo seed: the database is not empty (a township exists).');

  // ── township, congress, sessions ──
  const township = await tx.township.create({ data: { name: '东明镇', county: '奈曼旗' } });
  const tw = township.id;
  const congress = await tx.congress.create({ data: { townshipId: tw, term: 19, startDate: d('2021-01-08') } });
  const sessionIds = new Map<number, number>();
  const sessionSpecs = [
    { number: 1, date: '2021-01-08', place: '东明镇政府三楼会议室', presentCount: 37, votingStatus: 'CLOSED' as const },
    { number: 2, date: '2022-01-14', place: '东明镇政府三楼会议室', presentCount: 35, votingStatus: 'CLOSED' as const },
    { number: 3, date: '2023-01-12', place: '东明镇政府三楼会议室', presentCount: 34, votingStatus: 'CLOSED' as const, opened: '2023-01-12 10:00', closed: '2023-01-12 10:40' },
    { number: 4, date: '2023-12-07', place: '东明镇政府三楼会议室', presentCount: 33, votingStatus: 'CLOSED' as const, opened: '2023-12-07 10:30', closed: '2023-12-07 11:00' },
    { number: 5, date: '2024-12-26', place: '东明镇政府三楼会议室', votingStatus: 'NOT_OPEN' as const },
  ];
  for (const s of sessionSpecs) {
    const row = await tx.congressSession.create({
      data: {
        congressId: congress.id, number: s.number, date: d(s.date), endDate: d(s.date), place: s.place,
        votingStatus: s.votingStatus, votingRule: 'HALF_OF_ALL', presentCount: s.presentCount ?? null,
        votingOpenedAt: s.opened ? d(s.opened) : null, votingClosedAt: s.closed ? d(s.closed) : null,
      },
    });
    sessionIds.set(s.number, row.id);
  }
  const sid = (n: number): number => {
    const v = sessionIds.get(n);
    if (v === undefined) throw new Error(`demo seed: unknown session ${n}`);
    return v;
  };

  // ── deputies ──
  const dep = new Map<string, number>();
  const deputySpec = new Map<string, DeputySpec>();
  for (const s of DEPUTIES) {
    const town = s.levels.startsWith('T');
    const row = await tx.deputy.create({
      data: {
        townshipId: tw, congressId: town ? congress.id : null, name: s.name, gender: s.gender, ethnicity: s.ethnicity,
        birthYear: s.birthYear, politicalAffiliation: s.party, occupation: s.occupation, workplace: s.workplace,
        district: s.district, village: s.village, phone: s.phone,
        status: s.termEnd ? 'TERMINATED' : 'ACTIVE',
        termStart: town ? d('2021-01-08') : d('2021-09-26'),
        termEnd: s.termEnd ? d(s.termEnd) : null, statusNote: s.statusNote ?? '',
        levels: {
          create: [
            ...(s.levels.includes('C') ? [{ level: 'CITY' as const }] : []),
            ...(s.levels.includes('B') ? [{ level: 'BANNER' as const }] : []),
            ...(town ? [{ level: 'TOWN' as const }] : []),
          ],
        },
      },
    });
    dep.set(s.name, row.id);
    deputySpec.set(s.name, s);
  }
  const D = (name: string): number => must(dep, name, 'deputy');
  const townDeputies = DEPUTIES.filter((s) => s.levels.startsWith('T'));
  /** Town deputies in office on a date. */
  const townDeputiesOn = (date: string): DeputySpec[] =>
    townDeputies.filter((s) => !s.termEnd || d(s.termEnd).getTime() > d(date).getTime());

  // ── handling units ──
  const unitIds = new Map<string, number>();
  for (const u of UNITS) {
    const row = await tx.handlingUnit.create({ data: { townshipId: tw, ...u } });
    unitIds.set(u.name, row.id);
  }
  const U = (name: string): number => must(unitIds, name, 'unit');

  // ── users ──
  const userIds = new Map<string, number>();
  const userOfDeputy = new Map<string, number>();
  const userOfUnit = new Map<string, number>();
  for (const u of USERS) {
    const row = await tx.user.create({
      data: {
        townshipId: tw, username: u.username, passwordHash, role: u.role, title: u.title, displayName: u.displayName,
        deputyId: u.deputy ? D(u.deputy) : null, unitId: u.unit ? U(u.unit) : null,
      },
    });
    userIds.set(u.username, row.id);
    if (u.deputy) userOfDeputy.set(u.deputy, row.id);
    if (u.unit) userOfUnit.set(u.unit, row.id);
  }
  const USR = (username: string): number => must(userIds, username, 'user');
  const staff = USR('staff');

  // ── liaison stations ──
  const stationIds = new Map<string, number>();
  const stationSpecs = [
    {
      name: '东明镇人大代表之家', tier: 'TOWN_HOME' as const, village: '东明村', address: '东明镇人民政府二楼', established: '2019-06-18', phone: '0475-4231009',
      residents: ['刘海龙', '包金山', '李永刚', '张丽华', '杨春华', '陈淑芬', '宝音图', '于海波'],
      rules: [
        '一、代表之家每月15日（节假日顺延）为代表接待选民日，接待前2天在镇政府公示栏和各村务公开栏公布接待代表名单。',
        '二、进站代表轮流值班，认真听取、记录选民意见，能当场答复的当场答复，不能当场答复的由镇人大主席团转有关部门办理，并在15个工作日内反馈。',
        '三、每季度至少组织一次“代表学堂”学习培训，每半年组织一次代表活动。',
        '四、建立接待登记、意见办理、资料归档等台账，做到有记录、有办理、有反馈。',
        '五、代表之家设备由人大专干统一管理，登记造册，不得挪作他用。',
      ].join('\n'),
    },
    {
      name: '哈日干图嘎查人大代表联络站', tier: 'VILLAGE' as const, village: '哈日干图嘎查', address: '哈日干图嘎查党群服务中心', established: '2021-07-01', phone: '0475-4236021',
      residents: ['白音那木拉', '宝音图', '巴特尔', '乌力吉'],
      rules: [
        '一、联络站每季度第一个月的20日前后开展一次接待选民活动，遇牧忙季节可适当调整并提前公告。',
        '二、进站代表定期走访牧户，收集民情民意，及时上报镇人大主席团。',
        '三、选民意见做到件件登记、件件有回音。',
      ].join('\n'),
    },
    {
      name: '嘎查甸子村人大代表联络站', tier: 'VILLAGE' as const, village: '嘎查甸子村', address: '嘎查甸子村党群服务中心一楼', established: '2023-08-16', phone: '0475-4236118',
      residents: ['乌云其木格', '敖特根', '图门'],
      rules: [
        '一、联络站每季度开展一次集中接待选民活动，平时由进站代表轮流联系选民。',
        '二、接待前2天在村务公开栏公布接待时间和代表名单。',
        '三、收集的意见建议当场能答复的当场答复，需要部门办理的报镇人大主席团转办，并及时向选民反馈。',
        '四、建立接待记录和意见办理台账，年底向镇人大主席团报告工作。',
      ].join('\n'),
    },
    {
      name: '上奈林村人大代表联络站', tier: 'VILLAGE' as const, village: '上奈林村', address: '上奈林村村委会二楼', established: '2023-09-12', phone: '0475-4236205',
      residents: ['王德福', '额尔敦', '何秀兰'],
      rules: [
        '一、联络站每季度开展一次集中接待选民活动，农忙季节顺延并提前公告。',
        '二、进站代表每人联系选民不少于10户，定期走访。',
        '三、选民意见登记造册，按“当场答复、转办、转为代表建议”分类处理，做到件件有回音。',
      ].join('\n'),
    },
  ];
  for (const s of stationSpecs) {
    const established = d(s.established);
    const row = await tx.liaisonStation.create({
      data: {
        townshipId: tw, name: s.name, tier: s.tier, village: s.village, address: s.address, establishedOn: established,
        workRules: s.rules, phone: s.phone,
        deputies: { create: s.residents.map((n) => ({ deputyId: D(n), since: established })) },
      },
    });
    stationIds.set(s.name, row.id);
  }
  const ST = (name: string): number => must(stationIds, name, 'station');
  const HOME = ST('东明镇人大代表之家');
  await tx.stationEquipment.createMany({
    data: [
      { stationId: HOME, name: '电脑', quantity: 2, unit: '台', providedOn: d('2023-05-16'), note: '用于代表履职学习和接待记录录入' },
      { stationId: HOME, name: '投影仪', quantity: 1, unit: '台', providedOn: d('2023-05-16'), note: '用于“代表学堂”学习培训' },
      { stationId: HOME, name: '办公桌椅', quantity: 10, unit: '套', providedOn: d('2023-05-16'), note: '接待室、学习室' },
      { stationId: ST('哈日干图嘎查人大代表联络站'), name: '办公桌椅', quantity: 4, unit: '套', providedOn: d('2021-07-01'), note: '' },
      { stationId: ST('哈日干图嘎查人大代表联络站'), name: '档案柜', quantity: 1, unit: '组', providedOn: d('2021-07-01'), note: '存放接待记录' },
    ],
  });

  // ── receptions ──
  interface ReceptionSpec {
    key: string;
    station: string;
    date: string;
    timeRange: string;
    status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
    voterCount: number;
    deputies: string[];
    summary: string;
  }
  const receptionSpecs: ReceptionSpec[] = [
    {
      key: 'r23-hrgt', station: '哈日干图嘎查人大代表联络站', date: '2023-04-13', timeRange: '09:00-11:30', status: 'HELD', voterCount: 9,
      deputies: ['宝音图', '白音那木拉'],
      summary: '接待牧民9人次，收集意见2条：肉牛品种改良技术服务（已转为宝音图代表建议）、禁牧补贴发放时间（当场答复）。',
    },
    {
      key: 'r23-home', station: '东明镇人大代表之家', date: '2023-06-15', timeRange: '09:00-11:30', status: 'HELD', voterCount: 12,
      deputies: ['刘海龙', '宝音图', '陈淑芬'],
      summary: '接待选民12人次，收集意见4条，主要涉及111线交通安全、111线亮化项目进度、集贸市场占道经营和低保申请。当场答复2条，转办1条，转为代表建议1条。',
    },
    {
      key: 'r23-gcdz', station: '嘎查甸子村人大代表联络站', date: '2023-09-20', timeRange: '14:30-17:00', status: 'HELD', voterCount: 8,
      deputies: ['乌云其木格', '敖特根', '图门'],
      summary: '联络站设立后首次接待日，接待村民8人次，收集意见2条：垃圾收集点清运频次（转农业农村办公室）、村卫生室药品配备（当场答复）。',
    },
    {
      key: 'r23-snl', station: '上奈林村人大代表联络站', date: '2023-10-18', timeRange: '09:00-11:30', status: 'HELD', voterCount: 10,
      deputies: ['王德福', '额尔敦', '何秀兰'],
      summary: '联络站设立后首次接待日，接待村民10人次，收集意见2条：村南过水桥涵修复（已转为何秀兰代表建议）、建设文化活动广场（当场答复）。',
    },
    {
      key: 'r24-home', station: '东明镇人大代表之家', date: '2024-03-15', timeRange: '09:00-11:30', status: 'HELD', voterCount: 15,
      deputies: ['宝音图', '张丽华', '陈淑芬'],
      summary: '接待选民15人次，收集意见3条：哈日干图嘎查棚圈及饮水设施（已转为宝音图代表建议）、留守老人关爱（转社会事务办公室）、春耕农资价格（当场答复）。',
    },
    {
      key: 'r24-gcdz', station: '嘎查甸子村人大代表联络站', date: '2024-06-19', timeRange: '14:30-17:00', status: 'HELD', voterCount: 7,
      deputies: ['乌云其木格', '敖特根'],
      summary: '接待村民7人次，收集意见1条：老年人就医不便，希望设立巡诊点（已转为敖特根代表建议）。',
    },
    {
      key: 'r24-hrgt-cancel', station: '哈日干图嘎查人大代表联络站', date: '2024-07-10', timeRange: '09:00-11:30', status: 'CANCELLED', voterCount: 0,
      deputies: ['宝音图', '巴特尔'],
      summary: '因强降雨天气道路不畅，本次接待日取消，已在嘎查微信群通知。',
    },
    {
      key: 'r24-snl', station: '上奈林村人大代表联络站', date: '2024-09-12', timeRange: '09:00-11:30', status: 'HELD', voterCount: 11,
      deputies: ['王德福', '额尔敦', '何秀兰'],
      summary: '接待村民11人次，收集意见3条：垃圾转运设施不足（已转为何秀兰代表建议）、文化活动广场建设（转社会事务办公室）、秋收期间田间道路维护（待处理）。',
    },
    {
      key: 'r24-hrgt', station: '哈日干图嘎查人大代表联络站', date: '2024-11-20', timeRange: '09:00-11:30', status: 'HELD', voterCount: 6,
      deputies: ['宝音图', '白音那木拉', '巴特尔'],
      summary: '接待牧民6人次，收集意见2条：北部草场手机信号弱（待处理）、冬季饲草料储备（转农业农村办公室）。',
    },
    {
      key: 'r24-home-dec', station: '东明镇人大代表之家', date: '2024-12-20', timeRange: '09:00-11:30', status: 'SCHEDULED', voterCount: 0,
      deputies: ['陈淑芬', '张丽华'],
      summary: '',
    },
  ];
  const receptionIds = new Map<string, number>();
  for (const r of receptionSpecs) {
    const date = d(r.date);
    const row = await tx.reception.create({
      data: {
        townshipId: tw, stationId: ST(r.station), date, timeRange: r.timeRange,
        noticePublishedOn: new Date(date.getTime() - 3 * DAY), status: r.status, voterCount: r.voterCount, summary: r.summary,
        createdAt: new Date(date.getTime() - 3 * DAY),
        deputies: { create: r.deputies.map((n) => ({ deputyId: D(n), present: r.status === 'HELD' })) },
      },
    });
    receptionIds.set(r.key, row.id);
  }
  const R = (key: string): number => must(receptionIds, key, 'reception');

  // ── suggestions ──
  const suggestionIds = new Map<string, number>();
  const suggestionNumbers = new Map<string, number>();
  // 立案编号: per year, in order of acceptance.
  for (const year of [2023, 2024]) {
    const accepted = SUGGESTIONS.filter((s) => s.year === year && s.review?.outcome === 'accept');
    accepted
      .map((s, i) => ({ s, i }))
      .sort((a, b) => t(a.s.review?.at ?? '').getTime() - t(b.s.review?.at ?? '').getTime() || a.i - b.i)
      .forEach(({ s }, n) => suggestionNumbers.set(s.key, n + 1));
  }
  const unitActor = (unit: string): number => userOfUnit.get(unit) ?? staff;
  const deputyActor = (name: string): number => userOfDeputy.get(name) ?? staff;

  for (const s of SUGGESTIONS) {
    await createSuggestion(s);
  }

  async function createSuggestion(s: SuggestionSpec): Promise<void> {
    const events: { at: Date; actorId: number; action: string; from: SuggestionStatus | null; to: SuggestionStatus | null; note: string }[] = [];
    const st: { status: SuggestionStatus | null } = { status: null };
    let last = 0;
    const stamp = (at: string): Date => {
      let when = t(at).getTime();
      if (when <= last) when = last + 60 * 1000;
      last = when;
      return new Date(when);
    };
    const move = (at: string, actorId: number, action: string, from: SuggestionStatus, to: SuggestionStatus, note = ''): Date => {
      if (st.status !== from) throw new Error(`demo seed: ${s.key}: ${action} needs ${from} but is ${st.status ?? 'none'}`);
      const when = stamp(at);
      events.push({ at: when, actorId, action, from, to, note });
      st.status = to;
      return when;
    };
    const mark = (at: string, actorId: number, action: string, note: string): Date => {
      const when = stamp(at);
      events.push({ at: when, actorId, action, from: null, to: null, note });
      return when;
    };
    const number = suggestionNumbers.get(s.key) ?? null;
    const leadUser = userOfDeputy.get(s.lead);
    const byDeputy = s.byDeputy === true && leadUser !== undefined;
    const entrant = byDeputy && leadUser !== undefined ? leadUser : staff;
    const entryNote = byDeputy ? '' : s.atSession ? '会议期间代表书面提交，工作人员录入' : '代表书面提交，工作人员代为录入';

    // creation and submission
    const begin = (): void => {
      events.push({ at: stamp(s.created), actorId: entrant, action: 'create', from: null, to: 'DRAFT', note: entryNote });
      st.status = 'DRAFT';
    };
    begin();
    let submittedAt: Date | null = null;
    if (s.submitted) submittedAt = move(s.submitted, entrant, 'submit', 'DRAFT', 'SUBMITTED');

    // review (审查)
    let acceptedAt: Date | null = null;
    let statusNote = '';
    let duplicateOfId: number | null = null;
    if (s.review) {
      const r = s.review;
      if (r.outcome === 'accept') {
        acceptedAt = move(r.at, staff, 'accept', 'SUBMITTED', 'ACCEPTED',
          `立案，编号 ${sugNo(s.year, number ?? 0)}${s.isKey ? '；确定为重点建议' : ''}`);
      } else if (r.outcome === 'return') {
        move(r.at, staff, 'return', 'SUBMITTED', 'RETURNED', r.note);
        statusNote = r.note;
      } else if (r.outcome === 'reference') {
        move(r.at, staff, 'toReference', 'SUBMITTED', 'REFERENCE', r.note);
        statusNote = r.note;
      } else {
        duplicateOfId = must(suggestionIds, r.into, 'suggestion');
        const intoSpec = SUGGESTIONS.find((x) => x.key === r.into);
        const intoNo = suggestionNumbers.get(r.into);
        statusNote = `与${intoNo ? sugNo(s.year, intoNo) : ''}号建议（${intoSpec?.lead ?? ''}代表领衔）内容相同，作为重复件并案办理，${s.lead}代表列为附议代表。`;
        move(r.at, staff, 'merge', 'SUBMITTED', 'MERGED', statusNote);
      }
    }

    // assignment (交办) and signing (签收)
    let assignedAt: Date | null = null;
    let deadline: Date | null = null;
    const assignments: { unitId: number; role: 'LEAD' | 'ASSIST'; assignedAt: Date; signedAt: Date | null; returnedAt: Date | null; returnReason: string; active: boolean }[] = [];
    const supervisorId = s.supervisor ? USR(s.supervisor) : null;
    if (s.assign) {
      const a = s.assign;
      const supervisorName = s.supervisor ? (USERS.find((u) => u.username === s.supervisor)?.displayName ?? '') : '';
      if (a.wrongUnit) {
        const w = a.wrongUnit;
        const first = move(w.at, staff, 'assign', 'ACCEPTED', 'ASSIGNED', `交办：${w.unit}（主办）`);
        const back = move(w.returnedAt, unitActor(w.unit), 'returnAssignment', 'ASSIGNED', 'ACCEPTED', `${w.unit}退回：${w.reason}`);
        assignments.push({ unitId: U(w.unit), role: 'LEAD', assignedAt: first, signedAt: null, returnedAt: back, returnReason: w.reason, active: false });
      }
      const units = `${a.lead}（主办）${(a.assist ?? []).map((u) => `、${u}（协办）`).join('')}`;
      assignedAt = move(a.at, staff, 'assign', 'ACCEPTED', 'ASSIGNED',
        `交办：${units}${supervisorName ? `；督办人：${supervisorName}` : ''}`);
      deadline = addMonths(assignedAt, s.isComplex ? 6 : 3);
      let signedAt: Date | null = null;
      if (a.signed) signedAt = move(a.signed, unitActor(a.lead), 'sign', 'ASSIGNED', 'HANDLING', `${a.lead}签收`);
      assignments.push({ unitId: U(a.lead), role: 'LEAD', assignedAt, signedAt, returnedAt: null, returnReason: '', active: true });
      for (const u of a.assist ?? []) {
        assignments.push({ unitId: U(u), role: 'ASSIST', assignedAt, signedAt, returnedAt: null, returnReason: '', active: true });
      }
    }

    // the rest, in date order: supervision, contacts, assisting opinions, replies, ratings, updates
    type Step =
      | { at: string; kind: 'supervise'; i: number }
      | { at: string; kind: 'contact'; i: number }
      | { at: string; kind: 'assist'; i: number }
      | { at: string; kind: 'reply'; i: number }
      | { at: string; kind: 'rate'; i: number }
      | { at: string; kind: 'update'; i: number }
      | { at: string; kind: 'implemented' }
      | { at: string; kind: 'confirmed' }
      | { at: string; kind: 'extension' };
    const steps: Step[] = [
      ...(s.supervisions ?? []).map((x, i) => ({ at: x.at, kind: 'supervise' as const, i })),
      ...(s.contacts ?? []).map((x, i) => ({ at: x.at, kind: 'contact' as const, i })),
      ...(s.assistOpinions ?? []).map((x, i) => ({ at: x.at, kind: 'assist' as const, i })),
      ...(s.replies ?? []).map((x, i) => ({ at: x.at, kind: 'reply' as const, i })),
      ...(s.ratings ?? []).map((x, i) => ({ at: x.at, kind: 'rate' as const, i })),
      ...(s.updates ?? []).map((x, i) => ({ at: x.at, kind: 'update' as const, i })),
      ...(s.implemented ? [{ at: s.implemented.at, kind: 'implemented' as const }] : []),
      ...(s.confirmed ? [{ at: s.confirmed, kind: 'confirmed' as const }] : []),
      ...(s.extension ? [{ at: s.extension.at, kind: 'extension' as const }] : []),
    ];
    steps.sort((a, b) => t(a.at).getTime() - t(b.at).getTime());

    const leadUnit = s.assign?.lead ?? '';
    let round = 1;
    let repliedAt: Date | null = null;
    let closedAt: Date | null = null;
    const supervisionRows: { supervisorId: number; way: SupervisionWay; date: Date; note: string; createdAt: Date }[] = [];
    const contactRows: { unitId: number; date: Date; way: ContactWay; summary: string; authorId: number; createdAt: Date }[] = [];
    const replyRows: { round: number; unit: string; category: ReplyCategory | null; isAssistOpinion: boolean; content: string; plannedCompletion: Date | null; authorId: number; createdAt: Date }[] = [];
    const ratingRows: { round: number; attitude: SatisfactionLevel; result: SatisfactionLevel; comment: string; createdAt: Date }[] = [];
    const updateRows: { unitId: number; date: Date; content: string; authorId: number; createdAt: Date }[] = [];
    let extensionRow: Prisma.DeadlineExtensionUncheckedCreateInput | null = null;

    for (const step of steps) {
      switch (step.kind) {
        case 'supervise': {
          const x = s.supervisions?.[step.i];
          if (!x) break;
          const when = mark(x.at, USR(x.by), 'supervise', `${wayLabel(x.way)}：${x.note}`);
          supervisionRows.push({ supervisorId: USR(x.by), way: x.way, date: d(x.at), note: x.note, createdAt: when });
          break;
        }
        case 'contact': {
          const x = s.contacts?.[step.i];
          if (!x) break;
          const when = stamp(x.at);
          contactRows.push({ unitId: U(leadUnit), date: d(x.at), way: x.way, summary: x.summary, authorId: unitActor(leadUnit), createdAt: when });
          break;
        }
        case 'assist': {
          const x = s.assistOpinions?.[step.i];
          if (!x) break;
          const when = mark(x.at, unitActor(x.unit), 'assistOpinion', `${x.unit}提交协办意见`);
          replyRows.push({ round, unit: x.unit, category: null, isAssistOpinion: true, content: x.content, plannedCompletion: null, authorId: unitActor(x.unit), createdAt: when });
          break;
        }
        case 'reply': {
          const x = s.replies?.[step.i];
          if (!x) break;
          if (step.i + 1 !== round) throw new Error(`demo seed: ${s.key}: reply ${step.i + 1} in round ${round}`);
          const when = move(x.at, unitActor(leadUnit), 'reply', 'HANDLING', 'REPLIED', `${leadUnit}答复，答复类别：${x.category}${round > 1 ? `（第${round}轮）` : ''}`);
          repliedAt = when;
          replyRows.push({ round, unit: leadUnit, category: x.category, isAssistOpinion: false, content: x.content, plannedCompletion: x.planned ? d(x.planned) : null, authorId: unitActor(leadUnit), createdAt: when });
          break;
        }
        case 'rate': {
          const x = s.ratings?.[step.i];
          const reply = s.replies?.[step.i];
          if (!x || !reply) throw new Error(`demo seed: ${s.key}: rating without reply`);
          const note = `满意度测评：态度${levelLabel(x.attitude)}，结果${levelLabel(x.result)}${byDeputy || userOfDeputy.has(s.lead) ? '' : '（代表书面测评，工作人员录入）'}`;
          const actor = deputyActor(s.lead);
          if (x.result === 'DISSATISFIED') {
            const when = move(x.at, actor, 'rate', 'REPLIED', 'HANDLING', `${note}；退回重新办理`);
            deadline = addMonths(when, 1);
            ratingRows.push({ round, ...x, comment: x.comment ?? '', createdAt: when });
            round += 1;
          } else if (reply.category === 'B') {
            const when = move(x.at, actor, 'rate', 'REPLIED', 'IMPLEMENTING', `${note}；转入落实跟踪`);
            ratingRows.push({ round, ...x, comment: x.comment ?? '', createdAt: when });
          } else {
            const when = move(x.at, actor, 'rate', 'REPLIED', 'CLOSED', `${note}；办结`);
            closedAt = when;
            ratingRows.push({ round, ...x, comment: x.comment ?? '', createdAt: when });
          }
          break;
        }
        case 'update': {
          const x = s.updates?.[step.i];
          if (!x) break;
          if (st.status !== 'IMPLEMENTING') throw new Error(`demo seed: ${s.key}: update while ${st.status ?? 'none'}`);
          const when = mark(x.at, unitActor(leadUnit), 'implementationUpdate', x.content);
          updateRows.push({ unitId: U(leadUnit), date: d(x.at), content: x.content, authorId: unitActor(leadUnit), createdAt: when });
          break;
        }
        case 'implemented': {
          const x = s.implemented;
          if (!x) break;
          const when = move(x.at, unitActor(leadUnit), 'markImplemented', 'IMPLEMENTING', 'IMPLEMENTED', x.note);
          updateRows.push({ unitId: U(leadUnit), date: d(x.at), content: x.note, authorId: unitActor(leadUnit), createdAt: when });
          break;
        }
        case 'confirmed': {
          closedAt = move(step.at, deputyActor(s.lead), 'confirm', 'IMPLEMENTED', 'CLOSED', '代表确认已落实，办结');
          break;
        }
        case 'extension': {
          const x = s.extension;
          if (!x) break;
          const when = mark(x.at, unitActor(leadUnit), 'requestExtension', `申请延期至${x.newDeadline}：${x.reason}`);
          extensionRow = {
            suggestionId: 0, unitId: U(leadUnit), requestedById: unitActor(leadUnit), reason: x.reason, newDeadline: d(x.newDeadline),
            status: x.status, decidedById: x.decidedBy ? USR(x.decidedBy) : null, decidedAt: x.decidedAt ? t(x.decidedAt) : null,
            decisionNote: x.note ?? '', createdAt: when,
          };
          if (x.status === 'APPROVED' && x.decidedBy && x.decidedAt) {
            mark(x.decidedAt, USR(x.decidedBy), 'decideExtension', `同意延期至${x.newDeadline}`);
            deadline = d(x.newDeadline);
          }
          break;
        }
      }
    }
    const finalStatus = st.status;
    if (finalStatus !== s.expect) throw new Error(`demo seed: ${s.key} ends ${finalStatus ?? 'none'}, expected ${s.expect}`);

    const row = await tx.suggestion.create({
      data: {
        townshipId: tw, year: s.year, number, title: s.title, content: s.content, category: s.category,
        isKey: s.isKey ?? false, isComplex: s.isComplex ?? false, leadDeputyId: D(s.lead),
        sessionId: s.atSession ? sid(s.atSession) : null, status: finalStatus, statusNote, duplicateOfId, supervisorId,
        submittedAt, acceptedAt, assignedAt, deadline, repliedAt, closedAt,
        createdById: entrant, version: events.filter((e) => e.to !== null).length,
        createdAt: t(s.created),
        coSigners: { create: (s.coSigners ?? []).map((n) => ({ deputyId: D(n) })) },
        assignments: { create: assignments },
        events: { create: events.map((e) => ({ actorId: e.actorId, action: e.action, fromStatus: e.from, toStatus: e.to, note: e.note, createdAt: e.at })) },
        supervisions: { create: supervisionRows },
        contacts: { create: contactRows },
        updates: { create: updateRows },
      },
    });
    suggestionIds.set(s.key, row.id);
    const replyIdByRound = new Map<number, number>();
    for (const r of replyRows) {
      const reply = await tx.reply.create({
        data: {
          suggestionId: row.id, unitId: U(r.unit), round: r.round, category: r.category, isAssistOpinion: r.isAssistOpinion,
          content: r.content, plannedCompletion: r.plannedCompletion, authorId: r.authorId, createdAt: r.createdAt,
        },
      });
      if (!r.isAssistOpinion) replyIdByRound.set(r.round, reply.id);
    }
    for (const r of ratingRows) {
      await tx.satisfaction.create({
        data: {
          suggestionId: row.id, replyId: replyIdByRound.get(r.round) ?? null, deputyId: D(s.lead), round: r.round,
          attitude: r.attitude, result: r.result, comment: r.comment, createdAt: r.createdAt,
        },
      });
    }
    if (extensionRow) await tx.deadlineExtension.create({ data: { ...extensionRow, suggestionId: row.id } });
    if (s.review?.outcome === 'merge') {
      await tx.suggestionCoSigner.create({ data: { suggestionId: duplicateOfId ?? 0, deputyId: D(s.lead) } });
    }
  }
  const S = (key: string): number => must(suggestionIds, key, 'suggestion');

  // ── voter opinions (民情民意) ──
  interface OpinionSpec {
    reception?: string;
    deputy: string;
    content: string;
    category: SuggestionCategory;
    voter: string;
    phone: string;
    handling: OpinionHandling;
    answer?: string;
    unit?: string;
    due?: string;
    answeredAt?: string;
    suggestion?: string;
    at: string;
  }
  const opinions: OpinionSpec[] = [
    { reception: 'r23-hrgt', deputy: '宝音图', at: '2023-04-13 09:40', category: 'AGRICULTURE', voter: '额尔德木图', phone: '15847563302', handling: 'CONVERTED', suggestion: 's23-cattle',
      content: '嘎查的牛品种退化，出栏慢、卖不上价，想搞冻精配种改良，但找不到配种员。' },
    { reception: 'r23-hrgt', deputy: '白音那木拉', at: '2023-04-13 10:20', category: 'AGRICULTURE', voter: '其木格', phone: '13847590418', handling: 'ANSWERED', answeredAt: '2023-04-13 10:25',
      content: '今年的禁牧补贴什么时候发放？', answer: '草原生态保护补助奖励资金由旗里统一发放，预计6月底前打卡到户，届时嘎查会通知。' },
    { reception: 'r23-home', deputy: '陈淑芬', at: '2023-06-15 09:20', category: 'SOCIAL_GOVERNANCE', voter: '张凤岐', phone: '13947528816', handling: 'CONVERTED', suggestion: 's23-traffic',
      content: '111线穿过镇区这段车速太快，学校和市场门口没有减速带和警示牌，晚上过马路很危险。' },
    { reception: 'r23-home', deputy: '刘海龙', at: '2023-06-15 09:45', category: 'ROADS_TRAFFIC', voter: '李国富', phone: '15148759023', handling: 'ANSWERED', answeredAt: '2023-06-15 09:50',
      content: '111线安路灯的工程什么时候能完工？', answer: '111线亮化及排水项目是今年镇人代会票决的民生实事项目，已于5月开工，计划8月底前完工，届时从东明村部到镇政府沿线都将安装路灯。' },
    { reception: 'r23-home', deputy: '宝音图', at: '2023-06-15 10:15', category: 'LIVELIHOOD', voter: '孙桂芳', phone: '13190857734', handling: 'ANSWERED', answeredAt: '2023-06-15 10:20',
      content: '家里老人生病，想申请低保，不知道去哪里办、要什么材料。', answer: '可持户口本、身份证、病历等材料到村委会提出申请，由村里入户调查后报镇社会事务办公室审核，已告知社会事务办公室联系人电话。' },
    { reception: 'r23-home', deputy: '陈淑芬', at: '2023-06-15 10:40', category: 'SOCIAL_GOVERNANCE', voter: '王秀琴', phone: '13804756612', handling: 'REFERRED', unit: '综合行政执法局', due: '2023-06-30', answeredAt: '2023-06-28',
      content: '集贸市场逢集日占道经营严重，车都过不去。', answer: '已组织逢集日集中整治，清理占道摊点，下一步将划定临时摊位区。' },
    { reception: 'r23-gcdz', deputy: '乌云其木格', at: '2023-09-20 15:00', category: 'RURAL_CONSTRUCTION', voter: '图雅', phone: '15904752208', handling: 'REFERRED', unit: '农业农村办公室', due: '2023-10-10', answeredAt: '2023-10-08',
      content: '新建的垃圾收集点清运不及时，夏天有异味。', answer: '已将嘎查甸子村垃圾清运调整为每周三次，并明确保洁员责任区。' },
    { reception: 'r23-gcdz', deputy: '敖特根', at: '2023-09-20 15:40', category: 'EDUCATION_HEALTH', voter: '哈斯', phone: '13847512276', handling: 'ANSWERED', answeredAt: '2023-09-20 15:45',
      content: '村卫生室常用药品种少，降压药经常缺货。', answer: '已联系镇卫生院，每月按需为村卫生室配送常用慢性病药品。' },
    { reception: 'r23-snl', deputy: '何秀兰', at: '2023-10-18 09:30', category: 'ROADS_TRAFFIC', voter: '刘振山', phone: '13654750981', handling: 'CONVERTED', suggestion: 's23-bridge',
      content: '村南过水桥涵汛期冲坏了一边，拉粮的车不敢过。' },
    { reception: 'r23-snl', deputy: '王德福', at: '2023-10-18 10:10', category: 'OTHER', voter: '杨淑珍', phone: '15847520367', handling: 'ANSWERED', answeredAt: '2023-10-18 10:15',
      content: '村里没有文化活动广场，晚上跳广场舞只能在路边。', answer: '已记录，镇人大将把建设文化活动广场的意见纳入下一年度民生实事项目征集。' },
    { reception: 'r24-home', deputy: '宝音图', at: '2024-03-15 09:30', category: 'AGRICULTURE', voter: '额尔德木图', phone: '15847563302', handling: 'CONVERTED', suggestion: 's24-barn',
      content: '嘎查牛越养越多，棚圈简陋、冬天冷，饮水要人拉车运，希望建标准化棚圈和集中饮水点。' },
    { reception: 'r24-home', deputy: '陈淑芬', at: '2024-03-15 10:05', category: 'SOCIAL_GOVERNANCE', voter: '赵淑华', phone: '13847528845', handling: 'REFERRED', unit: '社会事务办公室', due: '2024-04-15', answeredAt: '2024-04-12',
      content: '邻居家老人独居，孩子在外打工，生病了都没人知道。', answer: '已将该老人纳入留守老人关爱台账，由村网格员每周探访。' },
    { reception: 'r24-home', deputy: '张丽华', at: '2024-03-15 10:30', category: 'AGRICULTURE', voter: '高志军', phone: '15148762219', handling: 'ANSWERED', answeredAt: '2024-03-15 10:35',
      content: '今年化肥价格涨了，镇里有没有平价供应？', answer: '镇供销社已储备平价化肥，可凭身份证到东明村供销社门市购买。' },
    { reception: 'r24-gcdz', deputy: '敖特根', at: '2024-06-19 15:10', category: 'EDUCATION_HEALTH', voter: '斯琴', phone: '13847563325', handling: 'CONVERTED', suggestion: 's24-clinic',
      content: '村里老人看病要去镇上，路远，希望卫生院能定期来村里巡诊。' },
    { reception: 'r24-snl', deputy: '何秀兰', at: '2024-09-12 09:25', category: 'LIVELIHOOD', voter: '刘振山', phone: '13654750981', handling: 'CONVERTED', suggestion: 's24-garbage',
      content: '村里垃圾箱太少，清运车不够，垃圾堆好几天没人拉。' },
    { reception: 'r24-snl', deputy: '王德福', at: '2024-09-12 10:00', category: 'OTHER', voter: '杨淑珍', phone: '15847520367', handling: 'REFERRED', unit: '社会事务办公室', due: '2024-10-15', answeredAt: '2024-10-11',
      content: '去年提的文化活动广场有没有进展？', answer: '上奈林村文化活动广场已作为2025年民生实事项目征集项目上报，待镇人代会确定。' },
    { reception: 'r24-snl', deputy: '额尔敦', at: '2024-09-12 10:30', category: 'ROADS_TRAFFIC', voter: '李长海', phone: '13088452716', handling: 'PENDING',
      content: '秋收期间田间道路坑洼多，农机下地困难，希望平整一下。' },
    { reception: 'r24-hrgt', deputy: '宝音图', at: '2024-11-20 09:30', category: 'OTHER', voter: '朝格图', phone: '15047516648', handling: 'PENDING',
      content: '北部草场手机没信号，放牧时出了事打不出电话。' },
    { reception: 'r24-hrgt', deputy: '巴特尔', at: '2024-11-20 10:00', category: 'AGRICULTURE', voter: '乌日娜', phone: '13948753390', handling: 'REFERRED', unit: '农业农村办公室', due: '2024-12-20',
      content: '今年秋天干旱，饲草收得少，担心冬春饲草料不够，希望组织调运。' },
  ];
  for (const o of opinions) {
    await tx.voterOpinion.create({
      data: {
        townshipId: tw, receptionId: o.reception ? R(o.reception) : null, deputyId: D(o.deputy), content: o.content, category: o.category,
        voterName: o.voter, voterPhone: o.phone, handling: o.handling, answer: o.answer ?? '',
        referredUnitId: o.unit ? U(o.unit) : null, referralDueDate: o.due ? d(o.due) : null,
        answeredAt: o.answeredAt ? t(o.answeredAt) : null, suggestionId: o.suggestion ? S(o.suggestion) : null,
        createdAt: t(o.at),
      },
    });
  }

  // ── livelihood projects (民生实事) ──
  interface ProjectSpec {
    key: string;
    year: number;
    name: string;
    description: string;
    location: string;
    unit: string;
    budgetYuan: number;
    source: 'GOVERNMENT' | 'DEPUTY_SUGGESTION' | 'VOTER_OPINION';
    sourceSuggestion?: string;
    phase: 'COLLECTED' | 'SHORTLISTED' | 'PASSED' | 'REJECTED';
    status: ProjectStatus;
    plannedStart?: string;
    plannedEnd?: string;
    session?: number;
    follower?: string;
    supervisors?: string[];
    outcomes?: { label: string; unit: string; planned: number; achieved: number }[];
    milestones?: { title: string; due: string; done?: string }[];
    progress?: { date: string; percent: number; spentYuan: number; status: ProjectStatus; note: string; by: string }[];
    votes?: { for: number; against: number; abstain: number; absent: string[] };
  }
  const projectSpecs: ProjectSpec[] = [
    {
      key: 'p23-gcdz', year: 2023, name: '东明镇嘎查甸子村基础设施建设改造升级项目', location: '嘎查甸子村',
      description: '完善嘎查甸子村排水、绿化、垃圾处理等基础设施：新建排水沟渠，村内巷道及广场绿化，建设垃圾收集点并配备垃圾收集设施，有效满足群众生活需求，提升群众幸福指数。',
      unit: '农业农村办公室', budgetYuan: 4_000_000, source: 'GOVERNMENT', phase: 'PASSED', status: 'IN_USE',
      plannedStart: '2023-04-01', plannedEnd: '2023-10-31', session: 3, follower: 'member',
      supervisors: ['乌云其木格', '敖特根', '宝音图', '图门'],
      outcomes: [
        { label: '新建排水沟渠', unit: '米', planned: 3200, achieved: 3200 },
        { label: '绿化', unit: '平方米', planned: 12000, achieved: 12500 },
        { label: '建设垃圾收集点', unit: '处', planned: 15, achieved: 15 },
      ],
      milestones: [
        { title: '完成项目设计及预算评审', due: '2023-03-31', done: '2023-03-25' },
        { title: '完成公开招标', due: '2023-04-30', done: '2023-04-26' },
        { title: '排水沟渠工程完工', due: '2023-08-31', done: '2023-08-28' },
        { title: '绿化及垃圾收集点完工', due: '2023-10-15', done: '2023-10-10' },
        { title: '竣工验收', due: '2023-10-31', done: '2023-10-27' },
      ],
      progress: [
        { date: '2023-03-25', percent: 5, spentYuan: 0, status: 'NOT_STARTED', note: '完成项目设计及预算评审，准备招标。', by: 'staff' },
        { date: '2023-05-10', percent: 20, spentYuan: 800_000, status: 'IN_PROGRESS', note: '4月26日完成招标，5月6日开工，排水沟渠开挖中。', by: 'unit' },
        { date: '2023-07-15', percent: 55, spentYuan: 2_200_000, status: 'IN_PROGRESS', note: '排水沟渠完成2100米，绿化工程开始施工。', by: 'unit' },
        { date: '2023-09-10', percent: 80, spentYuan: 3_200_000, status: 'IN_PROGRESS', note: '排水沟渠3200米全部完工，绿化完成约9000平方米，垃圾收集点建设中。', by: 'unit' },
        { date: '2023-10-27', percent: 100, spentYuan: 3_900_000, status: 'COMPLETED', note: '全部工程完工，通过竣工验收。', by: 'unit' },
        { date: '2023-11-10', percent: 100, spentYuan: 4_000_000, status: 'IN_USE', note: '项目投入使用，完成结算，资金400万元全部拨付。', by: 'staff' },
      ],
      votes: { for: 32, against: 1, abstain: 1, absent: [] },
    },
    {
      key: 'p23-111', year: 2023, name: '东明镇111线亮化及排水项目', location: '111线东明段（东明村部至东明镇政府）、东明村',
      description: '沿111线从东明村部至东明镇政府安装高标准路灯，在东明村内安装路灯，并对镇内排水管道进行维修，方便群众出行，提升镇区亮化水平，改善人居环境。',
      unit: '村镇规划建设办公室', budgetYuan: 1_000_000, source: 'GOVERNMENT', phase: 'PASSED', status: 'IN_USE',
      plannedStart: '2023-04-15', plannedEnd: '2023-08-31', session: 3, follower: 'vicechair',
      supervisors: ['包金山', '李永刚', '陈淑芬', '周国庆'],
      outcomes: [
        { label: '安装高标准路灯（沿111线从东明村部至东明镇政府）', unit: '盏', planned: 100, achieved: 100 },
        { label: '安装路灯（在东明村内）', unit: '盏', planned: 120, achieved: 120 },
        { label: '维修镇内排水管道', unit: '米', planned: 1500, achieved: 1500 },
      ],
      milestones: [
        { title: '完成设计和招标', due: '2023-04-30', done: '2023-04-20' },
        { title: '111线路灯安装完成', due: '2023-07-15', done: '2023-07-10' },
        { title: '东明村内路灯安装及排水管道维修完成', due: '2023-08-31', done: '2023-08-25' },
        { title: '竣工验收', due: '2023-09-10', done: '2023-08-30' },
      ],
      progress: [
        { date: '2023-04-20', percent: 5, spentYuan: 0, status: 'NOT_STARTED', note: '完成设计和招标。', by: 'staff' },
        { date: '2023-05-20', percent: 30, spentYuan: 300_000, status: 'IN_PROGRESS', note: '111线路灯基础施工，已安装路灯30盏。', by: 'staff' },
        { date: '2023-07-10', percent: 70, spentYuan: 650_000, status: 'IN_PROGRESS', note: '111线路灯100盏全部安装完成，东明村内路灯安装中。', by: 'staff' },
        { date: '2023-08-30', percent: 100, spentYuan: 960_000, status: 'COMPLETED', note: '东明村内路灯120盏安装完成，排水管道维修1500米，通过竣工验收。', by: 'staff' },
        { date: '2023-09-15', percent: 100, spentYuan: 1_000_000, status: 'IN_USE', note: '路灯全部通电亮灯，项目投入使用，资金100万元全部拨付。', by: 'staff' },
      ],
      votes: { for: 30, against: 1, abstain: 3, absent: [] },
    },
    {
      key: 'p23-square', year: 2023, name: '东明镇下奈林村文化活动广场建设项目', location: '下奈林村',
      description: '在下奈林村新建文化活动广场1处，配套健身器材和照明设施。',
      unit: '社会事务办公室', budgetYuan: 1_500_000, source: 'VOTER_OPINION', phase: 'REJECTED', status: 'NOT_STARTED', session: 3,
      votes: { for: 15, against: 9, abstain: 10, absent: [] },
    },
    {
      key: 'p24-road', year: 2024, name: '东明镇哈日干图嘎查通村道路硬化项目', location: '哈日干图嘎查至111线',
      description: '硬化哈日干图嘎查至111线通村道路6.8公里（水泥混凝土路面，宽4.5米），配套建设涵洞6处。源自宝音图代表领衔的2023年重点建议。',
      unit: '交通管理站', budgetYuan: 2_600_000, source: 'DEPUTY_SUGGESTION', sourceSuggestion: 's23-road', phase: 'PASSED', status: 'IN_PROGRESS',
      plannedStart: '2024-05-01', plannedEnd: '2024-10-31', session: 4, follower: 'chair',
      supervisors: ['宝音图', '白音那木拉', '巴特尔'],
      outcomes: [
        { label: '硬化道路', unit: '米', planned: 6800, achieved: 4400 },
        { label: '涵洞', unit: '处', planned: 6, achieved: 4 },
      ],
      milestones: [
        { title: '完成招标', due: '2024-04-30', done: '2024-04-28' },
        { title: '路基整修完成', due: '2024-07-31', done: '2024-08-10' },
        { title: '路面硬化完成', due: '2024-10-31' },
        { title: '竣工验收', due: '2024-11-15' },
      ],
      progress: [
        { date: '2024-04-28', percent: 0, spentYuan: 0, status: 'NOT_STARTED', note: '完成招标，施工单位进场准备。', by: 'unit2' },
        { date: '2024-05-20', percent: 15, spentYuan: 400_000, status: 'IN_PROGRESS', note: '5月20日开工，路基整修中。', by: 'unit2' },
        { date: '2024-08-15', percent: 45, spentYuan: 1_150_000, status: 'IN_PROGRESS', note: '路基整修6.8公里、涵洞4处完成，开始铺筑路面。', by: 'unit2' },
        { date: '2024-10-25', percent: 65, spentYuan: 1_700_000, status: 'IN_PROGRESS', note: '已完成路面硬化4.4公里。因气温下降停工，剩余2.4公里及涵洞2处计划2025年5月复工，6月底前完工。', by: 'unit2' },
      ],
      votes: { for: 31, against: 0, abstain: 2, absent: [] },
    },
    {
      key: 'p24-water', year: 2024, name: '东明镇西营子村安全饮水提升工程', location: '西营子村',
      description: '西营子村新打机电井2眼，更换老化供水管网，实现全村集中供水入户。',
      unit: '农业农村办公室', budgetYuan: 1_200_000, source: 'GOVERNMENT', phase: 'PASSED', status: 'COMPLETED',
      plannedStart: '2024-04-15', plannedEnd: '2024-10-31', session: 4, follower: 'member2',
      supervisors: ['吴海军', '关玉霞', '邢宝山'],
      outcomes: [
        { label: '新打机电井', unit: '眼', planned: 2, achieved: 2 },
        { label: '更换供水管网', unit: '米', planned: 5200, achieved: 5200 },
        { label: '集中供水入户', unit: '户', planned: 326, achieved: 326 },
      ],
      milestones: [
        { title: '完成招标', due: '2024-04-15', done: '2024-04-12' },
        { title: '机电井成井', due: '2024-06-30', done: '2024-06-18' },
        { title: '管网铺设及入户完成', due: '2024-10-15', done: '2024-10-20' },
        { title: '竣工验收', due: '2024-10-31', done: '2024-10-30' },
      ],
      progress: [
        { date: '2024-04-12', percent: 0, spentYuan: 0, status: 'NOT_STARTED', note: '完成招标。', by: 'unit' },
        { date: '2024-06-18', percent: 35, spentYuan: 420_000, status: 'IN_PROGRESS', note: '2眼机电井成井，水质检测合格。', by: 'unit' },
        { date: '2024-09-05', percent: 75, spentYuan: 860_000, status: 'IN_PROGRESS', note: '管网铺设4000米，入户230户。', by: 'unit' },
        { date: '2024-10-30', percent: 100, spentYuan: 1_150_000, status: 'COMPLETED', note: '全部完工并通过竣工验收，待冬季试运行后正式投入使用。', by: 'unit' },
      ],
      votes: { for: 29, against: 1, abstain: 3, absent: [] },
    },
    {
      key: 'p25-barn', year: 2025, name: '东明镇哈日干图嘎查标准化棚圈及饮水设施建设项目', location: '哈日干图嘎查',
      description: '改造标准化棚圈60处，建设集中饮水点3处。源自宝音图代表领衔的2024年建议，拟提交镇第十九届人大第五次会议票决。',
      unit: '农业农村办公室', budgetYuan: 1_800_000, source: 'DEPUTY_SUGGESTION', sourceSuggestion: 's24-barn', phase: 'SHORTLISTED', status: 'NOT_STARTED',
      plannedStart: '2025-04-01', plannedEnd: '2025-10-31', session: 5,
    },
    {
      key: 'p25-sewage', year: 2025, name: '东明镇镇区生活污水管网建设项目（一期）', location: '东明镇镇区',
      description: '实施镇区主街雨污分流改造，新建污水管网约3公里。',
      unit: '村镇规划建设办公室', budgetYuan: 3_500_000, source: 'DEPUTY_SUGGESTION', sourceSuggestion: 's24-sewage', phase: 'SHORTLISTED', status: 'NOT_STARTED',
      plannedStart: '2025-05-01', plannedEnd: '2025-11-30', session: 5,
    },
    {
      key: 'p25-square', year: 2025, name: '东明镇上奈林村文化活动广场建设项目', location: '上奈林村',
      description: '在上奈林村新建文化活动广场1处，配套健身器材、照明和宣传栏。由选民在上奈林村代表联络站接待日提出。',
      unit: '社会事务办公室', budgetYuan: 900_000, source: 'VOTER_OPINION', phase: 'COLLECTED', status: 'NOT_STARTED', session: 5,
    },
  ];

  const projectIds = new Map<string, number>();
  for (const p of projectSpecs) {
    const row = await tx.livelihoodProject.create({
      data: {
        townshipId: tw, year: p.year, name: p.name, description: p.description, location: p.location,
        responsibleUnitId: U(p.unit), budgetYuan: p.budgetYuan, source: p.source,
        sourceSuggestionId: p.sourceSuggestion ? S(p.sourceSuggestion) : null, phase: p.phase, status: p.status,
        plannedStart: p.plannedStart ? d(p.plannedStart) : null, plannedEnd: p.plannedEnd ? d(p.plannedEnd) : null,
        sessionId: p.session ? sid(p.session) : null, followerId: p.follower ? USR(p.follower) : null,
        createdAt: p.year === 2023 ? d('2022-11-20') : p.year === 2024 ? d('2023-10-25') : d('2024-10-15'),
        outcomes: { create: (p.outcomes ?? []).map((o, i) => ({ ...o, position: i + 1 })) },
        milestones: { create: (p.milestones ?? []).map((m) => ({ title: m.title, dueDate: d(m.due), doneOn: m.done ? d(m.done) : null })) },
        progress: {
          create: (p.progress ?? []).map((g) => ({
            date: d(g.date), percent: g.percent, spentYuan: g.spentYuan, status: g.status, note: g.note, authorId: USR(g.by), createdAt: t(g.date),
          })),
        },
        supervisors: { create: (p.supervisors ?? []).map((n) => ({ deputyId: D(n) })) },
      },
    });
    projectIds.set(p.key, row.id);
    const lastProgress = p.progress?.at(-1);
    if (lastProgress && lastProgress.status !== p.status) throw new Error(`demo seed: ${p.key}: status differs from the last progress row`);
  }
  const P = (key: string): number => must(projectIds, key, 'project');

  // 票决: online votes of the deputies present. Session 3 (2023-01-12): 34 of 38 present.
  // Session 4 (2023-12-07): 33 of the 37 then in office present.
  const absent: Record<number, string[]> = { 3: ['苏和', '常红梅', '田志远', '石秀梅'], 4: ['巴特尔', '萨仁高娃', '冯桂芝', '苏和'] };
  const sessionDates: Record<number, string> = { 3: '2023-01-12', 4: '2023-12-07' };
  const voteOrder: Record<string, { against: string[]; abstain: string[] }> = {
    'p23-gcdz': { against: ['邢宝山'], abstain: ['图门'] },
    'p23-111': { against: ['敖特根'], abstain: ['额尔敦', '高淑琴', '萨仁高娃'] },
    'p24-road': { against: [], abstain: ['赵桂兰', '孙志强'] },
    'p24-water': { against: ['郭振华'], abstain: ['那顺', '刘玉珍', '图门'] },
  };
  for (const p of projectSpecs) {
    if (!p.votes || !p.session) continue;
    const n = p.session;
    const date = sessionDates[n];
    if (!date) throw new Error(`demo seed: no voting date for session ${n}`);
    const present = townDeputiesOn(date).filter((x) => !(absent[n] ?? []).includes(x.name)).map((x) => x.name);
    if (n === 3 && present.length !== 34) throw new Error(`demo seed: session 3 present ${present.length}`);
    if (n === 4 && present.length !== 33) throw new Error(`demo seed: session 4 present ${present.length}`);
    const choices = new Map<string, VoteChoice>();
    const order = voteOrder[p.key];
    if (order) {
      for (const name of present) choices.set(name, order.against.includes(name) ? 'AGAINST' : order.abstain.includes(name) ? 'ABSTAIN' : 'FOR');
    } else {
      // the rejected candidate: the first deputies for, then against, then abstaining
      present.forEach((name, i) => choices.set(name, i < p.votes!.for ? 'FOR' : i < p.votes!.for + p.votes!.against ? 'AGAINST' : 'ABSTAIN'));
    }
    const opened = sessionSpecs.find((x) => x.number === n)?.opened ?? `${date} 10:00`;
    const base = d(opened).getTime();
    const rows = present.map((name, i) => ({
      projectId: P(p.key), sessionId: sid(n), deputyId: D(name), choice: choices.get(name) ?? 'FOR', createdAt: new Date(base + (3 + i) * 30 * 1000),
    }));
    const count = (c: VoteChoice) => rows.filter((r) => r.choice === c).length;
    if (count('FOR') !== p.votes.for || count('AGAINST') !== p.votes.against || count('ABSTAIN') !== p.votes.abstain) {
      throw new Error(`demo seed: ${p.key} votes ${count('FOR')}/${count('AGAINST')}/${count('ABSTAIN')}`);
    }
    const all = townDeputiesOn(date).length;
    const passes = count('FOR') * 2 > all;
    if (passes !== (p.phase === 'PASSED')) throw new Error(`demo seed: ${p.key} vote outcome does not match its phase`);
    await tx.projectVote.createMany({ data: rows });
  }

  // 测评 of the two completed 2023 projects at 第四次会议.
  {
    const present = townDeputiesOn('2023-12-07').filter((x) => !(absent[4] ?? []).includes(x.name)).map((x) => x.name);
    const ratingsFor = (basic: string[], abstain: string[]): ((name: string) => ProjectRatingValue) => (name) =>
      abstain.includes(name) ? 'ABSTAIN' : basic.includes(name) ? 'BASICALLY_SATISFIED' : 'SATISFIED';
    const plans: [string, (name: string) => ProjectRatingValue][] = [
      ['p23-gcdz', ratingsFor(['邢宝山', '刘玉珍', '高淑琴', '马建民'], ['图门'])],
      ['p23-111', ratingsFor(['赵桂兰', '何秀兰', '郭振华'], [])],
    ];
    for (const [key, value] of plans) {
      await tx.projectRating.createMany({
        data: present.map((name, i) => ({
          projectId: P(key), sessionId: sid(4), deputyId: D(name), value: value(name), createdAt: new Date(d('2023-12-07 11:10').getTime() + i * 20 * 1000),
        })),
      });
    }
  }

  // ── activities (代表活动) ──
  interface ActivitySpec {
    key: string;
    kind: ActivityKind;
    title: string;
    date: string;
    endDate?: string;
    place: string;
    organiser?: string;
    description: string;
    station?: string;
    participants: string[];
    otherAttendees: number;
    inspection?: { project: string; findings: string; followUp: string };
  }
  const activities: ActivitySpec[] = [
    {
      key: 'a23-study1', kind: 'STUDY', title: '“代表学堂”：学习贯彻党的二十大精神专题培训', date: '2023-03-16', place: '东明镇人大代表之家', station: '东明镇人大代表之家',
      description: '组织镇人大代表集中学习党的二十大报告和习近平总书记关于坚持和完善人民代表大会制度的重要思想，邀请旗人大常委会研究室同志授课，部分代表交流履职体会。',
      participants: ['刘海龙', '包金山', '乌云其木格', '王德福', '宝音图', '陈淑芬', '白音那木拉', '张丽华', '李永刚', '孙志强', '那顺', '杨春华', '吴海军', '韩立新', '郭振华', '其其格', '于海波', '田志远', '阿拉坦仓', '徐东升'],
      otherAttendees: 8,
    },
    {
      key: 'a23-legal', kind: 'LEGAL_PUBLICITY', title: '《民法典》进村入户普法宣传', date: '2023-04-20', place: '东明村、西营子村、新发村、三家子村',
      organiser: '镇人大主席团、司法所',
      description: '代表分组进村入户，发放《民法典》宣传手册1200余份，结合婚姻家庭、土地承包、邻里纠纷等案例为群众讲解法律知识。',
      participants: ['包金山', '陈淑芬', '张丽华', '其其格', '关玉霞', '赵桂兰', '韩立新', '刘玉珍', '高淑琴', '郭振华', '常红梅', '邢宝山', '石秀梅', '田志远'],
      otherAttendees: 16,
    },
    {
      key: 'a23-disaster', kind: 'DISASTER_PUBLICITY', title: '“5·12”防灾减灾日宣传活动', date: '2023-05-12', place: '东明镇集贸市场及各嘎查村',
      organiser: '镇人大主席团、应急管理办公室',
      description: '围绕森林草原防火、防汛抗旱和农村用电用气安全，代表在集贸市场设立宣传点，并在各嘎查村开展入户宣传。',
      participants: ['乌云其木格', '王德福', '额尔敦', '何秀兰', '孙志强', '吴海军', '那顺', '苏和', '阿拉坦仓', '巴特尔', '宝音图', '朝鲁'],
      otherAttendees: 13,
    },
    {
      key: 'a23-openday', kind: 'OPEN_DAY', title: '“政府开放日”活动', date: '2023-05-18', place: '东明镇人民政府',
      description: '组织市、旗、镇三级人大代表走进镇政府便民服务大厅和各办所，听取镇政府2023年重点工作和民生实事项目推进情况汇报，现场征求代表意见建议。',
      participants: ['包金山', '宝音图', '陈淑芬', '白音那木拉', '乌力吉', '孟庆云', '李永刚', '杨春华', '周国庆', '马建民', '刘玉珍', '图门', '邢宝山', '苏和', '朝鲁'],
      otherAttendees: 3,
    },
    {
      key: 'a23-study2', kind: 'STUDY', title: '“代表学堂”：学习习近平法治思想和《地方组织法》', date: '2023-06-20', place: '东明镇人大代表之家', station: '东明镇人大代表之家',
      description: '学习习近平法治思想和新修订的《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，讲解代表闭会期间履职的方式方法。',
      participants: ['刘海龙', '包金山', '乌云其木格', '王德福', '宝音图', '敖特根', '额尔敦', '赵桂兰', '关玉霞', '萨仁高娃', '周国庆', '巴特尔', '马建民', '格日勒图', '高淑琴', '何秀兰', '常红梅', '石秀梅'],
      otherAttendees: 4,
    },
    {
      key: 'a23-culture', kind: 'CULTURE', title: '东明镇第四届广场文化周', date: '2023-07-18', endDate: '2023-07-24', place: '东明镇文化广场',
      organiser: '东明镇党委、政府',
      description: '代表参加文艺汇演、民族文化展示和民生政策宣传，在文化周期间设立代表服务台，收集群众意见建议。',
      participants: ['刘海龙', '包金山', '乌云其木格', '王德福', '宝音图', '陈淑芬', '白音那木拉', '张丽华', '李永刚', '杨春华', '周国庆', '马建民', '其其格', '于海波', '常红梅', '石秀梅', '萨仁高娃', '格日勒图', '敖特根', '图门', '乌力吉', '孟庆云'],
      otherAttendees: 30,
    },
    {
      key: 'a23-insp-gcdz', kind: 'INSPECTION', title: '民生实事项目实地视察：嘎查甸子村基础设施建设改造升级项目', date: '2023-08-10', place: '嘎查甸子村',
      description: '视察组实地查看排水沟渠、绿化和垃圾收集点建设情况，听取农业农村办公室关于项目进度和资金使用的汇报。',
      participants: ['刘海龙', '乌云其木格', '宝音图', '敖特根', '图门', '白音那木拉', '乌力吉', '那顺', '萨仁高娃', '额尔敦'],
      otherAttendees: 2,
      inspection: {
        project: 'p23-gcdz',
        findings: '排水沟渠3200米已全部完工，质量总体良好；绿化完成约七成；垃圾收集点选址有2处距离农户较近，群众有意见；个别路段沟渠盖板未安装到位。',
        followUp: '建议调整2处垃圾收集点位置，补齐沟渠盖板，10月底前完成全部工程并组织验收；项目建成后建立管护机制。意见已转农业农村办公室，10月已整改完毕。',
      },
    },
    {
      key: 'a23-insp-111', kind: 'INSPECTION', title: '民生实事项目实地视察：111线亮化及排水项目', date: '2023-08-22', place: '111线东明段、东明村',
      description: '视察组夜间实地查看111线及东明村内路灯亮灯情况，白天查看排水管道维修情况。',
      participants: ['刘海龙', '包金山', '李永刚', '陈淑芬', '周国庆', '马建民', '杨春华', '孟庆云', '张丽华', '田志远'],
      otherAttendees: 1,
      inspection: {
        project: 'p23-111',
        findings: '111线从东明村部至镇政府路灯100盏已全部亮灯，照明效果好；东明村内路灯120盏安装基本完成，个别路灯间距偏大；排水管道维修已完成，雨后镇区积水明显减少。',
        followUp: '建议对个别间距偏大的路段补装路灯位置进行优化，明确路灯日常维护责任单位和电费列支渠道。意见已转村镇规划建设办公室，已落实维护责任。',
      },
    },
    {
      key: 'a23-research', kind: 'RESEARCH', title: '调研基层派出所建设', date: '2023-09-14', place: '东明派出所',
      description: '调研东明派出所办公业务用房、警务室建设、警力配备和“枫桥式”派出所创建情况，听取派出所工作汇报，就加强农村牧区治安防控提出意见建议。',
      participants: ['刘海龙', '包金山', '王德福', '李永刚', '宝音图', '吴海军', '郭振华', '孙志强'],
      otherAttendees: 0,
    },
    // 2024
    {
      key: 'a24-study', kind: 'STUDY', title: '“代表学堂”：学习贯彻全国两会精神', date: '2024-03-21', place: '东明镇人大代表之家', station: '东明镇人大代表之家',
      description: '传达学习十四届全国人大二次会议精神，学习新修改的《全国人民代表大会组织法》。',
      participants: ['刘海龙', '包金山', '乌云其木格', '王德福', '宝音图', '陈淑芬', '张丽华', '李永刚', '杨春华', '于海波', '其其格', '阿拉坦仓', '韩立新', '格日勒图', '吴海军', '孙志强'],
      otherAttendees: 5,
    },
    {
      key: 'a24-disaster', kind: 'DISASTER_PUBLICITY', title: '“5·12”防灾减灾日宣传活动', date: '2024-05-11', place: '东明镇集贸市场',
      organiser: '镇人大主席团、应急管理办公室',
      description: '代表在集贸市场设立宣传点，宣传森林草原防火和汛期安全知识，发放宣传单800余份。',
      participants: ['乌云其木格', '额尔敦', '何秀兰', '那顺', '苏和', '巴特尔', '宝音图', '关玉霞', '常红梅'],
      otherAttendees: 10,
    },
    {
      key: 'a24-insp-road', kind: 'INSPECTION', title: '民生实事项目实地视察：哈日干图嘎查通村道路硬化项目', date: '2024-08-20', place: '哈日干图嘎查',
      description: '视察组沿线查看路基整修、涵洞和路面铺筑情况，听取交通管理站和施工单位汇报。',
      participants: ['刘海龙', '包金山', '宝音图', '白音那木拉', '巴特尔', '乌力吉', '苏和', '那顺'],
      otherAttendees: 1,
      inspection: {
        project: 'p24-road',
        findings: '路基整修和4处涵洞已完成，路面铺筑正在推进；部分路段养护洒水不及时；剩余2处涵洞因征地协调尚未开工。',
        followUp: '要求施工单位加强路面养护，镇政府尽快完成涵洞用地协调，确保入冬前尽可能多完成路面硬化。',
      },
    },
    {
      key: 'a24-culture', kind: 'CULTURE', title: '东明镇第五届广场文化周', date: '2024-07-23', endDate: '2024-07-29', place: '东明镇文化广场',
      organiser: '东明镇党委、政府',
      description: '代表参加文艺汇演和政策宣传，设立代表服务台收集群众意见建议。',
      participants: ['刘海龙', '包金山', '乌云其木格', '宝音图', '陈淑芬', '张丽华', '李永刚', '杨春华', '周国庆', '马建民', '其其格', '常红梅', '石秀梅', '孟庆云'],
      otherAttendees: 20,
    },
    {
      key: 'a24-openday', kind: 'OPEN_DAY', title: '“政府开放日”活动', date: '2024-09-26', place: '东明镇人民政府',
      description: '代表听取镇政府关于2024年民生实事项目推进和2025年项目征集情况的汇报，并实地参观便民服务中心。',
      participants: ['包金山', '王德福', '宝音图', '陈淑芬', '白音那木拉', '李永刚', '周国庆', '格日勒图', '高淑琴', '何秀兰', '孟庆云', '朝鲁'],
      otherAttendees: 4,
    },
  ];

  const deputyActiveOn = (name: string, date: string): boolean => {
    const spec = deputySpec.get(name);
    return !!spec && (!spec.termEnd || d(spec.termEnd).getTime() > d(date).getTime());
  };
  let personTimes2023 = 0;
  for (const a of activities) {
    for (const n of a.participants) if (!deputyActiveOn(n, a.date)) throw new Error(`demo seed: ${n} not in office on ${a.date}`);
    if (new Set(a.participants).size !== a.participants.length) throw new Error(`demo seed: ${a.key} lists a deputy twice`);
    const row = await tx.activity.create({
      data: {
        townshipId: tw, kind: a.kind, title: a.title, date: d(a.date), endDate: a.endDate ? d(a.endDate) : null, place: a.place,
        organiser: a.organiser ?? '镇人大主席团', description: a.description, stationId: a.station ? ST(a.station) : null,
        otherAttendees: a.otherAttendees, createdAt: t(a.endDate ?? a.date),
        participants: { create: a.participants.map((n) => ({ deputyId: D(n) })) },
        ...(a.inspection
          ? { inspection: { create: { projectId: P(a.inspection.project), findings: a.inspection.findings, followUp: a.inspection.followUp } } }
          : {}),
      },
    });
    void row;
    if (a.date.startsWith('2023')) personTimes2023 += a.participants.length + a.otherAttendees;
  }
  if (personTimes2023 !== 206) throw new Error(`demo seed: 2023 activities count ${personTimes2023} 人次, expected 206`);

  // ── supervision tasks (监督任务) ──
  interface TaskSpec {
    kind: TaskKind;
    title: string;
    description: string;
    due: string;
    status: TaskStatus;
    created: string;
    by: string;
    project?: string;
    suggestion?: string;
    station?: string;
    reception?: string;
    closed?: string;
    assignees: {
      name: string;
      status: TaskAssignmentStatus;
      accepted?: string;
      started?: string;
      submitted?: string;
      reportDate?: string;
      report?: string;
      findings?: string;
      reviewed?: string;
      reviewNote?: string;
    }[];
  }
  const tasks: TaskSpec[] = [
    {
      kind: 'INSPECT_PROJECT', title: '视察嘎查甸子村基础设施建设改造升级项目', project: 'p23-gcdz', status: 'CLOSED', created: '2023-07-25', by: 'chair', due: '2023-08-31', closed: '2023-08-20',
      description: '参加8月10日民生实事项目实地视察，重点查看排水沟渠、绿化和垃圾收集点建设质量及进度，收集群众意见，视察后5个工作日内提交视察报告。',
      assignees: [
        { name: '乌云其木格', status: 'CLOSED', accepted: '2023-07-26', submitted: '2023-08-14', reportDate: '2023-08-10', reviewed: '2023-08-18', reviewNote: '报告已收悉，整改意见已转农业农村办公室。',
          report: '8月10日随视察组查看了嘎查甸子村排水沟渠、绿化和垃圾收集点建设现场，并走访农户6户。', findings: '排水沟渠已全部完工；2处垃圾收集点距农户较近，群众有意见；部分沟渠盖板未安装。' },
        { name: '敖特根', status: 'CLOSED', accepted: '2023-07-27', submitted: '2023-08-15', reportDate: '2023-08-10', reviewed: '2023-08-18', reviewNote: '报告已收悉。',
          report: '参加视察并走访了村西片区农户。', findings: '群众对排水沟渠修建普遍满意，希望尽快完成绿化。' },
        { name: '宝音图', status: 'CLOSED', accepted: '2023-07-26', submitted: '2023-08-14', reportDate: '2023-08-10', reviewed: '2023-08-18', reviewNote: '报告已收悉。',
          report: '参加视察，重点查看了垃圾收集点建设。', findings: '垃圾收集点建设标准较高，建议配齐保洁人员、明确清运频次。' },
      ],
    },
    {
      kind: 'INSPECT_PROJECT', title: '视察111线亮化及排水项目', project: 'p23-111', status: 'CLOSED', created: '2023-08-08', by: 'chair', due: '2023-09-15', closed: '2023-09-05',
      description: '参加8月22日民生实事项目实地视察，夜间查看路灯亮灯情况，白天查看排水管道维修情况，视察后提交视察报告。',
      assignees: [
        { name: '李永刚', status: 'CLOSED', accepted: '2023-08-09', submitted: '2023-08-28', reportDate: '2023-08-22', reviewed: '2023-09-01', reviewNote: '报告已收悉，维护责任问题已转村镇规划建设办公室。',
          report: '视察了111线及东明村内路灯和排水管道维修情况。', findings: '111线路灯100盏全部亮灯；东明村内个别路段路灯间距偏大；需明确路灯维护责任。' },
        { name: '陈淑芬', status: 'CLOSED', accepted: '2023-08-09', submitted: '2023-08-27', reportDate: '2023-08-22', reviewed: '2023-09-01', reviewNote: '报告已收悉。',
          report: '夜间查看了111线和东明村内路灯亮灯情况，听取了沿街商户意见。', findings: '沿街商户反映路灯亮了以后晚上生意好了，出行也安全了。' },
        { name: '包金山', status: 'CLOSED', accepted: '2023-08-08', submitted: '2023-08-25', reportDate: '2023-08-22', reviewed: '2023-09-01', reviewNote: '报告已收悉。',
          report: '带队视察，听取了村镇规划建设办公室汇报。', findings: '项目进度符合计划，资金使用规范。' },
      ],
    },
    {
      kind: 'SURVEY', title: '调研基层派出所建设', status: 'CLOSED', created: '2023-09-01', by: 'staff', due: '2023-09-30', closed: '2023-09-28',
      description: '参加9月14日基层派出所建设调研，形成调研报告，提出加强农村牧区治安防控的意见建议。',
      assignees: [
        { name: '王德福', status: 'CLOSED', accepted: '2023-09-02', submitted: '2023-09-20', reportDate: '2023-09-14', reviewed: '2023-09-25', reviewNote: '调研报告已报镇党委。',
          report: '调研了东明派出所办公用房、警务室和警力配备情况。', findings: '派出所警力偏少，嘎查村警务室作用发挥不均衡，建议推行“一村一辅警”。' },
        { name: '吴海军', status: 'CLOSED', accepted: '2023-09-02', submitted: '2023-09-21', reportDate: '2023-09-14', reviewed: '2023-09-25', reviewNote: '调研报告已报镇党委。',
          report: '参加调研并征求了西营子村群众意见。', findings: '群众希望增加夜间巡逻，在村口安装监控。' },
      ],
    },
    {
      kind: 'INSPECT_PROJECT', title: '视察哈日干图嘎查通村道路硬化项目冬季停工及复工准备情况', project: 'p24-road', status: 'OPEN', created: '2024-12-12', by: 'staff', due: '2025-01-15',
      description: '查看已完工路段冬季养护情况和剩余2.4公里、2处涵洞的复工准备，了解施工单位工程款支付和农牧民工工资发放情况，提交书面报告。',
      assignees: [
        { name: '宝音图', status: 'ASSIGNED' },
        { name: '白音那木拉', status: 'ACCEPTED', accepted: '2024-12-13' },
      ],
    },
    {
      kind: 'FOLLOW_SUGGESTION', title: '跟踪督促哈日干图嘎查至巴彦塔拉嘎查砂石路维修建议办理', suggestion: 's24-gravel', status: 'OPEN', created: '2024-10-08', by: 'vicechair', due: '2024-12-31',
      description: '该建议交办后超期未签收。请跟踪交通管理站办理情况，实地查看道路现状，每月向主席团反馈一次。',
      assignees: [
        { name: '宝音图', status: 'IN_PROGRESS', accepted: '2024-10-09', started: '2024-10-12' },
        { name: '巴特尔', status: 'ACCEPTED', accepted: '2024-10-10' },
      ],
    },
    {
      kind: 'RECEPTION_DUTY', title: '东明镇人大代表之家12月接待日值班', station: '东明镇人大代表之家', reception: 'r24-home-dec', status: 'OPEN', created: '2024-12-05', by: 'staff', due: '2024-12-20',
      description: '12月20日9:00-11:30在东明镇人大代表之家值班接待选民，做好意见登记，接待结束后当日提交接待记录。',
      assignees: [
        { name: '陈淑芬', status: 'ASSIGNED' },
        { name: '张丽华', status: 'ACCEPTED', accepted: '2024-12-06' },
      ],
    },
    {
      kind: 'SURVEY', title: '2025年民生实事项目候选项目征集调研', status: 'OPEN', created: '2024-10-20', by: 'chair', due: '2024-12-15',
      description: '深入所联系的嘎查村征求群众对2025年民生实事项目的意见，对初定候选项目的必要性和可行性提出意见，形成调研报告，为镇第十九届人大第五次会议票决做准备。',
      assignees: [
        { name: '乌云其木格', status: 'IN_PROGRESS', accepted: '2024-10-21', started: '2024-10-25' },
        { name: '何秀兰', status: 'SUBMITTED', accepted: '2024-10-22', started: '2024-10-28', submitted: '2024-12-02', reportDate: '2024-11-28',
          report: '走访上奈林村农户23户，召开村民座谈会1次。', findings: '群众最关心文化活动广场建设和冬季垃圾清运，建议将上奈林村文化活动广场列入2025年候选项目。' },
        { name: '额尔敦', status: 'RETURNED', accepted: '2024-10-22', started: '2024-10-30', submitted: '2024-11-26', reportDate: '2024-11-25', reviewed: '2024-11-29',
          reviewNote: '请补充征求意见的户数、主要诉求和对候选项目的具体意见后重新提交。',
          report: '征求了部分村民意见。', findings: '村民希望多办实事。' },
      ],
    },
  ];

  for (const task of tasks) {
    const creator = USR(task.by);
    const events: { deputyId: number | null; actorId: number; action: string; note: string; createdAt: Date }[] = [];
    let last = 0;
    const ev = (at: string, deputy: string | null, actorId: number, action: string, note: string) => {
      let when = t(at).getTime();
      if (when <= last) when = last + 60 * 1000;
      last = when;
      events.push({ deputyId: deputy ? D(deputy) : null, actorId, action, note, createdAt: new Date(when) });
    };
    ev(task.created, null, creator, 'create', `发布任务：${task.title}`);
    for (const a of task.assignees) ev(task.created, a.name, creator, 'assign', `指派给${a.name}`);
    const later: { at: string; fn: () => void }[] = [];
    for (const a of task.assignees) {
      const actor = deputyActor(a.name);
      const proxy = userOfDeputy.has(a.name) ? '' : '（代表电话确认，工作人员录入）';
      if (a.accepted) later.push({ at: a.accepted, fn: () => ev(a.accepted ?? '', a.name, actor, 'accept', `${a.name}接受任务${proxy}`) });
      if (a.started) later.push({ at: a.started, fn: () => ev(a.started ?? '', a.name, actor, 'start', `${a.name}开始履职`) });
      if (a.submitted) later.push({ at: a.submitted, fn: () => ev(a.submitted ?? '', a.name, actor, 'submit', `${a.name}提交报告${proxy}`) });
      if (a.reviewed && a.status === 'RETURNED') later.push({ at: a.reviewed, fn: () => ev(a.reviewed ?? '', a.name, creator, 'return', a.reviewNote ?? '') });
      if (a.reviewed && a.status === 'CLOSED') later.push({ at: a.reviewed, fn: () => ev(a.reviewed ?? '', a.name, creator, 'approve', a.reviewNote ?? '') });
    }
    if (task.closed) later.push({ at: task.closed, fn: () => ev(task.closed ?? '', null, creator, 'close', '任务完成，关闭') });
    later.sort((x, y) => t(x.at).getTime() - t(y.at).getTime()).forEach((x) => x.fn());
    await tx.supervisionTask.create({
      data: {
        townshipId: tw, kind: task.kind, title: task.title, description: task.description, dueDate: d(task.due), status: task.status,
        projectId: task.project ? P(task.project) : null, suggestionId: task.suggestion ? S(task.suggestion) : null,
        stationId: task.station ? ST(task.station) : null, receptionId: task.reception ? R(task.reception) : null,
        assignedById: creator, createdAt: t(task.created),
        assignments: {
          create: task.assignees.map((a) => ({
            deputyId: D(a.name), status: a.status, acceptedAt: a.accepted ? t(a.accepted) : null,
            reportText: a.report ?? '', reportDate: a.reportDate ? d(a.reportDate) : null, findings: a.findings ?? '',
            submittedAt: a.submitted ? t(a.submitted) : null, reviewedAt: a.reviewed ? t(a.reviewed) : null, reviewNote: a.reviewNote ?? '',
            version: 1 + [a.accepted, a.started, a.submitted, a.reviewed].filter(Boolean).length,
          })),
        },
        events: { create: events },
      },
    });
  }

  // ── notifications (the bell) ──
  const notify = (username: string, kind: string, title: string, link: string, at: string, read?: string) =>
    tx.notification.create({ data: { userId: USR(username), kind, title, link, createdAt: t(at), readAt: read ? t(read) : null } });
  const task4 = await tx.supervisionTask.findFirstOrThrow({ where: { townshipId: tw, projectId: P('p24-road') } });
  const task6 = await tx.supervisionTask.findFirstOrThrow({ where: { townshipId: tw, kind: 'RECEPTION_DUTY' } });
  await notify('deputy', 'task.assigned', `新的监督任务：${task4.title}`, `/tasks/${task4.id}`, '2024-12-12 10:00');
  await notify('deputy', 'suggestion.supervised', '您附议的建议“关于维修哈日干图嘎查至巴彦塔拉嘎查砂石路的建议”已超期，主席团已催办', `/suggestions/${S('s24-gravel')}`, '2024-09-25 15:00', '2024-09-26 08:10');
  await notify('deputy2', 'suggestion.replied', '您领衔的建议“关于加强农村留守老人关爱服务的建议”已答复，请进行满意度测评', `/suggestions/${S('s24-elderly')}`, '2024-12-13 16:00');
  await notify('deputy2', 'task.assigned', `新的监督任务：${task6.title}`, `/tasks/${task6.id}`, '2024-12-05 10:00');
  await notify('unit', 'suggestion.assigned', `新交办建议：${sugNo(2024, suggestionNumbers.get('s24-irrigation') ?? 0)} 关于加强三家子村农田灌溉机电井维护的建议，请及时签收`, `/suggestions/${S('s24-irrigation')}`, '2024-12-13 09:30');
  await notify('chair', 'extension.requested', '农业农村办公室申请延期：关于开展玉米秸秆综合利用、减少秸秆焚烧的建议', `/suggestions/${S('s24-straw')}`, '2024-12-10 11:00');
  await notify('staff', 'suggestion.submitted', '陈淑芬代表提交了建议“关于规范东明村商户“门前三包”责任制的建议”，待审查', `/suggestions/${S('s24-storefront')}`, '2024-12-18 08:30');
  await notify('unit2', 'suggestion.overdue', `建议 ${sugNo(2024, suggestionNumbers.get('s24-gravel') ?? 0)} 已超过答复期限，请立即签收办理`, `/suggestions/${S('s24-gravel')}`, '2024-09-21 08:00');
}

function wayLabel(way: SupervisionWay): string {
  return { CALL: '电话督办', VISIT: '实地督办', MEETING: '会议督办', PROMPT: '催办' }[way];
}

function levelLabel(level: SatisfactionLevel): string {
  return { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' }[level];
}
