/**
 * 代表码 / 联络站码: voters send opinions to a deputy or a station without logging in, follow them
 * with a 查询码 and rate the answer; deputies handle them from their queue. Answering and referring
 * are the receptions service's (one way to answer and refer any voter's opinion); this service has
 * what is particular to the codes.
 */
import { randomInt } from 'node:crypto';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { OpinionRating } from '../../generated/prisma/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from '../../errors.js';
import { opinionRatingLabels } from '../../lib/labels.js';
import { recordOpinionEvent } from './opinions.history.js';
import { canHandleOpinion, canMarkSpam, canRate, firstAnswerFlag, queueScope, voterState, voterStateLabels } from './opinions.policy.js';
import type { VoterOpinionForm } from './opinions.schemas.js';

/** Letters and digits a voter cannot confuse (no 0/O, 1/I/L); codes are upper-case for compact QR codes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^12 ≈ 8 × 10^17 poster codes, 31^10 ≈ 8 × 10^14 tracking codes: not guessable, nothing derived from ids. */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
const POSTER_CODE_LENGTH = 12;
const TRACKING_CODE_LENGTH = 10;

/** Per address: this many opinions an hour, and this many a day to the same deputy or station. */
export const OPINIONS_PER_HOUR = 5;
export const OPINIONS_PER_TARGET_PER_DAY = 3;

export type TargetKind = 'd' | 's';
export type PublicTarget = {
  kind: TargetKind;
  code: string;
  id: number;
  townshipId: number;
  townshipName: string;
  /** 代表 宝音图 / 东明镇人大代表之家 */
  name: string;
  village: string;
  /** A station's resident deputies (names only). */
  deputies: string[];
  address: string;
};

export function createOpinionsService(
  db: Db,
  deps: { audit: AuditService; notifications: NotificationsService },
  now: () => Date = () => new Date(),
) {
  const { audit, notifications } = deps;
  const perHour = new RateLimiterPrisma({
    storeClient: db,
    tableName: 'loginThrottle',
    keyPrefix: 'opinion-ip',
    points: OPINIONS_PER_HOUR,
    duration: 3600,
    clearExpiredByTimeout: false,
  });
  const perTarget = new RateLimiterPrisma({
    storeClient: db,
    tableName: 'loginThrottle',
    keyPrefix: 'opinion-ip-target',
    points: OPINIONS_PER_TARGET_PER_DAY,
    duration: 24 * 3600,
    clearExpiredByTimeout: false,
  });
  const consume = (limiter: RateLimiterPrisma, key: string) =>
    limiter.consume(key).catch((r: unknown) => {
      if (r instanceof RateLimiterRes) throw new RateLimitedError('您提交得太频繁了，请过一段时间再提交，或到联络站当面反映。');
      throw r;
    });

  function assertStaff(user: CurrentUser) {
    if (user.role !== 'STAFF') throw new ForbiddenError('只有工作人员可以管理代表码和联络站码。');
  }

  async function uniqueCode(): Promise<string> {
    for (;;) {
      const code = randomCode(POSTER_CODE_LENGTH);
      const [d, s] = await Promise.all([
        db.deputy.count({ where: { voterCode: code } }),
        db.liaisonStation.count({ where: { voterCode: code } }),
      ]);
      if (!d && !s) return code;
    }
  }

  async function inQueue(user: CurrentUser, id: number): Promise<boolean> {
    if (user.role !== 'DEPUTY') return false;
    return (await db.voterOpinion.count({ where: { AND: [queueScope(user), { id }] } })) === 1;
  }

  return {
    /** Issues a new code for a deputy (the old one, if any, stops working at once). */
    async issueDeputyCode(user: CurrentUser, deputyId: number): Promise<string> {
      assertStaff(user);
      const d = await db.deputy.findFirst({ where: { id: deputyId, townshipId: user.townshipId } });
      if (!d) throw new NotFoundError('没有找到该代表。');
      const code = await uniqueCode();
      await db.$transaction(async (tx) => {
        await tx.deputy.update({ where: { id: d.id }, data: { voterCode: code } });
        await audit.record(user, { action: 'voter-code.issue', entity: 'Deputy', entityId: d.id, detail: { reissued: !!d.voterCode } }, tx);
      });
      return code;
    },

    async issueStationCode(user: CurrentUser, stationId: number): Promise<string> {
      assertStaff(user);
      const s = await db.liaisonStation.findFirst({ where: { id: stationId, townshipId: user.townshipId } });
      if (!s) throw new NotFoundError('没有找到该联络站。');
      const code = await uniqueCode();
      await db.$transaction(async (tx) => {
        await tx.liaisonStation.update({ where: { id: s.id }, data: { voterCode: code } });
        await audit.record(
          user,
          { action: 'voter-code.issue', entity: 'LiaisonStation', entityId: s.id, detail: { reissued: !!s.voterCode } },
          tx,
        );
      });
      return code;
    },

    /** Withdraws a code: the posted QR code then leads nowhere until a new one is issued. */
    async revokeCode(user: CurrentUser, kind: TargetKind, id: number): Promise<void> {
      assertStaff(user);
      const where = { id, townshipId: user.townshipId };
      await db.$transaction(async (tx) => {
        const done =
          kind === 'd'
            ? await tx.deputy.updateMany({ where, data: { voterCode: null } })
            : await tx.liaisonStation.updateMany({ where, data: { voterCode: null } });
        if (done.count !== 1) throw new NotFoundError();
        await audit.record(user, { action: 'voter-code.revoke', entity: kind === 'd' ? 'Deputy' : 'LiaisonStation', entityId: id }, tx);
      });
    },

    /** Every active deputy and station of the township with a code, issuing the missing ones (posters). */
    async ensureCodes(user: CurrentUser): Promise<void> {
      assertStaff(user);
      const [deputies, stations] = await Promise.all([
        db.deputy.findMany({ where: { townshipId: user.townshipId, status: 'ACTIVE', voterCode: null }, select: { id: true } }),
        db.liaisonStation.findMany({ where: { townshipId: user.townshipId, active: true, voterCode: null }, select: { id: true } }),
      ]);
      for (const d of deputies) await this.issueDeputyCode(user, d.id);
      for (const s of stations) await this.issueStationCode(user, s.id);
    },

    /** The codes page: every active deputy and station of the township and their codes (staff). */
    async codeList(user: CurrentUser) {
      assertStaff(user);
      const [deputies, stations, township] = await Promise.all([
        db.deputy.findMany({
          where: { townshipId: user.townshipId, status: 'ACTIVE' },
          select: { id: true, name: true, village: true, voterCode: true },
          orderBy: [{ village: 'asc' }, { name: 'asc' }],
        }),
        db.liaisonStation.findMany({
          where: { townshipId: user.townshipId, active: true },
          select: { id: true, name: true, village: true, address: true, voterCode: true },
          orderBy: [{ tier: 'asc' }, { name: 'asc' }],
        }),
        db.township.findUniqueOrThrow({ where: { id: user.townshipId }, select: { name: true } }),
      ]);
      return { deputies, stations, townshipName: township.name };
    },

    /** One poster: the deputy's or station's name, village and code (staff). */
    async poster(user: CurrentUser, kind: TargetKind, id: number) {
      const { deputies, stations, townshipName } = await this.codeList(user);
      const row = kind === 'd' ? deputies.find((d) => d.id === id) : stations.find((s) => s.id === id);
      if (!row) throw new NotFoundError();
      if (!row.voterCode) throw new ConflictError('还没有生成二维码，请先在“代表码”页面生成。');
      return { kind, id: row.id, name: row.name, village: row.village, code: row.voterCode, townshipName };
    },

    /** The public face of a code: who the voter writes to. Never a phone number. */
    async target(kind: TargetKind, code: string): Promise<PublicTarget> {
      if (kind === 'd') {
        const d = await db.deputy.findFirst({
          where: { voterCode: code, status: 'ACTIVE' },
          select: { id: true, name: true, village: true, townshipId: true, township: { select: { name: true } } },
        });
        if (!d) throw new NotFoundError('这个代表码已失效或不存在。请向村委会或联络站询问新的代表码。');
        return {
          kind,
          code,
          id: d.id,
          townshipId: d.townshipId,
          townshipName: d.township.name,
          name: d.name,
          village: d.village,
          deputies: [],
          address: '',
        };
      }
      const s = await db.liaisonStation.findFirst({
        where: { voterCode: code, active: true },
        select: {
          id: true,
          name: true,
          village: true,
          address: true,
          townshipId: true,
          township: { select: { name: true } },
          deputies: {
            where: { deputy: { status: 'ACTIVE' } },
            select: { deputy: { select: { name: true } } },
            orderBy: { deputy: { name: 'asc' } },
          },
        },
      });
      if (!s) throw new NotFoundError('这个联络站码已失效或不存在。请向村委会或联络站询问新的二维码。');
      return {
        kind,
        code,
        id: s.id,
        townshipId: s.townshipId,
        townshipName: s.township.name,
        name: s.name,
        village: s.village,
        deputies: s.deputies.map((x) => x.deputy.name),
        address: s.address,
      };
    },

    /**
     * A voter's opinion through a code: checked against the address's limits, stored, the deputy (or
     * the station's deputies and staff) notified. Returns the 查询码. A filled honeypot gets a code
     * that leads nowhere and nothing is stored.
     */
    async submit(target: PublicTarget, form: VoterOpinionForm, ip: string): Promise<string> {
      if (form.website) return randomCode(TRACKING_CODE_LENGTH);
      await consume(perHour, ip);
      await consume(perTarget, `${ip}|${target.kind}${target.id}`);
      const trackingCode = randomCode(TRACKING_CODE_LENGTH);
      const o = await db.$transaction(async (tx) => {
        const created = await tx.voterOpinion.create({
          data: {
            townshipId: target.townshipId,
            source: 'CODE',
            deputyId: target.kind === 'd' ? target.id : null,
            stationId: target.kind === 's' ? target.id : null,
            content: form.content,
            village: form.village,
            voterName: form.voterName,
            voterPhone: form.voterPhone,
            trackingCode,
            createdAt: now(),
          },
        });
        await recordOpinionEvent(
          tx,
          created.id,
          null,
          'submit',
          target.kind === 'd' ? `代表码：${target.name}` : `联络站码：${target.name}`,
        );
        await audit.record(
          null,
          { action: 'opinion.submit', entity: 'VoterOpinion', entityId: created.id, detail: { via: target.kind, to: target.id }, ip },
          tx,
        );
        const recipients =
          target.kind === 'd'
            ? await tx.user.findMany({ where: { deputyId: target.id, active: true }, select: { id: true } })
            : await tx.user.findMany({
                where: {
                  townshipId: target.townshipId,
                  active: true,
                  OR: [{ role: 'STAFF' }, { role: 'DEPUTY', deputy: { stations: { some: { stationId: target.id } } } }],
                },
                select: { id: true },
              });
        await notifications.notify(
          recipients.map((u) => u.id),
          {
            kind: 'opinion',
            title: `选民通过${target.kind === 'd' ? '代表码' : target.name + '二维码'}反映了一条意见，请在7日内答复`,
            link: `/opinions/${created.id}`,
          },
          tx,
        );
        return created;
      });
      void o;
      return trackingCode;
    },

    /** What the voter sees with their 查询码: the progress and the answer; no contact data, nobody else's opinions. */
    async track(code: string) {
      const o = await db.voterOpinion.findUnique({
        where: { trackingCode: code },
        select: {
          content: true,
          createdAt: true,
          handling: true,
          answer: true,
          answeredAt: true,
          readAt: true,
          escalatedAt: true,
          rating: true,
          ratedAt: true,
          spam: true,
          deputy: { select: { name: true } },
          station: { select: { name: true } },
          referredUnit: { select: { name: true } },
          township: { select: { name: true } },
        },
      });
      if (!o) throw new NotFoundError('没有找到这个查询码对应的意见，请核对后重新输入。');
      const state = voterState(o);
      return {
        code,
        townshipName: o.township.name,
        content: o.content,
        createdAt: o.createdAt,
        state,
        stateLabel: voterStateLabels[state],
        to: o.deputy ? `${o.deputy.name}代表` : (o.station?.name ?? ''),
        unit: o.handling === 'REFERRED' ? (o.referredUnit?.name ?? '') : '',
        answer: o.spam || state === 'CONVERTED' ? '' : o.answer,
        answeredAt: o.spam ? null : o.answeredAt,
        rating: o.rating,
        ratedAt: o.ratedAt,
        canRate: canRate(o),
      };
    },

    /** The voter's 满意 / 基本满意 / 不满意, once, after the answer. */
    async rate(code: string, rating: OpinionRating, ip: string): Promise<void> {
      const o = await db.voterOpinion.findUnique({ where: { trackingCode: code } });
      if (!o) throw new NotFoundError('没有找到这个查询码对应的意见。');
      if (!canRate(o)) throw new ConflictError(o.rating ? '您已经评价过了，谢谢！' : '还没有答复，答复后才能评价。');
      await db.$transaction(async (tx) => {
        const done = await tx.voterOpinion.updateMany({ where: { id: o.id, rating: null }, data: { rating, ratedAt: now() } });
        if (done.count !== 1) throw new ConflictError('您已经评价过了，谢谢！');
        await recordOpinionEvent(tx, o.id, null, 'rate', opinionRatingLabels[rating]);
        await audit.record(null, { action: 'opinion.rate', entity: 'VoterOpinion', entityId: o.id, detail: { rating }, ip }, tx);
        if (o.deputyId) {
          const u = await tx.user.findMany({ where: { deputyId: o.deputyId, active: true }, select: { id: true } });
          await notifications.notify(
            u.map((x) => x.id),
            { kind: 'opinion', title: `选民对您的答复作出了评价：${opinionRatingLabels[rating]}`, link: `/opinions/${o.id}` },
            tx,
          );
        }
      });
    },

    /** A deputy's queue (/me/opinions): the code opinions sent to them or to their stations, open ones first. */
    async queue(user: CurrentUser) {
      if (user.role !== 'DEPUTY') throw new ForbiddenError();
      const rows = await db.voterOpinion.findMany({
        where: queueScope(user),
        include: { station: { select: { id: true, name: true } }, deputy: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 500,
      });
      const t = now();
      const shaped = rows.map((o) => ({ ...o, state: voterState(o), flag: firstAnswerFlag(o, t), open: !o.respondedAt }));
      return [...shaped.filter((o) => o.open), ...shaped.filter((o) => !o.open)];
    },

    /** The count on the deputy's home page: opinions in their queue still waiting for a first response. */
    async openCount(user: CurrentUser): Promise<number> {
      if (user.role !== 'DEPUTY') return 0;
      return db.voterOpinion.count({ where: { AND: [queueScope(user), { respondedAt: null }] } });
    },

    /** Whether the user may answer, hand over or convert this opinion (the buttons on its page). */
    async mayHandle(user: CurrentUser, o: Parameters<typeof canHandleOpinion>[1] & { id: number }): Promise<boolean> {
      return canHandleOpinion(user, o, await inQueue(user, o.id));
    },

    /** The deputy hands the opinion to the township: staff then refer it to a unit with a due date. */
    async escalate(user: CurrentUser, id: number, note: string): Promise<void> {
      const o = await db.voterOpinion.findFirst({ where: { id, townshipId: user.townshipId } });
      if (!o || !(await inQueue(user, id))) throw new NotFoundError('没有找到该选民意见。');
      if (!canHandleOpinion(user, o, true)) throw new ConflictError('这条意见已经处理过了，请刷新页面查看。');
      const t = now();
      await db.$transaction(async (tx) => {
        const done = await tx.voterOpinion.updateMany({
          where: { id, handling: 'PENDING', escalatedAt: null },
          data: { escalatedAt: t, respondedAt: o.respondedAt ?? t, readAt: o.readAt ?? t },
        });
        if (done.count !== 1) throw new ConflictError();
        await recordOpinionEvent(tx, id, user.id, 'escalate', note);
        await audit.record(user, { action: 'opinion.escalate', entity: 'VoterOpinion', entityId: id }, tx);
        const staff = await tx.user.findMany({ where: { townshipId: user.townshipId, role: 'STAFF', active: true }, select: { id: true } });
        await notifications.notify(
          staff.map((u) => u.id),
          { kind: 'opinion', title: `${user.displayName}代表转来一条选民意见，请转有关部门办理`, link: `/opinions/${id}` },
          tx,
        );
      });
    },

    /** Staff mark a code opinion as spam (无效信息) or undo it; spam leaves every queue and count. */
    async markSpam(user: CurrentUser, id: number, spam: boolean): Promise<void> {
      const o = await db.voterOpinion.findFirst({ where: { id, townshipId: user.townshipId } });
      if (!o) throw new NotFoundError('没有找到该选民意见。');
      if (!canMarkSpam(user, o)) throw new ForbiddenError('只有工作人员可以标记扫码提交的无效信息。');
      await db.$transaction(async (tx) => {
        await tx.voterOpinion.update({ where: { id }, data: { spam } });
        await recordOpinionEvent(tx, id, user.id, spam ? 'spam' : 'unspam');
        await audit.record(user, { action: spam ? 'opinion.spam' : 'opinion.unspam', entity: 'VoterOpinion', entityId: id }, tx);
      });
    },

    /** Opening an opinion moves it from 已收到 to 处理中 for the voter (the deputy's or staff's first look). */
    async markRead(user: CurrentUser, o: { id: number; readAt: Date | null; source: string }): Promise<void> {
      if (o.readAt || o.source !== 'CODE') return;
      if (user.role !== 'STAFF' && !(await inQueue(user, o.id))) return;
      await db.voterOpinion.updateMany({ where: { id: o.id, readAt: null }, data: { readAt: now() } });
    },
  };
}

export type OpinionsService = ReturnType<typeof createOpinionsService>;
