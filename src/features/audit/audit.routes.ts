import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { formatDate, formatDateTime, parseDateInput } from '../../lib/format.js';
import { printA4Landscape, writeTable, type XlsxColumn, newWorkbook } from '../../lib/xlsx.js';
import { sendFile } from '../../lib/download.js';
import { AUDIT_GROUPS, RESULTS } from './audit.labels.js';
import type { AuditFilter, AuditView } from './audit.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const text = (max: number) => z.string().trim().max(max).catch('');
const filterSchema = z.object({
  who: text(50),
  actor: z.coerce.number().int().positive().nullable().catch(null),
  group: z
    .string()
    .refine((g) => AUDIT_GROUPS.some((x) => x.key === g))
    .catch(''),
  result: z
    .string()
    .refine((r) => r in RESULTS)
    .catch(''),
  from: text(20),
  to: text(20),
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .catch(''),
  entityId: z
    .string()
    .regex(/^\d{1,12}$/)
    .catch(''),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

type FilterForm = z.infer<typeof filterSchema>;

/** The query as typed (for the form and the links) and as the service takes it. */
function readFilter(req: Request): { form: FilterForm; filter: AuditFilter } {
  const form = filterSchema.parse({ actor: null, ...req.query });
  const from = parseDateInput(form.from);
  const to = parseDateInput(form.to);
  return {
    form: { ...form, from: from ? form.from : '', to: to ? form.to : '' },
    filter: { ...form, from, to: to ? new Date(to.getTime() + DAY_MS) : null },
  };
}

/** The query string of a filter, without empty values and without the page. */
function queryOf(form: FilterForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (k !== 'page' && v !== null && v !== '') out[k] = String(v);
  return out;
}

const COLUMNS: ReadonlyArray<XlsxColumn<AuditView>> = [
  { header: '序号', width: 9, kind: 'int', value: (r) => r.id },
  { header: '时间', width: 20, value: (r) => formatDateTime(r.createdAt) },
  { header: '用户', width: 22, kind: 'wrap', value: (r) => r.actorName },
  { header: '操作', width: 28, kind: 'wrap', value: (r) => r.label },
  { header: '结果', width: 8, value: (r) => r.resultLabel },
  { header: '对象', width: 34, kind: 'wrap', value: (r) => r.record },
  { header: '详情', width: 34, kind: 'wrap', value: (r) => r.detail },
  { header: '来源地址', width: 18, value: (r) => r.ip },
];

export function auditRoutes(services: Services): Router {
  const router = Router();
  const auditor = requireRole('AUDITOR');

  router.get('/audit', auditor, async (req, res) => {
    const { form, filter } = readFilter(req);
    const chain = await services.audit.verify();
    const [page, actors] = await Promise.all([services.audit.list(req.user!, filter), services.audit.actors(req.user!)]);
    res.render('audit/index', {
      title: '审计日志',
      page,
      form,
      query: queryOf(form),
      actors,
      groups: AUDIT_GROUPS,
      results: RESULTS,
      chain,
    });
  });

  router.get('/audit.xlsx', auditor, async (req, res) => {
    const { form, filter } = readFilter(req);
    const rows = await services.audit.all(req.user!, filter);
    const book = await newWorkbook();
    const sheet = book.addWorksheet('审计日志', printA4Landscape({ headerRow: 2, title: '审计日志' }));
    const title = `审计日志（导出于${formatDate(services.now())}，共 ${rows.length} 条）`;
    sheet.mergeCells(1, 1, 1, COLUMNS.length);
    sheet.getCell(1, 1).value = title;
    sheet.getCell(1, 1).font = { size: 14, bold: true };
    writeTable(sheet, COLUMNS, rows, 2);
    await sendFile(res, {
      filename: `审计日志${formatDate(services.now())}.xlsx`,
      asciiName: 'audit-log.xlsx',
      type: 'xlsx',
      body: await book.xlsx.writeBuffer(),
      audit: { action: 'audit.export', detail: { rows: rows.length, filter: queryOf(form) } },
    });
  });

  router.get('/admin/security-events', requireRole('SECADMIN'), async (req, res) => {
    const { form, filter } = readFilter(req);
    const page = await services.audit.securityEvents(req.user!, filter);
    res.render('audit/security', { title: '安全事件', page, form, query: queryOf(form), results: RESULTS });
  });

  return router;
}
