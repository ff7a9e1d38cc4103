import { LONGEST_TRANSACTION_MS, type Db } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import { NO_TOWNSHIP, type CurrentUser } from '../../auth/current-user.js';
import { paginate, type Page } from '../../lib/pagination.js';
import { deriveKey } from '../../lib/keys.js';
import { formatDate } from '../../lib/format.js';
import { inBatches } from '../../lib/keyset.js';
import { suggestionCode } from '../suggestions/suggestions.queries.js';
import { currentIp } from './audit.context.js';
import { detailText } from './audit.detail.js';
import { sealAuditLog, verifyAuditLog, type ChainReport } from './audit.chain.js';
import { actionsOfGroup, auditLabel, RESULTS, SECURITY_ACTIONS, type AuditAction, type AuditResult } from './audit.labels.js';

/** Something that can write rows: the client or a transaction client. */
type Writer = Pick<Db, 'auditLog'>;

export type AuditEntry = {
  action: AuditAction;
  /** The township the event concerns, when the actor has none (a banner account's work in a township). */
  townshipId?: number;
  entity?: string;
  entityId?: string | number;
  detail?: unknown;
  /** The client address; by default the address of the request being served. */
  ip?: string;
  /** The username as typed (logins), whether or not such an account exists. */
  username?: string;
  result?: AuditResult;
};

export type AuditFilter = {
  who: string;
  actor: number | null;
  group: string;
  result: string;
  from: Date | null;
  /** Exclusive: the day after the last day asked for. */
  to: Date | null;
  entity: string;
  entityId: string;
  page: number;
};

/** A row as the auditor sees it: in Chinese, with the record named. */
export type AuditView = {
  id: number;
  createdAt: Date;
  actorId: number | null;
  actorName: string;
  username: string;
  action: string;
  label: string;
  result: AuditResult;
  resultLabel: string;
  entity: string;
  entityId: string;
  /** The record by name (代表 张三, 建议 2023-007《…》), '' when the row names none. */
  record: string;
  detail: string;
  ip: string;
};

const ENTITY_NAMES: Record<string, string> = {
  User: '账号',
  Deputy: '代表',
  Suggestion: '建议',
  SupervisionTask: '监督任务',
  HandlingUnit: '承办单位',
  LiaisonStation: '联络站',
  LivelihoodProject: '民生实事项目',
  CongressSession: '会议',
  Activity: '活动',
  Reception: '接待',
  VoterOpinion: '选民意见',
  AnnualReport: '工作报告',
  Township: '本镇设置',
  SecurityPolicy: '安全策略',
};

const PAGE_SIZE = 50;
/** The export holds at most this many rows: the newest (its title says so when there are more). */
export const EXPORT_MAX = 50_000;
/** The export reads (and names the records of) this many rows at a time. */
export const EXPORT_BATCH = 1000;
const NEWEST_FIRST = [{ id: 'desc' as const }];
/**
 * Rows are chained in batches, half a second after the first unsealed one: under load one seal (a
 * short write transaction) covers many requests' rows. An unsealed row cannot be altered either (the
 * triggers), and the log is sealed before it is shown or verified.
 */
const SEAL_DELAY_MS = 500;

/** A row the database refused: too long, a duplicate, a missing account or township, a null. */
function isConstraintError(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && ['P2000', 'P2002', 'P2003', 'P2004', 'P2011'].includes(err.code);
}

export function createAuditService(db: Db, options: { dataKey: Buffer }) {
  const key = deriveKey(options.dataKey, 'audit-chain');
  let sealTimer: NodeJS.Timeout | null = null;
  let sealing: Promise<number> | null = null;

  /** Chains the rows written so far (one at a time: a second call waits for the first). */
  async function seal(): Promise<number> {
    while (sealing) await sealing.catch(() => 0);
    sealing = sealAuditLog(db, key);
    try {
      return await sealing;
    } finally {
      sealing = null;
    }
  }

  /** Seals soon after a write, outside the writer's transaction (which it waits for). */
  function scheduleSeal() {
    if (sealTimer) return;
    sealTimer = setTimeout(() => {
      sealTimer = null;
      // A failure (the database closed, busy) leaves the rows unsealed until the next seal.
      seal().catch(() => undefined);
    }, SEAL_DELAY_MS);
    sealTimer.unref();
  }

  /**
   * Group commit of the rows recorded outside a transaction: they wait for the end of the current turn
   * of the event loop and go in with one statement. Under load many requests log a row each (every
   * print of the report, every download), and a Prisma `create` per row cost more than the rest of
   * such a request. The statement runs as a transaction of its own, never inside a feature's (on
   * SQLite it waits for that one to end: src/db.ts). If a row breaks a constraint, each row is written
   * alone, so that only the bad row's request fails; any other failure fails the batch at once.
   */
  let waiting: Array<{ data: Prisma.AuditLogCreateManyInput; done: (err?: Error) => void }> = [];

  function written(data: Prisma.AuditLogCreateManyInput): Promise<void> {
    return new Promise((resolve, reject) => {
      waiting.push({ data, done: (err) => (err ? reject(err) : resolve()) });
      if (waiting.length === 1) setImmediate(() => void writeWaiting());
    });
  }

  async function writeWaiting() {
    const rows = waiting;
    waiting = [];
    try {
      // Waits for a feature's transaction to end, however long it may take (Prisma's default: 2 s, then fail).
      await db.$transaction((tx) => tx.auditLog.createMany({ data: rows.map((r) => r.data) }), { maxWait: LONGEST_TRANSACTION_MS });
      for (const r of rows) r.done();
    } catch (err) {
      if (!isConstraintError(err)) {
        for (const r of rows) r.done(err as Error);
        return;
      }
      for (const r of rows)
        await db.auditLog.create({ data: r.data }).then(
          () => r.done(),
          (e: Error) => r.done(e),
        );
    }
  }

  function whereOf(user: Pick<CurrentUser, 'townshipId'>, filter: Partial<AuditFilter>): Prisma.AuditLogWhereInput {
    const and: Prisma.AuditLogWhereInput[] = [{ OR: [{ townshipId: user.townshipId }, { townshipId: null }] }];
    if (filter.actor) and.push({ actorId: filter.actor });
    if (filter.who) {
      and.push({
        OR: [
          { username: { contains: filter.who } },
          { actor: { displayName: { contains: filter.who } } },
          { actor: { username: { contains: filter.who } } },
        ],
      });
    }
    if (filter.group) and.push({ action: { in: actionsOfGroup(filter.group) } });
    if (filter.result && filter.result in RESULTS) and.push({ result: filter.result });
    if (filter.from) and.push({ createdAt: { gte: filter.from } });
    if (filter.to) and.push({ createdAt: { lt: filter.to } });
    if (filter.entity) and.push({ entity: filter.entity, ...(filter.entityId ? { entityId: filter.entityId } : {}) });
    return { AND: and };
  }

  type Row = Prisma.AuditLogGetPayload<{ include: { actor: { select: { displayName: true; username: true } } } }>;

  /** Names the records of a page of rows: one query per kind of record. */
  async function recordNames(rows: Row[]): Promise<Map<string, string>> {
    const ids = new Map<string, number[]>();
    for (const r of rows) {
      const id = Number(r.entityId);
      if (!r.entityId || !Number.isInteger(id)) continue;
      ids.set(r.entity, [...(ids.get(r.entity) ?? []), id]);
    }
    const names = new Map<string, string>();
    const put = (entity: string, id: number, name: string) => names.set(`${entity}:${id}`, `${ENTITY_NAMES[entity] ?? entity} ${name}`);
    const of = (entity: string) => ({ in: [...new Set(ids.get(entity) ?? [])] });
    const jobs: Array<Promise<void>> = [];
    const load = <T extends { id: number }>(
      entity: string,
      find: (where: { id: { in: number[] } }) => Promise<T[]>,
      name: (r: T) => string,
    ) => {
      if (ids.has(entity)) jobs.push(find({ id: of(entity) }).then((found) => found.forEach((r) => put(entity, r.id, name(r)))));
    };
    load(
      'User',
      (where) => db.user.findMany({ where, select: { id: true, displayName: true, username: true } }),
      (u) => `${u.displayName}（${u.username}）`,
    );
    load(
      'Deputy',
      (where) => db.deputy.findMany({ where, select: { id: true, name: true } }),
      (d) => d.name,
    );
    load(
      'Suggestion',
      (where) => db.suggestion.findMany({ where, select: { id: true, year: true, number: true, title: true } }),
      (s) => `${suggestionCode(s)}《${s.title}》`,
    );
    load(
      'SupervisionTask',
      (where) => db.supervisionTask.findMany({ where, select: { id: true, title: true } }),
      (t) => `《${t.title}》`,
    );
    load(
      'HandlingUnit',
      (where) => db.handlingUnit.findMany({ where, select: { id: true, name: true } }),
      (u) => u.name,
    );
    load(
      'LiaisonStation',
      (where) => db.liaisonStation.findMany({ where, select: { id: true, name: true } }),
      (s) => s.name,
    );
    load(
      'LivelihoodProject',
      (where) => db.livelihoodProject.findMany({ where, select: { id: true, year: true, name: true } }),
      (p) => `${p.year}年 ${p.name}`,
    );
    load(
      'CongressSession',
      (where) => db.congressSession.findMany({ where, select: { id: true, number: true, date: true } }),
      (s) => `第${s.number}次会议（${formatDate(s.date)}）`,
    );
    load(
      'Activity',
      (where) => db.activity.findMany({ where, select: { id: true, title: true, date: true } }),
      (a) => `${formatDate(a.date)} ${a.title}`,
    );
    load(
      'Reception',
      (where) => db.reception.findMany({ where, select: { id: true, date: true } }),
      (r) => `${formatDate(r.date)} 接待选民`,
    );
    load(
      'VoterOpinion',
      (where) => db.voterOpinion.findMany({ where, select: { id: true, content: true } }),
      (o) => `“${o.content.length > 20 ? `${o.content.slice(0, 20)}…` : o.content}”`,
    );
    load(
      'AnnualReport',
      (where) => db.annualReport.findMany({ where, select: { id: true, year: true, title: true } }),
      (r) => `${r.year}年${r.title}`,
    );
    load(
      'Township',
      (where) => db.township.findMany({ where, select: { id: true, name: true } }),
      (t) => t.name,
    );
    await Promise.all(jobs);
    return names;
  }

  async function toViews(rows: Row[]): Promise<AuditView[]> {
    const names = await recordNames(rows);
    return rows.map((r) => {
      const result = (r.result in RESULTS ? r.result : 'SUCCESS') as AuditResult;
      const named = names.get(`${r.entity}:${r.entityId}`);
      const record =
        named ?? (r.entity ? `${ENTITY_NAMES[r.entity] ?? r.entity}${r.entityId ? `（已不存在，编号 ${r.entityId}）` : ''}` : '');
      return {
        id: r.id,
        createdAt: r.createdAt,
        actorId: r.actorId,
        actorName: r.actor ? `${r.actor.displayName}（${r.actor.username}）` : r.username ? `未知用户“${r.username}”` : '—',
        username: r.username,
        action: r.action,
        label: auditLabel(r.action),
        result,
        resultLabel: RESULTS[result],
        entity: r.entity,
        entityId: r.entityId,
        record,
        detail: detailText(r.detail),
        ip: r.ip,
      };
    });
  }

  const include = { actor: { select: { displayName: true, username: true } } } as const;

  return {
    /**
     * Writes one audit row; pass the transaction client to keep it in the same transaction. Without
     * one, the row is written together with the other rows recorded in the same turn of the event
     * loop (`written`), and this resolves once it is in the database.
     */
    async record(actor: { id: number; townshipId: number | null } | null, entry: AuditEntry, tx: Writer = db) {
      const own = actor?.townshipId === NO_TOWNSHIP ? null : (actor?.townshipId ?? null);
      const data = {
        townshipId: own ?? entry.townshipId ?? null,
        actorId: actor?.id ?? null,
        action: entry.action,
        entity: entry.entity ?? '',
        entityId: entry.entityId === undefined ? '' : String(entry.entityId),
        detail: entry.detail === undefined ? '' : JSON.stringify(entry.detail),
        ip: entry.ip ?? currentIp(),
        username: entry.username ?? '',
        result: entry.result ?? 'SUCCESS',
      };
      if (tx === db) await written(data);
      else await tx.auditLog.create({ data });
      scheduleSeal();
    },

    seal,

    /** Seals, then checks the whole chain. */
    async verify(): Promise<ChainReport> {
      // A read-only database cannot be sealed; its sealed rows are still checked.
      await seal().catch(() => 0);
      return verifyAuditLog(db, key);
    },

    /** The auditor's page: every row of the township (and logins of unknown usernames), newest first. */
    async list(user: CurrentUser, filter: AuditFilter): Promise<Page<AuditView>> {
      const where = whereOf(user, filter);
      const page = await paginate(
        filter.page,
        () => db.auditLog.count({ where }),
        (args) => db.auditLog.findMany({ where, orderBy: { id: 'desc' }, include, ...args }),
        PAGE_SIZE,
      );
      return { ...page, items: await toViews(page.items) };
    },

    /**
     * Every row the filter selects (the auditor's export), newest first, at most `max` (the newest),
     * read a batch at a time by keyset (one batch in memory, its records named in one query per kind).
     * The first batch is read here, so that a failing query fails before the download starts; then
     * `matched` counts the rows the filter selects up to the newest one read (rows logged since, such
     * as this export's own, are in neither), and `rows` is how many of them the file holds.
     */
    async export(user: CurrentUser, filter: AuditFilter, max = EXPORT_MAX) {
      const where = whereOf(user, filter);
      let left = max;
      let newest: number | undefined;
      const batches = await inBatches(NEWEST_FIRST, EXPORT_BATCH, async (after, take) => {
        if (left <= 0) return [];
        const rows = await db.auditLog.findMany({
          where: after ? { AND: [where, after] } : where,
          orderBy: NEWEST_FIRST,
          include,
          take: Math.min(take, left),
        });
        newest ??= rows[0]?.id ?? 0;
        left -= rows.length;
        return toViews(rows);
      });
      const matched = newest ? await db.auditLog.count({ where: { AND: [where, { id: { lte: newest } }] } }) : 0;
      return { matched, rows: Math.min(matched, max), batches };
    },

    /** The security administrator's page: security events only, no business records. */
    async securityEvents(
      user: CurrentUser,
      filter: Pick<AuditFilter, 'who' | 'result' | 'from' | 'to' | 'page'>,
    ): Promise<Page<AuditView>> {
      const where: Prisma.AuditLogWhereInput = { AND: [whereOf(user, { ...filter }), { action: { in: [...SECURITY_ACTIONS] } }] };
      const page = await paginate(
        filter.page,
        () => db.auditLog.count({ where }),
        (args) => db.auditLog.findMany({ where, orderBy: { id: 'desc' }, include, ...args }),
        PAGE_SIZE,
      );
      // Security events name accounts only: never a business record.
      const items = (await toViews(page.items)).map((v) => (v.entity === 'User' ? v : { ...v, record: '', detail: '' }));
      return { ...page, items };
    },

    /** People who appear in the log, for the filter's list. */
    async actors(user: CurrentUser) {
      return db.user.findMany({
        where: { townshipId: user.townshipId, auditLogs: { some: {} } },
        select: { id: true, displayName: true, username: true },
        orderBy: { displayName: 'asc' },
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
