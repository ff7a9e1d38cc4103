/**
 * Bulk data for the bench at banner and city scale, written straight into SQLite through
 * better-sqlite3 prepared statements in large transactions (Prisma would take hours for millions
 * of rows). It adds to the 东明镇 demo data (whose accounts the bench logs in with) a realistic
 * volume in the same township — the worst case for the office's pages, which see the whole
 * township: deputies with their user accounts, handling units with their users, presidium members,
 * stations, five years of suggestions that went through the workflow as far as their dates allow
 * (assignments, replies, assist opinions, ratings, re-handling, extensions, implementation
 * updates, key suggestions with 督办, history events, notifications), activities with
 * participants, projects with progress, reception days with voters' opinions, and supervision
 * tasks. Other townships of the banner get a few rows of their own so that every query has to
 * scope by township. A seeded PRNG makes every fill identical.
 */
import type BetterSqlite3 from 'better-sqlite3';

export type ScaleSpec = {
  deputies: number;
  perYear: number;
  years: number[];
  units: number;
  presidium: number;
  staff: number;
  stations: number;
  activitiesPerYear: number;
  projectsPerYear: number;
  receptionsPerYear: number;
  tasksPerYear: number;
  otherTownships: number;
};

const YEARS = [2022, 2023, 2024, 2025, 2026];

export const SCALES: Record<'banner' | 'city', ScaleSpec> = {
  banner: {
    deputies: 800,
    perYear: 20_000,
    years: YEARS,
    units: 60,
    presidium: 15,
    staff: 6,
    stations: 40,
    activitiesPerYear: 300,
    projectsPerYear: 30,
    receptionsPerYear: 400,
    tasksPerYear: 500,
    otherTownships: 19,
  },
  city: {
    deputies: 12_000,
    perYear: 60_000,
    years: YEARS,
    units: 240,
    presidium: 25,
    staff: 12,
    stations: 400,
    activitiesPerYear: 3000,
    projectsPerYear: 120,
    receptionsPerYear: 4000,
    tasksPerYear: 5000,
    otherTownships: 12,
  },
};

// ───────────────────────────── randomness and dates ─────────────────────────────

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    /** Picks a key by weight. */
    weighted: <K extends string>(w: Record<K, number>): K => {
      const entries = Object.entries(w) as Array<[K, number]>;
      let r = next() * entries.reduce((s, [, v]) => s + v, 0);
      for (const [k, v] of entries) {
        r -= v;
        if (r < 0) return k;
      }
      return entries.at(-1)![0];
    },
  };
}
type Rng = ReturnType<typeof prng>;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const CN = 8 * HOUR;
/** China-local midnight of y-m-d, as a UTC instant. */
const cnDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - CN);
/** The way Prisma stores a DateTime in SQLite (ISO 8601 with an explicit offset). */
const iso = (t: number | Date | null | undefined) =>
  t === null || t === undefined ? null : new Date(t).toISOString().replace('Z', '+00:00');
/** Office hours on a day: 08:30–17:30 China time. */
const officeTime = (rng: Rng, dayStart: number) => dayStart + 8.5 * HOUR + rng.int(0, 9 * 60) * 60_000;
const addMonths = (t: number, n: number) => {
  const d = new Date(t + CN);
  const shifted = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  return shifted - CN;
};

// ───────────────────────────── words ─────────────────────────────

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建国',
  '秀英',
  '桂兰',
  '志强',
  '海军',
  '玉珍',
  '丽华',
  '永刚',
  '淑芬',
  '国庆',
  '春华',
  '立新',
  '振华',
  '红梅',
  '宝山',
  '秀梅',
  '东升',
  '桂芝',
  '庆云',
  '志远',
  '晓燕',
  '建华',
  '明',
  '伟',
  '静',
  '磊',
  '敏',
  '军',
  '洋',
  '艳',
  '勇',
  '杰',
  '娟',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
  '芳',
  '丹',
];
const MONGOLIAN = [
  '宝音图',
  '巴特尔',
  '那顺',
  '苏和',
  '图门',
  '额尔敦',
  '敖特根',
  '其其格',
  '萨仁高娃',
  '乌云其木格',
  '白音那木拉',
  '格日勒图',
  '阿拉坦仓',
  '朝鲁',
  '乌力吉',
  '孟和',
  '巴图',
  '斯琴',
  '娜仁',
  '满都拉',
  '额尔德尼',
  '吉日嘎拉',
  '哈斯',
  '特木尔',
  '达来',
  '包力高',
  '阿木古郎',
  '布仁',
  '塔娜',
  '乌兰',
];
const VILLAGE_HEAD = [
  '东',
  '西',
  '南',
  '北',
  '前',
  '后',
  '上',
  '下',
  '新',
  '老',
  '大',
  '小',
  '中',
  '红',
  '兴',
  '太平',
  '永安',
  '长胜',
  '富裕',
  '和平',
];
const VILLAGE_CORE = ['营子', '井子', '甸子', '窝堡', '河', '台', '沟', '屯', '洼', '奈林', '家子', '庙'];
const GACHA = ['哈日干图', '巴彦塔拉', '乌兰敖都', '查干诺尔', '宝力皋', '白音花', '额勒顺', '塔拉', '希勃图', '阿古拉', '巴嘎', '胡日查'];
const TOWNSHIPS = [
  '大沁他拉镇',
  '八仙筒镇',
  '青龙山镇',
  '新镇',
  '治安镇',
  '沙日浩来镇',
  '义隆永镇',
  '固日班花苏木',
  '白音他拉苏木',
  '明仁苏木',
  '黄花塔拉苏木',
  '土城子乡',
  '苇莲苏乡',
  '昂乃镇',
  '太和镇',
  '白音昌乡',
  '哈沙图镇',
  '平安镇',
  '太平庄镇',
];
const UNIT_NAMES = [
  '党政综合办公室',
  '农业农村办公室',
  '自然资源所',
  '交通管理站',
  '派出所',
  '社会事务办公室',
  '财政所',
  '综合行政执法局',
  '村镇规划建设办公室',
  '卫生院',
  '中心学校',
  '水利站',
  '林业工作站',
  '供电所',
  '退役军人服务站',
  '文化站',
  '市场监管所',
  '司法所',
  '应急管理办公室',
  '生态环境办公室',
];
const OCCUPATIONS = [
  '农民',
  '牧民',
  '教师',
  '乡村医生',
  '个体工商户',
  '村党支部书记',
  '村委会主任',
  '合作社理事长',
  '企业职工',
  '护士',
  '兽医',
  '农机手',
];

const CATEGORY_WEIGHTS = {
  LIVELIHOOD: 22,
  ROADS_TRAFFIC: 18,
  RURAL_CONSTRUCTION: 16,
  AGRICULTURE: 15,
  EDUCATION_HEALTH: 12,
  ECOLOGY: 7,
  SOCIAL_GOVERNANCE: 7,
  OTHER: 3,
};
type Category = keyof typeof CATEGORY_WEIGHTS;
const TOPICS: Record<Category, string[]> = {
  LIVELIHOOD: ['农村低保动态管理', '高龄老人补贴发放', '残疾人康复服务', '留守儿童关爱服务', '农村养老服务站建设', '医保缴费便民服务'],
  ROADS_TRAFFIC: ['通村道路硬化', '砂石路维修', '路灯安装维修', '桥涵维修加固', '公交线路延伸', '道路安全防护设施'],
  RURAL_CONSTRUCTION: ['饮水安全工程', '排水沟渠清淤', '村容村貌整治', '垃圾转运设施', '农村危房改造', '文化广场建设'],
  AGRICULTURE: ['高标准农田建设', '肉牛养殖补贴', '农机维修服务点', '草场围栏建设', '节水灌溉设施', '农产品销售渠道'],
  EDUCATION_HEALTH: ['卫生院设备更新', '学生校车接送', '村卫生室药品配备', '幼儿园建设', '家庭医生签约服务', '学生营养餐'],
  ECOLOGY: ['防沙治沙工程', '河道治理', '秸秆禁烧', '植树造林', '畜禽粪污处理', '沙化草场修复'],
  SOCIAL_GOVERNANCE: ['矛盾纠纷调解', '网格化管理', '农村消防设施', '平安乡村建设', '电信诈骗防范宣传', '红白喜事简办'],
  OTHER: ['移动信号覆盖', '快递进村', '集市管理', '便民服务大厅延时服务'],
};
const PROBLEMS = [
  '年久失修，群众出行和生产生活很不方便',
  '覆盖面不足，部分群众享受不到',
  '资金缺口较大，进展缓慢',
  '管理不够规范，群众意见较大',
  '设施老化，存在安全隐患',
  '服务不到位，群众反映强烈',
];
const ASKS = [
  '建议有关部门尽快实地调研，列入年度计划解决',
  '建议镇政府统筹资金，分步实施',
  '建议加强日常管理维护，建立长效机制',
  '建议积极争取上级项目资金支持',
  '建议加大宣传力度，完善服务措施',
];
const REPLY_TEXT = {
  A: '代表：您提出的建议已办理。经实地调研，已协调资金完成相关工作，群众反映良好。感谢您对我镇工作的关心和支持。',
  B: '代表：您提出的建议已列入计划解决。我单位已完成前期调研和方案设计，计划于明年实施，届时将及时向您反馈进展。',
  C: '代表：您提出的建议很有意义。因资金和政策条件限制，目前暂不具备实施条件，我单位将留作参考，积极争取上级支持。',
} as const;
const LEVEL_WEIGHTS = { SATISFIED: 70, BASICALLY_SATISFIED: 25, DISSATISFIED: 5 };

// ───────────────────────────── the fill ─────────────────────────────

type Ids = { next: (table: string) => number };
function idCounter(db: BetterSqlite3.Database): Ids {
  const last = new Map<string, number>();
  return {
    next(table) {
      let v = last.get(table);
      if (v === undefined) v = Number((db.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM "${table}"`).get() as { m: number }).m);
      last.set(table, ++v);
      return v;
    },
  };
}

/** Inserts a row; `cols` fixed per statement, values in order. */
function inserter(db: BetterSqlite3.Database, table: string, cols: string[]) {
  const stmt = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  return (...values: unknown[]) => {
    try {
      return stmt.run(...values);
    } catch (e) {
      throw new Error(
        `${table} ${JSON.stringify(values.map((v) => (typeof v === 'string' && v.length > 30 ? v.slice(0, 30) : v)))}: ${(e as Error).message}`,
        { cause: e },
      );
    }
  };
}

export type FillReport = Record<string, number>;

/**
 * Fills `db` (already migrated and holding the demo data) at the given scale. `now` is the
 * moment the data is generated against: nothing happens after it. `progress` is called with
 * (done, total) suggestions.
 */
export function fillScale(
  db: BetterSqlite3.Database,
  spec: ScaleSpec,
  opts: { now: Date; passwordHash: string; seed?: number; progress?: (done: number, total: number) => void },
): FillReport {
  const rng = prng(opts.seed ?? 12);
  const now = opts.now.getTime();
  const ids = idCounter(db);
  const stamp = iso(now);
  const township = db.prepare(`SELECT id, county FROM "Township" WHERE name = '东明镇'`).get() as { id: number; county: string };
  const T = township.id;
  const congress = db.prepare(`SELECT id FROM "Congress" WHERE "townshipId" = ? ORDER BY term DESC`).get(T) as { id: number };
  const sessions = db.prepare(`SELECT id, date FROM "CongressSession" WHERE "congressId" = ? ORDER BY date`).all(congress.id) as Array<{
    id: number;
    date: string;
  }>;
  const count: FillReport = {};
  const bump = (k: string, n = 1) => (count[k] = (count[k] ?? 0) + n);

  const ins = {
    township: inserter(db, 'Township', ['id', 'name', 'county', 'createdAt']),
    unit: inserter(db, 'HandlingUnit', ['id', 'townshipId', 'name', 'contactPerson', 'phone', 'active', 'createdAt']),
    user: inserter(db, 'User', [
      'id',
      'townshipId',
      'username',
      'passwordHash',
      'role',
      'title',
      'displayName',
      'deputyId',
      'unitId',
      'passwordChangedAt',
      'createdAt',
      'updatedAt',
    ]),
    deputy: inserter(db, 'Deputy', [
      'id',
      'townshipId',
      'congressId',
      'name',
      'gender',
      'ethnicity',
      'birthYear',
      'politicalAffiliation',
      'occupation',
      'workplace',
      'district',
      'village',
      'status',
      'termStart',
      'createdAt',
      'updatedAt',
    ]),
    level: inserter(db, 'DeputyLevelHeld', ['deputyId', 'level']),
    station: inserter(db, 'LiaisonStation', [
      'id',
      'townshipId',
      'name',
      'tier',
      'village',
      'address',
      'establishedOn',
      'workRules',
      'createdAt',
      'updatedAt',
    ]),
    stationDeputy: inserter(db, 'StationDeputy', ['stationId', 'deputyId', 'since']),
    suggestion: inserter(db, 'Suggestion', [
      'id',
      'townshipId',
      'year',
      'number',
      'title',
      'content',
      'category',
      'isKey',
      'isComplex',
      'leadDeputyId',
      'sessionId',
      'status',
      'statusNote',
      'supervisorId',
      'submittedAt',
      'acceptedAt',
      'assignedAt',
      'deadline',
      'repliedAt',
      'closedAt',
      'createdById',
      'version',
      'createdAt',
      'updatedAt',
    ]),
    coSigner: inserter(db, 'SuggestionCoSigner', ['suggestionId', 'deputyId']),
    assignment: inserter(db, 'SuggestionAssignment', [
      'suggestionId',
      'unitId',
      'role',
      'assignedAt',
      'signedAt',
      'returnedAt',
      'returnReason',
      'active',
    ]),
    reply: inserter(db, 'Reply', [
      'id',
      'suggestionId',
      'unitId',
      'round',
      'category',
      'isAssistOpinion',
      'content',
      'plannedCompletion',
      'authorId',
      'createdAt',
      'dueAt',
    ]),
    satisfaction: inserter(db, 'Satisfaction', [
      'suggestionId',
      'replyId',
      'deputyId',
      'round',
      'attitude',
      'result',
      'comment',
      'createdAt',
    ]),
    event: inserter(db, 'SuggestionEvent', ['suggestionId', 'actorId', 'action', 'fromStatus', 'toStatus', 'note', 'createdAt']),
    contact: inserter(db, 'SuggestionContact', ['suggestionId', 'unitId', 'date', 'way', 'summary', 'authorId', 'createdAt']),
    supervision: inserter(db, 'Supervision', ['suggestionId', 'supervisorId', 'way', 'date', 'note', 'createdAt']),
    extension: inserter(db, 'DeadlineExtension', [
      'suggestionId',
      'unitId',
      'requestedById',
      'reason',
      'newDeadline',
      'status',
      'decidedById',
      'decidedAt',
      'decisionNote',
      'createdAt',
    ]),
    update: inserter(db, 'ImplementationUpdate', ['suggestionId', 'unitId', 'date', 'content', 'authorId', 'createdAt']),
    notification: inserter(db, 'Notification', ['userId', 'kind', 'title', 'link', 'readAt', 'createdAt']),
    activity: inserter(db, 'Activity', [
      'id',
      'townshipId',
      'kind',
      'title',
      'date',
      'place',
      'description',
      'stationId',
      'otherAttendees',
      'createdAt',
      'updatedAt',
    ]),
    participant: inserter(db, 'ActivityParticipant', ['activityId', 'deputyId']),
    project: inserter(db, 'LivelihoodProject', [
      'id',
      'townshipId',
      'year',
      'name',
      'description',
      'location',
      'responsibleUnitId',
      'budgetYuan',
      'phase',
      'status',
      'plannedStart',
      'plannedEnd',
      'followerId',
      'createdAt',
      'updatedAt',
    ]),
    progress: inserter(db, 'ProjectProgress', ['projectId', 'date', 'percent', 'spentYuan', 'status', 'note', 'authorId', 'createdAt']),
    outcome: inserter(db, 'ProjectOutcome', ['projectId', 'label', 'unit', 'planned', 'achieved', 'position']),
    reception: inserter(db, 'Reception', [
      'id',
      'townshipId',
      'stationId',
      'date',
      'timeRange',
      'noticePublishedOn',
      'status',
      'voterCount',
      'summary',
      'createdAt',
      'updatedAt',
    ]),
    receptionDeputy: inserter(db, 'ReceptionDeputy', ['receptionId', 'deputyId', 'present']),
    opinion: inserter(db, 'VoterOpinion', [
      'townshipId',
      'receptionId',
      'deputyId',
      'content',
      'category',
      'voterName',
      'handling',
      'answer',
      'answeredAt',
      'createdAt',
      'updatedAt',
    ]),
    task: inserter(db, 'SupervisionTask', [
      'id',
      'townshipId',
      'kind',
      'title',
      'description',
      'dueDate',
      'status',
      'assignedById',
      'createdAt',
      'updatedAt',
    ]),
    taskAssignment: inserter(db, 'SupervisionTaskAssignment', [
      'taskId',
      'deputyId',
      'status',
      'acceptedAt',
      'reportText',
      'reportDate',
      'submittedAt',
      'reviewedAt',
    ]),
  };

  const personName = () => (rng.chance(0.35) ? rng.pick(MONGOLIAN) : rng.pick([...SURNAMES]) + rng.pick(GIVEN));
  const villages: string[] = [];
  for (const h of VILLAGE_HEAD) for (const c of VILLAGE_CORE) villages.push(`${h}${c}村`);
  for (const g of GACHA) villages.push(`${g}嘎查`);

  // ── Other townships of the banner: a staff account, a few units and deputies each ──
  // Child rows are written before their suggestion (whose state is known at the end): foreign
  // keys are checked at each commit instead of at each row.
  const tx = db.transaction((fn: () => void) => {
    db.pragma('defer_foreign_keys = ON');
    fn();
  });
  tx(() => {
    // Names the demo already holds (its second township) are taken: those get a number.
    const taken = new Set((db.prepare('SELECT name FROM "Township"').all() as Array<{ name: string }>).map((r) => r.name));
    for (let i = 0; i < spec.otherTownships; i++) {
      const tid = ids.next('Township');
      let name = TOWNSHIPS[i % TOWNSHIPS.length]! + (i >= TOWNSHIPS.length ? String(i) : '');
      if (taken.has(name)) name += String(tid);
      taken.add(name);
      ins.township(tid, name, township.county, stamp);
      ins.user(
        ids.next('User'),
        tid,
        `staff-t${tid}`,
        opts.passwordHash,
        'STAFF',
        '人大专干',
        personName(),
        null,
        null,
        stamp,
        stamp,
        stamp,
      );
      for (let u = 0; u < 3; u++) ins.unit(ids.next('HandlingUnit'), tid, UNIT_NAMES[u]!, personName(), '', 1, stamp);
      for (let d = 0; d < 10; d++) {
        ins.deputy(
          ids.next('Deputy'),
          tid,
          null,
          personName(),
          rng.chance(0.6) ? 'MALE' : 'FEMALE',
          '汉族',
          rng.int(1960, 1995),
          '群众',
          rng.pick(OCCUPATIONS),
          '',
          '',
          rng.pick(villages),
          'ACTIVE',
          stamp,
          stamp,
          stamp,
        );
      }
      bump('townships');
    }
  });

  // ── Deputies, units, users of 东明镇 ──
  const deputyIds: number[] = (
    db.prepare(`SELECT id FROM "Deputy" WHERE "townshipId" = ? AND status = 'ACTIVE'`).all(T) as Array<{ id: number }>
  ).map((r) => r.id);
  const deputyUser = new Map<number, number>(
    (db.prepare(`SELECT id, "deputyId" FROM "User" WHERE "deputyId" IS NOT NULL`).all() as Array<{ id: number; deputyId: number }>).map(
      (r) => [r.deputyId, r.id],
    ),
  );
  const unitIds: number[] = (db.prepare(`SELECT id FROM "HandlingUnit" WHERE "townshipId" = ?`).all(T) as Array<{ id: number }>).map(
    (r) => r.id,
  );
  const unitUsers = new Map<number, number[]>();
  for (const r of db.prepare(`SELECT id, "unitId" FROM "User" WHERE "unitId" IS NOT NULL AND "townshipId" = ?`).all(T) as Array<{
    id: number;
    unitId: number;
  }>) {
    unitUsers.set(r.unitId, [...(unitUsers.get(r.unitId) ?? []), r.id]);
  }
  const staffIds: number[] = (
    db.prepare(`SELECT id FROM "User" WHERE "townshipId" = ? AND role = 'STAFF'`).all(T) as Array<{ id: number }>
  ).map((r) => r.id);
  const presidiumIds: number[] = (
    db.prepare(`SELECT id FROM "User" WHERE "townshipId" = ? AND role = 'PRESIDIUM'`).all(T) as Array<{ id: number }>
  ).map((r) => r.id);
  const termStart = iso(cnDate(2021, 1, 8));
  tx(() => {
    for (let i = deputyIds.length; i < spec.deputies; i++) {
      const id = ids.next('Deputy');
      const mongol = rng.chance(0.35);
      const name = mongol ? rng.pick(MONGOLIAN) : rng.pick([...SURNAMES]) + rng.pick(GIVEN);
      const village = rng.pick(villages);
      ins.deputy(
        id,
        T,
        congress.id,
        name,
        rng.chance(0.62) ? 'MALE' : 'FEMALE',
        mongol ? '蒙古族' : rng.chance(0.9) ? '汉族' : '满族',
        rng.int(1958, 1998),
        rng.chance(0.6) ? '中共党员' : '群众',
        rng.pick(OCCUPATIONS),
        village,
        `第${(i % 40) + 1}选区`,
        village,
        'ACTIVE',
        termStart,
        stamp,
        stamp,
      );
      ins.level(id, 'TOWN');
      if (rng.chance(0.08)) ins.level(id, 'BANNER');
      deputyIds.push(id);
      const uid = ids.next('User');
      ins.user(uid, T, `d${id}`, opts.passwordHash, 'DEPUTY', '镇人大代表', name, id, null, stamp, stamp, stamp);
      deputyUser.set(id, uid);
      bump('deputies');
    }
    for (let i = unitIds.length; i < spec.units; i++) {
      const id = ids.next('HandlingUnit');
      const base = UNIT_NAMES[i % UNIT_NAMES.length]!;
      const name = i < UNIT_NAMES.length ? base : `${GACHA[Math.floor(i / UNIT_NAMES.length) % GACHA.length]}片区${base}`;
      ins.unit(id, T, name, personName(), '', 1, stamp);
      unitIds.push(id);
      for (let u = 0; u < rng.int(1, 2); u++) {
        const uid = ids.next('User');
        ins.user(uid, T, `u${id}-${u}`, opts.passwordHash, 'UNIT', '承办人', personName(), null, id, stamp, stamp, stamp);
        unitUsers.set(id, [...(unitUsers.get(id) ?? []), uid]);
      }
      bump('units');
    }
    for (let i = presidiumIds.length; i < spec.presidium; i++) {
      const uid = ids.next('User');
      ins.user(uid, T, `p${i}`, opts.passwordHash, 'PRESIDIUM', '主席团成员', personName(), null, null, stamp, stamp, stamp);
      presidiumIds.push(uid);
    }
    for (let i = staffIds.length; i < spec.staff; i++) {
      const uid = ids.next('User');
      ins.user(uid, T, `s${i}`, opts.passwordHash, 'STAFF', '工作人员', personName(), null, null, stamp, stamp, stamp);
      staffIds.push(uid);
    }
  });
  const unitUser = (unitId: number) => unitUsers.get(unitId)?.[0] ?? staffIds[0]!;
  const staffUser = () => rng.pick(staffIds);

  // ── Stations ──
  const stationIds: number[] = (db.prepare(`SELECT id FROM "LiaisonStation" WHERE "townshipId" = ?`).all(T) as Array<{ id: number }>).map(
    (r) => r.id,
  );
  const stationNames = new Set(
    (db.prepare(`SELECT name FROM "LiaisonStation" WHERE "townshipId" = ?`).all(T) as Array<{ name: string }>).map((r) => r.name),
  );
  tx(() => {
    for (let i = stationIds.length; i < spec.stations; i++) {
      const id = ids.next('LiaisonStation');
      const village = villages[i % villages.length]!;
      const est = cnDate(rng.int(2019, 2025), rng.int(1, 12), rng.int(1, 28)).getTime();
      let name = `${village}人大代表联络站`;
      for (let n = 2; stationNames.has(name); n++) name = `${village}人大代表联络站（${n}）`;
      stationNames.add(name);
      ins.station(
        id,
        T,
        name,
        'VILLAGE',
        village,
        `${village}党群服务中心`,
        iso(est),
        '联络站每季度开展一次集中接待选民活动。',
        stamp,
        stamp,
      );
      for (let k = 0; k < 8; k++) ins.stationDeputy(id, deputyIds[(i * 8 + k) % deputyIds.length]!, iso(est));
      stationIds.push(id);
      bump('stations');
    }
  });

  // ── Suggestions ──
  const total = spec.perYear * spec.years.length;
  let done = 0;
  const sessionIn = (year: number) => sessions.filter((s) => new Date(s.date).getUTCFullYear() === year).at(0)?.id ?? null;
  const maxNumber = new Map<number, number>();
  for (const r of db.prepare(`SELECT year, MAX(number) AS n FROM "Suggestion" WHERE "townshipId" = ? GROUP BY year`).all(T) as Array<{
    year: number;
    n: number | null;
  }>) {
    maxNumber.set(r.year, r.n ?? 0);
  }
  const BATCH = 5000;
  for (const year of spec.years) {
    for (let start = 0; start < spec.perYear; start += BATCH) {
      tx(() => {
        for (let i = start; i < Math.min(spec.perYear, start + BATCH); i++) {
          writeSuggestion(year);
          done++;
        }
      });
      opts.progress?.(done, total);
    }
  }

  function writeSuggestion(year: number) {
    const id = ids.next('Suggestion');
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const lead = rng.pick(deputyIds);
    const village = rng.pick(villages);
    const topic = rng.pick(TOPICS[category]);
    const title = `关于${village}${topic}的建议`;
    const content = `${village}群众反映，${topic}${rng.pick(PROBLEMS)}。${rng.pick(ASKS)}。`;
    const isKey = rng.chance(0.01);
    const isComplex = rng.chance(0.1);
    // 60% handed in at the congress session early in the year, the rest between sessions.
    const atSession = rng.chance(0.6);
    const yearStart = cnDate(year, 1, 1).getTime();
    const dayOfYear = atSession ? rng.int(5, 70) : rng.int(5, 340);
    let submitted = officeTime(rng, yearStart + dayOfYear * DAY);
    if (submitted > now - 2 * DAY) submitted = now - rng.int(2, 200) * DAY; // the current year so far
    const sessionId = atSession ? sessionIn(year) : null;
    const deputyUserId = deputyUser.get(lead) ?? null;
    const supervisor = isKey ? rng.pick(presidiumIds) : null;
    type Ev = [action: string, from: string | null, to: string | null, note: string, at: number, actor: number | null];
    const events: Ev[] = [['create', null, 'DRAFT', '', submitted - 10 * 60_000, deputyUserId]];
    let status = 'DRAFT';
    const fields = {
      number: null as number | null,
      statusNote: '',
      acceptedAt: null as number | null,
      assignedAt: null as number | null,
      deadline: null as number | null,
      repliedAt: null as number | null,
      closedAt: null as number | null,
      updatedAt: submitted,
    };
    const step = (action: string, to: string | null, at: number, actor: number | null, note = '') => {
      events.push([action, status, to, note, at, actor]);
      if (to) status = to;
      fields.updatedAt = at;
    };
    const write = () => {
      ins.suggestion(
        id,
        T,
        year,
        fields.number,
        title,
        content,
        category,
        isKey ? 1 : 0,
        isComplex ? 1 : 0,
        lead,
        sessionId,
        status,
        fields.statusNote,
        supervisor,
        iso(submitted),
        iso(fields.acceptedAt),
        iso(fields.assignedAt),
        iso(fields.deadline),
        iso(fields.repliedAt),
        iso(fields.closedAt),
        deputyUserId,
        events.length,
        iso(submitted - 10 * 60_000),
        iso(fields.updatedAt),
      );
      for (const [action, from, to, note, at, actor] of events) ins.event(id, actor, action, from, to, note, iso(at));
      bump('suggestions');
      bump('events', events.length);
      const coSigners = rng.chance(0.3) ? rng.int(1, 3) : 0;
      const seen = new Set([lead]);
      for (let k = 0; k < coSigners; k++) {
        const d = rng.pick(deputyIds);
        if (seen.has(d)) continue;
        seen.add(d);
        ins.coSigner(id, d);
      }
    };
    const isFuture = (t: number) => t > now;

    // Drafts (this year only), returns, merges and references stop early.
    const fate = rng.weighted({ normal: 95.5, draft: year === 2026 ? 0.5 : 0, returned: 0.8, merged: 1.7, reference: 1.5 });
    if (fate === 'draft') return write();
    step('submit', 'SUBMITTED', submitted, deputyUserId);
    const reviewed = officeTime(rng, submitted + rng.int(1, 8) * DAY - ((submitted + CN) % DAY));
    if (isFuture(reviewed)) return write();
    if (fate === 'returned' || fate === 'reference') {
      const reason =
        fate === 'returned'
          ? '建议内容不够具体，请补充具体地点和诉求后重新提交。'
          : '所提事项属于个人诉求，不作为代表建议处理，转为参阅意见。';
      fields.statusNote = reason;
      step(fate === 'returned' ? 'return' : 'toReference', fate === 'returned' ? 'RETURNED' : 'REFERENCE', reviewed, staffUser(), reason);
      return write();
    }
    if (fate === 'merged') {
      fields.statusNote = '与同类建议重复，并案办理。';
      step('merge', 'MERGED', reviewed, staffUser(), fields.statusNote);
      return write();
    }
    const number = (maxNumber.get(year) ?? 0) + 1;
    maxNumber.set(year, number);
    fields.number = number;
    fields.acceptedAt = reviewed;
    step('accept', 'ACCEPTED', reviewed, staffUser(), `立案，编号 ${year}-${String(number).padStart(3, '0')}`);

    const assignedAt = reviewed + rng.int(1, 6) * DAY;
    if (isFuture(assignedAt)) return write();
    const leadUnit = rng.pick(unitIds);
    const assists = rng.chance(0.25) ? [rng.pick(unitIds)].filter((u) => u !== leadUnit) : [];
    fields.assignedAt = assignedAt;
    let deadline = addMonths(assignedAt, isComplex ? 6 : 3);
    fields.deadline = deadline;
    step('assign', 'ASSIGNED', assignedAt, staffUser(), `主办单位已交办；答复期限 ${new Date(deadline + CN).toISOString().slice(0, 10)}`);
    const signedAt = assignedAt + rng.int(1, 5) * DAY;
    const signed = !isFuture(signedAt);
    ins.assignment(id, leadUnit, 'LEAD', iso(assignedAt), signed ? iso(signedAt) : null, null, '', 1);
    for (const a of assists) ins.assignment(id, a, 'ASSIST', iso(assignedAt), signed ? iso(signedAt) : null, null, '', 1);
    bump('assignments', 1 + assists.length);
    if (isKey) {
      for (let k = 0; k < rng.int(1, 3); k++) {
        const at = assignedAt + rng.int(10, 80) * DAY;
        if (!isFuture(at)) {
          ins.supervision(id, supervisor, rng.pick(['CALL', 'VISIT', 'MEETING']), iso(at), '督办人了解办理进度，要求按期答复。', iso(at));
          step('supervise', null, at, supervisor, '督办');
        }
      }
    }
    if (!signed) return write();
    step('sign', 'HANDLING', signedAt, unitUser(leadUnit));
    if (rng.chance(0.5)) {
      const at = signedAt + rng.int(3, 30) * DAY;
      if (!isFuture(at))
        ins.contact(
          id,
          leadUnit,
          iso(at),
          rng.pick(['MEETING', 'PHONE', 'FORUM']),
          '与代表沟通办理方案，听取意见。',
          unitUser(leadUnit),
          iso(at),
        );
    }
    // An approved extension in 3% of the cases.
    if (rng.chance(0.03)) {
      const asked = deadline - rng.int(5, 20) * DAY;
      if (!isFuture(asked)) {
        const newDeadline = addMonths(deadline, rng.int(1, 3));
        const decided = asked + 2 * DAY;
        ins.extension(
          id,
          leadUnit,
          unitUser(leadUnit),
          '涉及项目资金申请，需延期答复。',
          iso(newDeadline),
          'APPROVED',
          presidiumIds[0] ?? null,
          iso(decided),
          '',
          iso(asked),
        );
        step('requestExtension', null, asked, unitUser(leadUnit), '申请延期');
        if (!isFuture(decided)) {
          step('decideExtension', null, decided, presidiumIds[0] ?? null, '同意延期');
          deadline = newDeadline;
          fields.deadline = deadline;
        }
      }
    }
    // Reply: 88% on time, the rest up to two months late; a slice of older items still open.
    let round = 1;
    for (;;) {
      const late = rng.chance(0.12);
      const base = round === 1 ? signedAt : fields.updatedAt;
      const limit = round === 1 ? deadline : addMonths(base, 1);
      const span = Math.max(2 * DAY, limit - base);
      const replyAt = late ? limit + rng.int(1, 60) * DAY : base + Math.floor(rng.next() * (span - DAY)) + DAY / 2;
      if (isFuture(replyAt) || (year < 2026 && round === 1 && rng.chance(0.01))) return write();
      for (const a of assists) {
        ins.reply(
          ids.next('Reply'),
          id,
          a,
          round,
          null,
          1,
          '协办意见：我单位已配合主办单位开展工作。',
          null,
          unitUser(a),
          iso(replyAt - 3 * DAY),
          null,
        );
        step('assistOpinion', null, replyAt - 3 * DAY, unitUser(a));
      }
      const cat = round === 2 ? rng.pick(['A', 'B'] as const) : rng.weighted({ A: 55, B: 30, C: 15 });
      const replyId = ids.next('Reply');
      const planned = cat === 'B' ? addMonths(replyAt, rng.int(3, 12)) : null;
      ins.reply(
        replyId,
        id,
        leadUnit,
        round,
        cat,
        0,
        REPLY_TEXT[cat],
        iso(planned),
        unitUser(leadUnit),
        iso(replyAt),
        iso(round === 1 ? deadline : limit),
      );
      bump('replies');
      fields.repliedAt = replyAt;
      step('reply', 'REPLIED', replyAt, unitUser(leadUnit), `${cat}类答复`);
      const rateAt = replyAt + rng.int(2, 25) * DAY;
      if (isFuture(rateAt) || (year < 2026 && rng.chance(0.01))) return write();
      const result = rng.weighted(LEVEL_WEIGHTS);
      const attitude =
        result === 'DISSATISFIED'
          ? rng.weighted({ SATISFIED: 20, BASICALLY_SATISFIED: 40, DISSATISFIED: 40 })
          : rng.weighted(LEVEL_WEIGHTS);
      ins.satisfaction(id, replyId, lead, round, attitude, result, '', iso(rateAt));
      bump('satisfactions');
      if (result === 'DISSATISFIED' && round === 1) {
        fields.deadline = addMonths(rateAt, 1);
        fields.repliedAt = null;
        step('rate', 'HANDLING', rateAt, deputyUserId, '办理结果不满意；退回重新办理');
        round = 2;
        continue;
      }
      if (cat === 'B') {
        step('rate', 'IMPLEMENTING', rateAt, deputyUserId, '办理结果满意');
        const upd = rateAt + rng.int(20, 90) * DAY;
        if (!isFuture(upd)) {
          ins.update(id, leadUnit, iso(upd), '项目已开工建设，目前进展顺利。', unitUser(leadUnit), iso(upd));
          step('implementationUpdate', null, upd, unitUser(leadUnit), '落实进展');
        }
        const doneAt = Math.max(planned!, upd + DAY);
        if (isFuture(doneAt)) return write();
        step('markImplemented', 'IMPLEMENTED', doneAt, unitUser(leadUnit), '已落实');
        const confirmAt = doneAt + rng.int(3, 20) * DAY;
        if (isFuture(confirmAt)) return write();
        fields.closedAt = confirmAt;
        step('confirm', 'CLOSED', confirmAt, deputyUserId, '代表确认已落实');
        return write();
      }
      fields.closedAt = rateAt;
      step('rate', 'CLOSED', rateAt, deputyUserId, '办理结果满意；办结');
      return write();
    }
  }

  // ── Notifications: what the reminder job and the workflow would have left behind ──
  tx(() => {
    const rows = db
      .prepare(
        `SELECT s.id, s.title, s.status, s.deadline, a."unitId" FROM "Suggestion" s JOIN "SuggestionAssignment" a ON a."suggestionId" = s.id AND a.role = 'LEAD'
         WHERE s."townshipId" = ? AND s.year >= ? AND s.id % 3 = 0`,
      )
      .all(T, spec.years.at(-2)!) as Array<{ id: number; title: string; status: string; deadline: string; unitId: number }>;
    for (const r of rows) {
      const created = new Date(r.deadline).getTime() - 90 * DAY;
      const read = created < now - 30 * DAY ? iso(created + 2 * DAY) : null;
      ins.notification(unitUser(r.unitId), 'assignment', `新交办建议：${r.title}`, `/suggestions/${r.id}`, read, iso(created));
      ins.notification(
        staffIds[0]!,
        'submitted',
        `新建议待审查：${r.title}`,
        `/suggestions/${r.id}`,
        created < now - 7 * DAY ? iso(created + DAY) : null,
        iso(created - 10 * DAY),
      );
      bump('notifications', 2);
    }
  });

  // ── Activities, projects, receptions and tasks of each year ──
  const ACTIVITY_KINDS = [
    'STUDY',
    'OPEN_DAY',
    'INSPECTION',
    'RESEARCH',
    'LEGAL_PUBLICITY',
    'DISASTER_PUBLICITY',
    'CULTURE',
    'OTHER',
  ] as const;
  const ACTIVITY_TITLES: Record<(typeof ACTIVITY_KINDS)[number], string> = {
    STUDY: '“代表学堂”专题培训',
    OPEN_DAY: '“政府开放日”活动',
    INSPECTION: '代表视察活动',
    RESEARCH: '专题调研',
    LEGAL_PUBLICITY: '普法宣传',
    DISASTER_PUBLICITY: '防灾减灾宣传',
    CULTURE: '广场文化周',
    OTHER: '代表小组活动',
  };
  for (const year of spec.years) {
    tx(() => {
      for (let i = 0; i < spec.activitiesPerYear; i++) {
        const id = ids.next('Activity');
        const kind = rng.pick(ACTIVITY_KINDS);
        const date = cnDate(year, rng.int(1, 12), rng.int(1, 28)).getTime();
        if (date > now) continue;
        const station = rng.pick(stationIds);
        ins.activity(
          id,
          T,
          kind,
          `${rng.pick(villages)}${ACTIVITY_TITLES[kind]}`,
          iso(date),
          rng.pick(villages),
          '组织代表参加活动。',
          station,
          rng.int(0, 5),
          stamp,
          stamp,
        );
        const n = rng.int(5, 25);
        const seen = new Set<number>();
        for (let k = 0; k < n; k++) {
          const d = rng.pick(deputyIds);
          if (seen.has(d)) continue;
          seen.add(d);
          ins.participant(id, d);
        }
        bump('activities');
        bump('participants', seen.size);
      }
      for (let i = 0; i < spec.projectsPerYear; i++) {
        const id = ids.next('LivelihoodProject');
        const topic = rng.pick(TOPICS[rng.pick(['ROADS_TRAFFIC', 'RURAL_CONSTRUCTION', 'LIVELIHOOD'] as const)]);
        const village = rng.pick(villages);
        const passed = rng.chance(0.8);
        const pstatus =
          year < 2025
            ? 'IN_USE'
            : year === 2025
              ? rng.pick(['COMPLETED', 'IN_USE', 'IN_PROGRESS'])
              : rng.pick(['NOT_STARTED', 'IN_PROGRESS']);
        const budget = rng.int(20, 800) * 10_000;
        ins.project(
          id,
          T,
          year,
          `${village}${topic}项目`,
          `实施${village}${topic}。`,
          village,
          rng.pick(unitIds),
          budget,
          passed ? 'PASSED' : 'REJECTED',
          passed ? pstatus : 'NOT_STARTED',
          iso(cnDate(year, 4, 1)),
          iso(cnDate(year, 10, 31)),
          rng.pick(presidiumIds),
          stamp,
          stamp,
        );
        if (passed) {
          const percent = pstatus === 'NOT_STARTED' ? 0 : pstatus === 'IN_PROGRESS' ? rng.int(10, 90) : 100;
          const at = Math.min(now - DAY, cnDate(year, 9, 30).getTime());
          ins.progress(id, iso(at), percent, Math.floor((budget * percent) / 100), pstatus, '按计划推进。', staffIds[0], iso(at));
          ins.outcome(id, `${topic}`, '处', rng.int(1, 10), rng.int(0, 10), 0);
        }
        bump('projects');
      }
      for (let i = 0; i < spec.receptionsPerYear; i++) {
        const id = ids.next('Reception');
        const date = cnDate(year, rng.int(1, 12), 15).getTime();
        const held = date < now;
        const station = rng.pick(stationIds);
        const voters = held ? rng.int(5, 40) : 0;
        ins.reception(
          id,
          T,
          station,
          iso(date),
          '09:00-12:00',
          iso(date - 3 * DAY),
          held ? 'HELD' : 'SCHEDULED',
          voters,
          held ? '接待选民，听取意见。' : '',
          stamp,
          stamp,
        );
        const duty = [rng.pick(deputyIds), rng.pick(deputyIds)].filter((d, k, a) => a.indexOf(d) === k);
        for (const d of duty) ins.receptionDeputy(id, d, held ? 1 : 0);
        if (held) {
          for (let k = 0; k < rng.int(0, 3); k++) {
            const cat = rng.weighted(CATEGORY_WEIGHTS);
            ins.opinion(
              T,
              id,
              duty[0],
              `${rng.pick(TOPICS[cat])}${rng.pick(PROBLEMS)}。`,
              cat,
              personName(),
              'ANSWERED',
              '已当场答复。',
              iso(date),
              iso(date),
              iso(date),
            );
            bump('opinions');
          }
        }
        bump('receptions');
      }
      for (let i = 0; i < spec.tasksPerYear; i++) {
        const id = ids.next('SupervisionTask');
        const due = cnDate(year, rng.int(2, 12), rng.int(1, 28)).getTime();
        const open = due > now - 30 * DAY;
        ins.task(
          id,
          T,
          rng.pick(['INSPECT_PROJECT', 'FOLLOW_SUGGESTION', 'RECEPTION_DUTY', 'SURVEY', 'OTHER']),
          `${rng.pick(villages)}${rng.pick(TOPICS.RURAL_CONSTRUCTION)}情况调研`,
          '请按时完成并提交报告。',
          iso(due),
          open ? 'OPEN' : 'CLOSED',
          staffIds[0],
          iso(due - 30 * DAY),
          stamp,
        );
        const n = rng.int(1, 4);
        const seen = new Set<number>();
        for (let k = 0; k < n; k++) {
          const d = rng.pick(deputyIds);
          if (seen.has(d)) continue;
          seen.add(d);
          const st = open ? rng.pick(['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED']) : 'CLOSED';
          const submittedAt = st === 'SUBMITTED' || st === 'CLOSED' ? iso(Math.min(due, now - DAY)) : null;
          ins.taskAssignment(
            id,
            d,
            st,
            st === 'ASSIGNED' ? null : iso(due - 25 * DAY),
            submittedAt ? '已完成调研，情况如下：群众反映良好。' : '',
            submittedAt,
            submittedAt,
            st === 'CLOSED' ? submittedAt : null,
          );
        }
        bump('tasks');
      }
    });
  }

  // ── A work report for each full year (a copy of the demo's 2023 text), for the print page ──
  const demoReport = db.prepare(`SELECT id FROM "AnnualReport" WHERE "townshipId" = ? ORDER BY year LIMIT 1`).get(T) as
    { id: number } | undefined;
  if (demoReport) {
    tx(() => {
      for (const year of spec.years.filter((y) => y < 2026)) {
        if (db.prepare(`SELECT 1 FROM "AnnualReport" WHERE "townshipId" = ? AND year = ?`).get(T, year)) continue;
        const id = ids.next('AnnualReport');
        db.prepare(
          `INSERT INTO "AnnualReport" (id, "townshipId", year, title, "presenterName", "presenterTitle", status, version, "createdAt", "updatedAt")
           SELECT ?, "townshipId", ?, title, "presenterName", "presenterTitle", 'DRAFT', 1, ?, ? FROM "AnnualReport" WHERE id = ?`,
        ).run(id, year, stamp, stamp, demoReport.id);
        db.prepare(
          `INSERT INTO "ReportSection" ("reportId", position, kind, heading, body) SELECT ?, position, kind, heading, body FROM "ReportSection" WHERE "reportId" = ?`,
        ).run(id, demoReport.id);
        bump('reports');
      }
    });
  }
  return count;
}
