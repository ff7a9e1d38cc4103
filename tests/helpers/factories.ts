import type { Db } from '../../src/db.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import type { DeputyLevel, Role } from '../../src/generated/prisma/enums.js';
import { hashPassword } from '../../src/auth/password.js';

export const TEST_PASSWORD = 'Test-Password-1';
let hash: Promise<string> | null = null;
/** argon2 is slow on purpose: hash the test password once per process. */
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

let seq = 0;
const next = () => ++seq;

export async function createTownship(db: Db, name = `测试镇${next()}`) {
  const township = await db.township.create({ data: { name, county: '测试旗' } });
  const congress = await db.congress.create({
    data: { townshipId: township.id, term: 19, startDate: new Date('2021-01-10T00:00:00+08:00') },
  });
  return { township, congress };
}

export async function createDeputy(
  db: Db,
  townshipId: number,
  overrides: Partial<Prisma.DeputyUncheckedCreateInput> & { levels?: DeputyLevel[] } = {},
) {
  const { levels = ['TOWN'], ...data } = overrides;
  return db.deputy.create({
    data: {
      townshipId,
      name: `代表${next()}`,
      gender: 'MALE',
      village: '东明村',
      phone: '13800000000',
      ...data,
      levels: { create: levels.map((level) => ({ level })) },
    },
  });
}

export async function createUnit(db: Db, townshipId: number, name = `承办单位${next()}`) {
  return db.handlingUnit.create({ data: { townshipId, name } });
}

export async function createUser(db: Db, townshipId: number, role: Role, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const user = await db.user.create({
    data: {
      townshipId,
      username: `${role.toLowerCase()}${next()}`,
      passwordHash: await passwordHash(),
      role,
      displayName: `${role}用户`,
      ...overrides,
    },
  });
  return { ...user, townshipId };
}

export async function createStation(db: Db, townshipId: number, overrides: Partial<Prisma.LiaisonStationUncheckedCreateInput> = {}) {
  return db.liaisonStation.create({
    data: { townshipId, name: `联络站${next()}`, tier: 'VILLAGE', village: '东明村', ...overrides },
  });
}

export async function createSuggestion(
  db: Db,
  townshipId: number,
  leadDeputyId: number,
  overrides: Partial<Prisma.SuggestionUncheckedCreateInput> = {},
) {
  return db.suggestion.create({
    data: {
      townshipId,
      year: 2024,
      title: `建议${next()}`,
      content: '建议内容',
      category: 'LIVELIHOOD',
      leadDeputyId,
      status: 'SUBMITTED',
      ...overrides,
    },
  });
}

/**
 * A small township with one account of each role, a deputy for each deputy account, a unit,
 * a station, a project, an activity and suggestions in each role's scope — and one out of scope.
 * `tag` makes a second world in the same database: its usernames start with it, and its names and
 * phone numbers are its own, so that a page showing them shows the other township's data.
 */
export async function createWorld(db: Db, tag = '') {
  const { township, congress } = tag ? await createTownship(db, `测试镇${next()}${tag}`) : await createTownship(db);
  const t = township.id;
  const n = (name: string) => (tag ? `${name}${tag}` : name);
  const login = (username: string) => (tag ? `t${tag.codePointAt(0)}-${username}` : username);
  const chairDeputy = await createDeputy(db, t, {
    name: n('刘主席'),
    congressId: congress.id,
    phone: tag ? `137${tag.codePointAt(0)}001` : '13800000000',
  });
  const deputyA = await createDeputy(db, t, {
    name: n('张代表'),
    congressId: congress.id,
    phone: tag ? `137${tag.codePointAt(0)}002` : '13811112222',
  });
  const deputyB = await createDeputy(db, t, {
    name: n('包代表'),
    congressId: congress.id,
    phone: tag ? `137${tag.codePointAt(0)}003` : '13933334444',
  });
  const unit = await createUnit(db, t, n('农业农村办公室'));
  const otherUnit = await createUnit(db, t, n('交通管理站'));
  const users = {
    staff: await createUser(db, t, 'STAFF', { username: login('staff'), displayName: n('王工作') }),
    presidium: await createUser(db, t, 'PRESIDIUM', {
      username: login('chair'),
      displayName: n('刘主席'),
      title: '人大主席',
      deputyId: chairDeputy.id,
    }),
    deputy: await createUser(db, t, 'DEPUTY', { username: login('deputy'), displayName: n('张代表'), deputyId: deputyA.id }),
    deputy2: await createUser(db, t, 'DEPUTY', { username: login('deputy2'), displayName: n('包代表'), deputyId: deputyB.id }),
    unit: await createUser(db, t, 'UNIT', { username: login('unit'), displayName: n('李科员'), unitId: unit.id }),
    auditor: await createUser(db, t, 'AUDITOR', { username: login('auditor'), displayName: n('赵审计') }),
    sysadmin: await createUser(db, t, 'SYSADMIN', { username: login('admin'), displayName: n('高系统') }),
    secadmin: await createUser(db, t, 'SECADMIN', { username: login('secadmin'), displayName: n('苏安全') }),
  };
  const station = await createStation(db, t, { name: n('东明镇人大代表之家'), tier: 'TOWN_HOME' });
  await db.stationEquipment.create({ data: { stationId: station.id, name: '投影仪', quantity: 1 } });
  const mine = await createSuggestion(db, t, deputyA.id, { title: n('张代表的建议'), status: 'ASSIGNED', number: 1 });
  await db.suggestionAssignment.create({ data: { suggestionId: mine.id, unitId: unit.id, role: 'LEAD' } });
  const others = await createSuggestion(db, t, deputyB.id, { title: n('包代表的建议'), status: 'ASSIGNED', number: 2 });
  await db.suggestionAssignment.create({ data: { suggestionId: others.id, unitId: otherUnit.id, role: 'LEAD' } });
  const draftOfB = await createSuggestion(db, t, deputyB.id, { title: n('包代表的草稿'), status: 'DRAFT' });
  const project = await db.livelihoodProject.create({
    data: { townshipId: t, year: 2024, name: n('测试项目'), budgetYuan: 1_000_000, phase: 'PASSED', status: 'IN_PROGRESS' },
  });
  const activity = await db.activity.create({
    data: {
      townshipId: t,
      kind: 'STUDY',
      title: n('代表学堂'),
      date: new Date('2024-03-01T00:00:00+08:00'),
      participants: { create: [{ deputyId: deputyA.id }] },
    },
  });
  return {
    tag,
    township,
    congress,
    users,
    deputies: { chairDeputy, deputyA, deputyB },
    unit,
    otherUnit,
    station,
    suggestions: { mine, others, draftOfB },
    project,
    activity,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * Projects and tasks on top of a world: a session of the world's congress with two shortlisted
 * candidates (voting not open yet), and one open supervision task for each deputy account.
 */
export async function createProjectsWorld(db: Db, w: World) {
  const t = w.township.id;
  const session = await db.congressSession.create({
    data: { congressId: w.congress.id, number: 5, date: new Date('2024-12-26T00:00:00+08:00'), place: '镇政府会议室' },
  });
  const candidate = (name: string, budgetYuan: number) =>
    db.livelihoodProject.create({
      data: { townshipId: t, year: 2025, name, budgetYuan, phase: 'SHORTLISTED', sessionId: session.id, responsibleUnitId: w.unit.id },
    });
  const candidates = [await candidate(`候选项目甲${w.tag}`, 1_800_000), await candidate(`候选项目乙${w.tag}`, 3_500_000)];
  const task = (deputyId: number, title: string) =>
    db.supervisionTask.create({
      data: {
        townshipId: t,
        kind: 'INSPECT_PROJECT',
        title,
        dueDate: new Date('2099-01-31T00:00:00+08:00'),
        projectId: w.project.id,
        assignedById: w.users.staff.id,
        assignments: { create: [{ deputyId }] },
      },
    });
  const taskOfA = await task(w.deputies.deputyA.id, `张代表的视察任务${w.tag}`);
  const taskOfB = await task(w.deputies.deputyB.id, `包代表的视察任务${w.tag}`);
  return { session, candidates, taskOfA, taskOfB };
}
export type ProjectsWorld = Awaited<ReturnType<typeof createProjectsWorld>>;

/** A township account read back by username, typed as one (banner accounts have no township). */
export async function townshipUser(db: Db, username: string) {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  if (user.townshipId === null) throw new Error(`${username} belongs to no township`);
  return { ...user, townshipId: user.townshipId };
}

/** A banner account (旗人大): no township. */
export async function createBannerUser(db: Db, role: 'BANNER_ADMIN' | 'BANNER_VIEWER', username: string) {
  return db.user.create({
    data: {
      townshipId: null,
      username,
      passwordHash: await passwordHash(),
      role,
      displayName: role === 'BANNER_ADMIN' ? '旗系统管理' : '旗常委会',
    },
  });
}
