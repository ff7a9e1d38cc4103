// The banner (奈曼旗) around 东明镇: a second, small township in the same deployment — 八仙筒镇,
// with a few deputies, its 人大代表之家, two handling units, its own staff account and suggestions
// in several states this year — and the banner's two accounts: the 旗人大常委会 (read-only view
// across townships) and the 旗系统管理员 (opens townships and their first accounts). So that the
// banner view has something to compare, and so that isolation between townships can be seen.
import type { Db } from '../db.js';
import type { ReplyCategory, SatisfactionLevel, SuggestionCategory, SuggestionStatus } from '../generated/prisma/enums.js';
import type { DemoClock } from './clock.js';
import type { DemoAccount } from './accounts.js';

export const SECOND_TOWNSHIP = { name: '八仙筒镇', county: '奈曼旗', congressTerm: 19, congressStart: '2021-01-09' };

// prettier-ignore
export const BANNER_DEMO_ACCOUNTS: readonly (DemoAccount & { township?: string })[] = [
  { username: 'banner', role: 'BANNER_VIEWER', title: '旗人大常委会代表联络工作委员会', displayName: '那日苏', description: '旗人大常委会（只读）：各镇建议办理汇总、全旗建议台账' },
  { username: 'banner-admin', role: 'BANNER_ADMIN', title: '旗人大常委会办公室', displayName: '李春梅', description: '旗系统管理员：开设镇，创建各镇首个系统管理员和工作人员账号（看不到业务数据）' },
  { username: 'bxt-staff', role: 'STAFF', title: '人大专干', displayName: '张丽华', township: '八仙筒镇', description: '八仙筒镇人大专干（工作人员）：只看得到八仙筒镇的数据' },
];

const DEPUTIES = [
  { name: '敖日格乐', gender: 'MALE', village: '八仙筒村', phone: '13947561021', occupation: '牧民' },
  { name: '刘桂兰', gender: 'FEMALE', village: '镇区', phone: '13947561022', occupation: '个体工商户' },
  { name: '孟庆丰', gender: 'MALE', village: '昂乃村', phone: '13947561023', occupation: '村党支部书记' },
  { name: '其其格', gender: 'FEMALE', village: '巴嘎塔拉嘎查', phone: '13947561024', occupation: '教师' },
  { name: '赵国栋', gender: 'MALE', village: '镇区', phone: '13947561025', occupation: '医生' },
] as const;

const UNITS = ['八仙筒镇村镇建设办公室', '八仙筒镇农牧业服务中心'] as const;

type Spec = {
  title: string;
  category: SuggestionCategory;
  lead: number; // index in DEPUTIES
  unit?: number; // index in UNITS
  status: SuggestionStatus;
  submitted: string;
  assigned?: string;
  deadline?: string;
  reply?: { at: string; category: ReplyCategory; content: string };
  rating?: SatisfactionLevel;
  closed?: string;
  isKey?: boolean;
};

// prettier-ignore
const SUGGESTIONS: Spec[] = [
  { title: '关于改造八仙筒镇区农贸市场的建议', category: 'RURAL_CONSTRUCTION', lead: 1, unit: 0, status: 'CLOSED', submitted: 'T-160', assigned: 'T-150', deadline: 'T-60', reply: { at: 'T-110', category: 'A', content: '农贸市场顶棚和排水已改造完成，摊位重新划线。' }, rating: 'SATISFIED', closed: 'T-100', isKey: true },
  { title: '关于硬化八仙筒村通村道路的建议', category: 'ROADS_TRAFFIC', lead: 0, unit: 0, status: 'IMPLEMENTING', submitted: 'T-150', assigned: 'T-140', deadline: 'T-50', reply: { at: 'T-90', category: 'B', content: '已列入明年通村道路计划，先行修补坑洼路段。' }, rating: 'BASICALLY_SATISFIED' },
  { title: '关于加强牧区牲畜防疫服务的建议', category: 'AGRICULTURE', lead: 3, unit: 1, status: 'REPLIED', submitted: 'T-120', assigned: 'T-110', deadline: 'T-20', reply: { at: 'T-30', category: 'A', content: '已增派防疫员两名，春秋两季集中免疫。' } },
  { title: '关于增设镇区公共厕所的建议', category: 'RURAL_CONSTRUCTION', lead: 4, unit: 0, status: 'REPLIED', submitted: 'T-110', assigned: 'T-100', deadline: 'T-10', reply: { at: 'T-40', category: 'C', content: '受用地限制今年无法新建，已协调沿街单位厕所对外开放。' }, rating: 'DISSATISFIED' },
  { title: '关于昂乃村饮水井维修的建议', category: 'LIVELIHOOD', lead: 2, unit: 1, status: 'HANDLING', submitted: 'T-40', assigned: 'T-30', deadline: 'T+60' },
  { title: '关于学校周边交通安全设施的建议', category: 'ROADS_TRAFFIC', lead: 1, unit: 0, status: 'ASSIGNED', submitted: 'T-110', assigned: 'T-100', deadline: 'T-8' },
  { title: '关于增加镇区路灯的建议', category: 'RURAL_CONSTRUCTION', lead: 4, status: 'SUBMITTED', submitted: 'T-3' },
];

/** Writes 八仙筒镇 and the banner's accounts into a database that already holds 东明镇. */
export async function seedBannerDemo(db: Db, clock: DemoClock, passwordHash: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const t = SECOND_TOWNSHIP;
    const township = await tx.township.create({ data: { name: t.name, county: t.county, contactPhone: '0475-4281100' } });
    const tw = township.id;
    const congress = await tx.congress.create({ data: { townshipId: tw, term: t.congressTerm, startDate: clock.date(t.congressStart) } });
    const deputies: number[] = [];
    for (const d of DEPUTIES) {
      const row = await tx.deputy.create({
        data: {
          townshipId: tw,
          congressId: congress.id,
          ...d,
          termStart: clock.date(t.congressStart),
          levels: { create: [{ level: 'TOWN' }] },
        },
      });
      deputies.push(row.id);
    }
    await tx.liaisonStation.create({
      data: {
        townshipId: tw,
        name: '八仙筒镇人大代表之家',
        tier: 'TOWN_HOME',
        village: '镇区',
        address: '八仙筒镇政府一楼',
        establishedOn: clock.date('2021-06-01'),
        deputies: { create: deputies.slice(0, 3).map((deputyId) => ({ deputyId })) },
      },
    });
    const units: number[] = [];
    for (const name of UNITS) units.push((await tx.handlingUnit.create({ data: { townshipId: tw, name } })).id);
    const users = new Map<string, number>();
    for (const a of BANNER_DEMO_ACCOUNTS) {
      const user = await tx.user.create({
        data: {
          townshipId: a.township ? tw : null,
          username: a.username,
          passwordHash,
          role: a.role,
          title: a.title,
          displayName: a.displayName,
          passwordChangedAt: clock.now,
        },
      });
      users.set(a.username, user.id);
      await tx.passwordHistory.create({ data: { userId: user.id, hash: passwordHash, createdAt: clock.now } });
    }
    const staff = users.get('bxt-staff')!;
    const numbers = new Map<number, number>();
    for (const s of SUGGESTIONS) {
      const submittedAt = clock.at(s.submitted);
      const numbered = s.status !== 'SUBMITTED';
      const year = clock.yearOf(s.assigned ?? s.submitted);
      const number = numbered ? (numbers.get(year) ?? 0) + 1 : null;
      if (number) numbers.set(year, number);
      const row = await tx.suggestion.create({
        data: {
          townshipId: tw,
          year,
          number,
          title: s.title,
          content: `${s.title.replace(/^关于|的建议$/g, '')}，群众反映强烈，建议镇政府统筹解决。`,
          category: s.category,
          isKey: s.isKey ?? false,
          leadDeputyId: deputies[s.lead]!,
          status: s.status,
          submittedAt,
          acceptedAt: numbered ? submittedAt : null,
          assignedAt: s.assigned ? clock.at(s.assigned) : null,
          deadline: s.deadline ? clock.date(s.deadline) : null,
          repliedAt: s.reply ? clock.at(s.reply.at) : null,
          closedAt: s.closed ? clock.at(s.closed) : null,
          createdById: staff,
          createdAt: submittedAt,
        },
      });
      if (s.unit !== undefined && s.assigned) {
        await tx.suggestionAssignment.create({
          data: {
            suggestionId: row.id,
            unitId: units[s.unit]!,
            role: 'LEAD',
            assignedAt: clock.at(s.assigned),
            signedAt: s.status === 'ASSIGNED' ? null : clock.at(s.assigned),
          },
        });
      }
      if (s.reply && s.unit !== undefined) {
        const reply = await tx.reply.create({
          data: {
            suggestionId: row.id,
            unitId: units[s.unit]!,
            category: s.reply.category,
            content: s.reply.content,
            dueAt: s.deadline ? clock.date(s.deadline) : null,
            createdAt: clock.at(s.reply.at),
          },
        });
        if (s.rating) {
          await tx.satisfaction.create({
            data: {
              suggestionId: row.id,
              replyId: reply.id,
              deputyId: deputies[s.lead]!,
              attitude: s.rating,
              result: s.rating,
              createdAt: clock.at(s.reply.at),
            },
          });
        }
      }
    }
  });
}
