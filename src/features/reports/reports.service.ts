import type { Db, Tx } from '../../db.js';
import { lockInTransaction } from '../../lib/locks.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { AuditService } from '../audit/audit.service.js';
import type { UnitsService } from '../units/units.service.js';
import { congressSessionName } from '../../lib/labels.js';
import { formatDate, yearOf } from '../../lib/format.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { computeFacts, gatherYearData, staleWarnings, type Facts, type ReportDeps, type YearData } from './reports.figures.js';
import { buildDraft, sessionWords, type SectionInput } from './reports.draft.js';
import { appendixTables } from './reports.appendix.js';
import { yearCharts } from '../dashboard/dashboard.charts.js';
import { cached } from '../../lib/cached.js';
import { CHAIR_TITLE, assertCan, reportPolicy } from './reports.policy.js';
import { parseSnapshot, sideBySide, snapshotOf, type Snapshot } from './reports.revisions.js';

export type ReportInput = {
  version: number;
  title: string;
  presenterName: string;
  presenterTitle: string;
  sessionId: number | null;
  note: string;
  sections: SectionInput[];
};

export const LOCKED_MESSAGE = '该报告已定稿，不能再修改。如需修改，请由人大主席重新打开。';

/** A save against a report that is FINAL. */
export class ReportLockedError extends ConflictError {
  constructor() {
    super(LOCKED_MESSAGE);
  }
}

export function createReportsService(db: Db, deps: ReportDeps & { units: UnitsService; audit: AuditService; now: () => Date }) {
  const { now } = deps;
  const { audit } = deps;

  /** Congress sessions of the township, with the words the report prints. */
  async function sessions(user: CurrentUser) {
    const rows = await db.congressSession.findMany({
      where: { congress: { townshipId: user.townshipId } },
      include: { congress: true },
      orderBy: { date: 'asc' },
    });
    return rows.map((s) => ({
      id: s.id,
      date: s.date,
      term: s.congress.term,
      number: s.number,
      name: congressSessionName(s.congress.term, s.number),
    }));
  }

  /** The session the report of a year is delivered at: the last one held in that year. */
  async function sessionForYear(user: CurrentUser, year: number) {
    return (await sessions(user)).filter((s) => yearOf(s.date) === year).at(-1) ?? null;
  }

  async function findReport(user: CurrentUser, year: number) {
    return db.annualReport.findUnique({
      where: { townshipId_year: { townshipId: user.townshipId, year } },
      include: {
        sections: { orderBy: { position: 'asc' } },
        session: { include: { congress: true } },
        finalizedBy: { select: { displayName: true, title: true } },
        township: { select: { name: true } },
      },
    });
  }

  async function getReport(user: CurrentUser, year: number) {
    assertCan(reportPolicy.canRead(user));
    const report = await findReport(user, year);
    if (!report) throw new NotFoundError(`${year}年度的工作报告尚未起草。`);
    return report;
  }

  /** The year's data, kept until a record changes (a minute at most: some figures depend on the time). */
  function yearData(user: CurrentUser, year: number): Promise<YearData> {
    const minute = Math.floor(Date.now() / 60_000);
    return cached(db, `year-data:${user.townshipId}:${year}:${minute}`, 'records', 60_000, () => gatherYearData(deps, user, year));
  }

  async function latestSnapshot(reportId: number, tx: Pick<Db, 'reportRevision'> = db): Promise<Snapshot | null> {
    const rev = await tx.reportRevision.findFirst({ where: { reportId }, orderBy: { number: 'desc' } });
    return rev ? parseSnapshot(rev.snapshot) : null;
  }

  async function addRevision(tx: Tx, user: CurrentUser, reportId: number, snapshot: Snapshot, note: string) {
    await lockInTransaction(tx, `report-revision:${reportId}`); // several instances on PostgreSQL
    const last = await tx.reportRevision.findFirst({ where: { reportId }, orderBy: { number: 'desc' }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;
    await tx.reportRevision.create({ data: { reportId, number, snapshot: JSON.stringify(snapshot), note, authorId: user.id } });
    return number;
  }

  /** Bumps the version only if nobody saved in between; otherwise a Chinese conflict. */
  async function bumpVersion(tx: Tx, reportId: number, version: number, data: Record<string, unknown> = {}) {
    const { count } = await tx.annualReport.updateMany({ where: { id: reportId, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.annualReport.findUnique({ where: { id: reportId }, select: { version: true } });
      throw new ConflictError(
        `保存失败：在您编辑期间，他人已修改了这份报告（现为第${current?.version ?? '?'}版）。您填写的内容没有丢失，仍在下方；请核对修订记录后重新保存。`,
      );
    }
  }

  async function replaceSections(tx: Tx, reportId: number, sections: SectionInput[]) {
    await tx.reportSection.deleteMany({ where: { reportId } });
    await tx.reportSection.createMany({
      data: sections.map((s, i) => ({ reportId, position: i + 1, kind: s.kind, heading: s.heading, body: s.body })),
    });
  }

  return {
    sessions,
    sessionForYear,

    /**
     * One row per year that has data or a report: the report's state when it exists, and the
     * session the report of that year is delivered at (the session held late in that year).
     */
    async overview(user: CurrentUser) {
      const [reports, allSessions, suggestionYears, projectYears] = await Promise.all([
        db.annualReport.findMany({ where: { townshipId: user.townshipId }, orderBy: { year: 'desc' } }),
        sessions(user),
        db.suggestion.findMany({ where: { townshipId: user.townshipId }, distinct: ['year'], select: { year: true } }),
        db.livelihoodProject.findMany({ where: { townshipId: user.townshipId }, distinct: ['year'], select: { year: true } }),
      ]);
      const years = new Set<number>([
        ...reports.map((r) => r.year),
        ...suggestionYears.map((r) => r.year),
        ...projectYears.map((r) => r.year),
      ]);
      return [...years]
        .sort((a, b) => b - a)
        .map((year) => {
          const session = allSessions.filter((s) => yearOf(s.date) === year).at(-1) ?? null;
          return {
            year,
            report: reports.find((r) => r.year === year) ?? null,
            sessionName: session?.name ?? '',
            sessionDate: session?.date ?? null,
          };
        });
    },

    find: findReport,
    get: getReport,

    /** The year's data and its facts, computed live. */
    async live(user: CurrentUser, year: number): Promise<{ data: YearData; facts: Facts }> {
      const data = await yearData(user, year);
      return { data, facts: computeFacts(data) };
    },

    /** Everything the editor shows: the report, live figures, stale-figure warnings per section, revisions. */
    async editor(user: CurrentUser, year: number) {
      const report = await getReport(user, year);
      const [snapshot, data, revisions, allSessions] = await Promise.all([
        latestSnapshot(report.id),
        yearData(user, year),
        this.revisions(user, year),
        sessions(user),
      ]);
      const facts = computeFacts(data);
      return {
        report,
        recordedFacts: snapshot?.facts ?? {},
        facts,
        warnings: staleWarnings(snapshot?.facts ?? {}, facts, report.sections),
        data,
        appendix: appendixTables(data),
        revisions,
        sessions: allSessions,
      };
    },

    /** The print page, the PDF and the .docx: the text, the subtitle line and the live appendix. */
    async printable(user: CurrentUser, year: number) {
      const report = await getReport(user, year);
      const data = await yearData(user, year);
      const session = report.session;
      const subtitle = session
        ? `——${formatDate(session.date)}在${report.township.name}${sessionWords({ township: report.township.name, term: session.congress.term, sessionNumber: session.number }).replace(/^镇/, '')}上`
        : '';
      return { report, subtitle, data, appendix: appendixTables(data), charts: yearCharts(data) };
    },

    /** 生成初稿: a new draft from the year's data, or a fresh one replacing a draft (never a FINAL report). */
    async generate(user: CurrentUser, year: number, version: number | null) {
      assertCan(reportPolicy.canEdit(user));
      const data = await yearData(user, year);
      const facts = computeFacts(data);
      const [session, presidium, township] = await Promise.all([
        sessionForYear(user, year),
        deps.units.presidiumOptions(user),
        db.township.findUniqueOrThrow({ where: { id: user.townshipId }, select: { name: true } }),
      ]);
      const chair = presidium.find((p) => p.title === CHAIR_TITLE) ?? null;
      const sections = buildDraft(data, facts, {
        township: township.name,
        term: session?.term ?? null,
        sessionNumber: session?.number ?? null,
      });
      return db.$transaction(async (tx) => {
        const existing = await tx.annualReport.findUnique({ where: { townshipId_year: { townshipId: user.townshipId, year } } });
        let reportId: number;
        if (existing) {
          if (existing.status === 'FINAL') throw new ReportLockedError();
          await bumpVersion(tx, existing.id, version ?? -1);
          reportId = existing.id;
        } else {
          const created = await tx.annualReport.create({
            data: {
              townshipId: user.townshipId,
              year,
              title: '人大工作报告',
              sessionId: session?.id ?? null,
              presenterName: chair?.displayName ?? '',
              presenterTitle: `${township.name}${CHAIR_TITLE}`,
            },
          });
          reportId = created.id;
        }
        await replaceSections(tx, reportId, sections);
        const report = await tx.annualReport.findUniqueOrThrow({ where: { id: reportId } });
        const snapshot: Snapshot = {
          title: report.title,
          presenterName: report.presenterName,
          presenterTitle: report.presenterTitle,
          sessionId: report.sessionId,
          status: 'DRAFT',
          sections,
          facts,
        };
        const number = await addRevision(tx, user, reportId, snapshot, existing ? '按最新数据重新生成初稿' : '生成初稿');
        await audit.record(
          user,
          { action: 'report.generate', entity: 'AnnualReport', entityId: reportId, detail: { year, revision: number } },
          tx,
        );
        return report;
      });
    },

    /** Saves the edited text: a new revision; refused when FINAL or when someone saved in between. */
    async save(user: CurrentUser, year: number, input: ReportInput) {
      assertCan(reportPolicy.canEdit(user));
      if (input.sections.length === 0) throw new ValidationError({ _form: '报告至少要有一个段落' });
      const empty = input.sections.findIndex((s) => !s.heading && !s.body);
      if (empty >= 0) throw new ValidationError({ [`body-${empty}`]: `第${empty + 1}段没有内容，请填写或删除该段` });
      if (input.sessionId !== null) {
        const all = await sessions(user);
        if (!all.some((s) => s.id === input.sessionId)) throw new ValidationError({ sessionId: '请选择本镇的人代会会议' });
      }
      const report = await getReport(user, year);
      return db.$transaction(async (tx) => {
        const current = await tx.annualReport.findUniqueOrThrow({ where: { id: report.id } });
        if (current.status === 'FINAL') throw new ReportLockedError();
        await bumpVersion(tx, report.id, input.version, {
          title: input.title,
          presenterName: input.presenterName,
          presenterTitle: input.presenterTitle,
          sessionId: input.sessionId,
        });
        await replaceSections(tx, report.id, input.sections);
        const previous = await latestSnapshot(report.id, tx);
        const number = await addRevision(
          tx,
          user,
          report.id,
          {
            title: input.title,
            presenterName: input.presenterName,
            presenterTitle: input.presenterTitle,
            sessionId: input.sessionId,
            status: 'DRAFT',
            sections: input.sections,
            facts: previous?.facts ?? {},
          },
          input.note || '修改报告',
        );
        await audit.record(
          user,
          { action: 'report.save', entity: 'AnnualReport', entityId: report.id, detail: { year, revision: number } },
          tx,
        );
        return number;
      });
    },

    /** 定稿: locks the report (staff or presidium). */
    async finalize(user: CurrentUser, year: number, version: number) {
      assertCan(reportPolicy.canFinalize(user));
      const report = await getReport(user, year);
      if (report.status === 'FINAL') throw new ConflictError('该报告已经定稿。');
      await db.$transaction(async (tx) => {
        const t = now();
        await bumpVersion(tx, report.id, version, { status: 'FINAL', finalizedAt: t, finalizedById: user.id });
        const previous = await latestSnapshot(report.id, tx);
        const snapshot = snapshotOf(report, previous);
        const number = await addRevision(tx, user, report.id, { ...snapshot, status: 'FINAL' }, '定稿');
        await audit.record(
          user,
          { action: 'report.finalize', entity: 'AnnualReport', entityId: report.id, detail: { year, revision: number } },
          tx,
        );
      });
    },

    /** Only the chair reopens a FINAL report, with a reason kept in a new revision. */
    async reopen(user: CurrentUser, year: number, version: number, reason: string) {
      assertCan(reportPolicy.canReopen(user), '只有人大主席可以重新打开已定稿的报告。');
      const report = await getReport(user, year);
      if (report.status !== 'FINAL') throw new ConflictError('该报告尚未定稿，无需重新打开。');
      await db.$transaction(async (tx) => {
        await bumpVersion(tx, report.id, version, { status: 'DRAFT', finalizedAt: null, finalizedById: null });
        const previous = await latestSnapshot(report.id, tx);
        const number = await addRevision(
          tx,
          user,
          report.id,
          { ...snapshotOf(report, previous), status: 'DRAFT' },
          `人大主席重新打开：${reason}`,
        );
        await audit.record(
          user,
          { action: 'report.reopen', entity: 'AnnualReport', entityId: report.id, detail: { year, revision: number, reason } },
          tx,
        );
      });
    },

    async revisions(user: CurrentUser, year: number) {
      const report = await getReport(user, year);
      const rows = await db.reportRevision.findMany({
        where: { reportId: report.id },
        include: { author: { select: { displayName: true, title: true } } },
        orderBy: { number: 'desc' },
      });
      return rows.map((r) => ({
        id: r.id,
        number: r.number,
        note: r.note,
        createdAt: r.createdAt,
        author: r.author?.displayName ?? '',
        status: parseSnapshot(r.snapshot).status,
      }));
    },

    async revision(user: CurrentUser, year: number, number: number) {
      const report = await getReport(user, year);
      const rev = await db.reportRevision.findUnique({
        where: { reportId_number: { reportId: report.id, number } },
        include: { author: { select: { displayName: true } } },
      });
      if (!rev) throw new NotFoundError('没有找到该修订版本。');
      return {
        number: rev.number,
        note: rev.note,
        createdAt: rev.createdAt,
        author: rev.author?.displayName ?? '',
        snapshot: parseSnapshot(rev.snapshot),
      };
    },

    /** Two revisions side by side, section by section, with the changes marked. */
    async compare(user: CurrentUser, year: number, a: number, b: number) {
      const [ra, rb] = await Promise.all([this.revision(user, year, a), this.revision(user, year, b)]);
      const header = (s: Snapshot) => `${s.title}\n${s.presenterTitle} ${s.presenterName}`;
      const rows = [{ label: '标题与报告人', ...sideBySide(header(ra.snapshot), header(rb.snapshot)) }];
      const n = Math.max(ra.snapshot.sections.length, rb.snapshot.sections.length);
      for (let i = 0; i < n; i++) {
        const sa = ra.snapshot.sections[i];
        const sb = rb.snapshot.sections[i];
        const text = (s: SectionInput | undefined) => (s ? (s.heading ? `${s.heading}\n` : '') + s.body : '');
        rows.push({ label: `第${i + 1}段${(sb ?? sa)?.heading ? '：' + (sb ?? sa)!.heading : ''}`, ...sideBySide(text(sa), text(sb)) });
      }
      return { a: ra, b: rb, rows, changedCount: rows.filter((r) => r.changed).length };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
