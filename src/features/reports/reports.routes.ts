import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, type FieldErrors } from '../../lib/forms.js';
import { orRender } from '../../lib/form-flow.js';
import { sendFile } from '../../lib/download.js';
import { compareSchema, parseYear, reopenSchema, reportFormSchema, versionSchema, type ReportForm } from './reports.schemas.js';
import type { SectionInput } from './reports.draft.js';
import { staleWarnings } from './reports.figures.js';
import { isChair, reportPolicy } from './reports.policy.js';
import { chromiumAvailable, htmlToPdf } from './reports.pdf.js';
import { applyOp } from './reports.revisions.js';
import { reportDocx } from './reports.docx.js';
import { headingLevel, paragraphsOf } from './reports.print.js';
import { cachedPage, minuteKeys, renderView, sendDocument, type RenderedPage } from '../../lib/cached.js';

const office = requireRole('STAFF', 'PRESIDIUM');
/** The dashboard charts the report's appendix shows, in print and in Word. */
const PRINTED_CHARTS = ['byCategory', 'unitRates', 'projects', 'monthly'] as const;
const staffOnly = requireRole('STAFF');

type EditorValues = {
  version: string;
  title: string;
  presenterName: string;
  presenterTitle: string;
  sessionId: string;
  note: string;
  sections: SectionInput[];
};

/** Only the editor's own fields, as strings, to show again (never req.body whole). */
function submittedValues(body: unknown): EditorValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const arr = (v: unknown) => (Array.isArray(v) ? v.map(str) : v === undefined ? [] : [str(v)]);
  const kinds = arr(b.kind);
  const headings = arr(b.heading);
  const bodies = arr(b.body);
  return {
    version: str(b.version),
    title: str(b.title),
    presenterName: str(b.presenterName),
    presenterTitle: str(b.presenterTitle),
    sessionId: str(b.sessionId),
    note: str(b.note),
    sections: kinds.map((kind, i) => ({ kind: kind as SectionInput['kind'], heading: headings[i] ?? '', body: bodies[i] ?? '' })),
  };
}

/** A post without the version it acts on: a page from before, or a form that was not the editor's. */
const STALE_FORM = '页面已过期，未执行操作。请刷新页面，核对最新内容后再试。';

export function reportsRoutes(services: Services): Router {
  const router = Router();
  const { reports } = services;

  async function renderEditor(
    req: Request,
    res: Response,
    year: number,
    status = 200,
    extra: { values?: EditorValues; errors?: FieldErrors; conflict?: string; notice?: string } = {},
  ) {
    const user = req.user!;
    const state = await reports.editor(user, year);
    const r = state.report;
    const values: EditorValues = extra.values ?? {
      version: String(r.version),
      title: r.title,
      presenterName: r.presenterName,
      presenterTitle: r.presenterTitle,
      sessionId: r.sessionId ? String(r.sessionId) : '',
      note: '',
      sections: r.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body })),
    };
    // After a conflict the form keeps the user's text but carries the current version.
    if (extra.conflict) values.version = String(r.version);
    res.status(status).render('reports/edit', {
      title: `${year}年${r.title}`,
      year,
      report: r,
      values,
      warnings: staleWarnings(state.recordedFacts, state.facts, values.sections),
      facts: state.facts,
      appendix: state.appendix,
      revisions: state.revisions,
      sessions: state.sessions,
      errors: extra.errors ?? {},
      conflict: extra.conflict ?? '',
      notice: extra.notice ?? '',
      canEdit: reportPolicy.canEdit(user) && r.status === 'DRAFT',
      canFinalize: reportPolicy.canFinalize(user) && r.status === 'DRAFT',
      canReopen: isChair(user) && r.status === 'FINAL',
      pdfAvailable: chromiumAvailable(req.app.get('chromiumPath') as string | undefined),
    });
  }

  /**
   * The printed report as HTML (the print page, and the PDF with `baseHref`): the same for every
   * office user of the township, so rendered once per change and minute. A missing report is a 404.
   */
  function printHtml(req: Request, year: number, baseHref = ''): Promise<RenderedPage> {
    const user = req.user!;
    const pdfAvailable = chromiumAvailable(req.app.get('chromiumPath') as string | undefined);
    const { key, previousKey } = minuteKeys(
      services.now(),
      (minute) => `report-print:${user.townshipId}:${year}:${minute}:${pdfAvailable}:${baseHref}`,
    );
    const render = async () => {
      const p = await reports.printable(user, year);
      const title = `${year}年${p.report.title}`;
      const body = await renderView(req, 'reports/print', {
        title,
        year,
        ...p,
        baseHref,
        headingLevel,
        paragraphsOf,
        printedCharts: PRINTED_CHARTS,
        pdfAvailable,
      });
      return { title, body };
    };
    return cachedPage(services.db, key, 'records', 60_000, render, previousKey);
  }

  router.get('/reports', office, async (req, res) => {
    const rows = await reports.overview(req.user!);
    res.render('reports/index', { title: '人大工作报告', rows, canEdit: reportPolicy.canEdit(req.user!) });
  });

  // ── Exports first: '/reports/:year' would also match "2023.pdf" ──
  router.get('/reports/:year.pdf', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const chromiumPath = req.app.get('chromiumPath') as string | undefined;
    if (!chromiumAvailable(chromiumPath)) {
      await reports.get(req.user!, year);
      return res.status(503).render('reports/no-pdf', { title: '无法生成PDF', year });
    }
    const origin = `${req.protocol}://${req.get('host')}`;
    const { body } = await printHtml(req, year, `${origin}/`);
    const pdf = await htmlToPdf(body, chromiumPath, origin);
    await sendFile(res, {
      filename: `${year}年人大工作报告.pdf`,
      asciiName: `report-${year}.pdf`,
      type: 'pdf',
      body: pdf,
      inline: true,
      audit: { action: 'report.export', detail: { year, format: 'PDF' } },
    });
  });

  router.get('/reports/:year.docx', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const p = await reports.printable(req.user!, year);
    const buffer = await reportDocx({
      year,
      charts: PRINTED_CHARTS.map((k) => ({ svg: p.charts[k].svg, note: p.charts[k].note?.printed ?? '' })),
      title: p.report.title,
      subtitle: p.subtitle,
      presenter: `${p.report.presenterTitle}　${p.report.presenterName}`.trim(),
      sections: p.report.sections,
      appendix: p.appendix,
    });
    await sendFile(res, {
      filename: `${year}年人大工作报告.docx`,
      asciiName: `report-${year}.docx`,
      type: 'docx',
      body: buffer,
      audit: { action: 'report.export', entity: 'AnnualReport', entityId: p.report.id, detail: { year, format: 'Word' } },
    });
  });

  router.get('/reports/:year/print', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const page = await printHtml(req, year);
    await services.audit.record(req.user!, { action: 'report.print', detail: { year } });
    sendDocument(res, page);
  });

  router.post('/reports/:year/generate', staffOnly, async (req, res) => {
    const year = parseYear(req.params.year);
    const existing = await reports.find(req.user!, year);
    let version: number | null = null;
    if (existing) {
      const form = parseForm(versionSchema, req.body);
      if (!form.ok) return renderEditor(req, res, year, 409, { conflict: STALE_FORM });
      version = form.data.version;
    }
    await reports.generate(req.user!, year, version);
    flash(req, 'success', existing ? '已按最新数据重新生成初稿，原稿保存在修订记录中。' : '初稿已生成，请逐段修改。');
    res.redirect(303, `/reports/${year}`);
  });

  router.get('/reports/:year', office, async (req, res) => {
    await renderEditor(req, res, parseYear(req.params.year));
  });

  router.post('/reports/:year', staffOnly, async (req, res) => {
    const year = parseYear(req.params.year);
    const values = submittedValues(req.body);
    const form = parseForm(reportFormSchema, req.body);
    if (!form.ok) return renderEditor(req, res, year, 422, { values, errors: form.errors });
    const data: ReportForm = form.data;
    const sections = data.kind.map((kind, i) => ({ kind, heading: data.heading[i] ?? '', body: data.body[i] ?? '' }));
    if (data.op !== 'save') {
      // A layout change is not saved yet: the same form again, sections rearranged.
      return renderEditor(req, res, year, 200, {
        values: { ...values, sections: applyOp(values.sections, data.op) },
        notice: '段落已调整，尚未保存。请点击“保存修改”。',
      });
    }
    const saved = await orRender(
      () => reports.save(req.user!, year, { ...data, sections }),
      (errors) => renderEditor(req, res, year, 422, { values, errors }),
      (e) => renderEditor(req, res, year, e.status, { values, conflict: e.message }),
    );
    if (!saved) return;
    flash(req, 'success', `已保存为第${saved.value}版修订。`);
    res.redirect(303, `/reports/${year}`);
  });

  router.post('/reports/:year/finalize', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const form = parseForm(versionSchema, req.body);
    if (!form.ok) return renderEditor(req, res, year, 409, { conflict: STALE_FORM });
    await reports.finalize(req.user!, year, form.data.version);
    flash(req, 'success', '报告已定稿并锁定。');
    res.redirect(303, `/reports/${year}`);
  });

  router.post('/reports/:year/reopen', requireRole('PRESIDIUM'), async (req, res) => {
    const year = parseYear(req.params.year);
    const form = parseForm(reopenSchema, req.body);
    if (!form.ok) return renderEditor(req, res, year, 422, { errors: form.errors });
    await reports.reopen(req.user!, year, form.data.version, form.data.reason);
    flash(req, 'success', '报告已重新打开，可以继续修改。');
    res.redirect(303, `/reports/${year}`);
  });

  router.get('/reports/:year/revisions', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const report = await reports.get(req.user!, year);
    const revisions = await reports.revisions(req.user!, year);
    res.render('reports/revisions', { title: `${year}年工作报告修订记录`, year, report, revisions });
  });

  router.get('/reports/:year/compare', office, async (req, res) => {
    const year = parseYear(req.params.year);
    const revisions = await reports.revisions(req.user!, year);
    const form = parseForm(compareSchema, req.query);
    const a = form.ok ? form.data.a : (revisions[1]?.number ?? revisions[0]?.number ?? 1);
    const b = form.ok ? form.data.b : (revisions[0]?.number ?? 1);
    const result = await reports.compare(req.user!, year, Math.min(a, b), Math.max(a, b));
    res.render('reports/compare', { title: `${year}年工作报告修订对比`, year, revisions, result });
  });

  return router;
}
