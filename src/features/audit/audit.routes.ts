import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { formatDate, parseDateInput } from '../../lib/format.js';
import { streamFile } from '../../lib/download.js';
import { auditExportTitle, writeAuditLog } from './audit.export.js';
import { AUDIT_GROUPS, RESULTS } from './audit.labels.js';
import type { AuditFilter } from './audit.service.js';

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
    const { matched, rows, batches } = await services.audit.export(req.user!, filter);
    const day = formatDate(services.now());
    await streamFile(res, {
      filename: `审计日志${day}.xlsx`,
      asciiName: 'audit-log.xlsx',
      type: 'xlsx',
      write: (out) =>
        writeAuditLog(out, {
          creator: `${req.user!.townshipName ?? ''}人大主席团工作平台`,
          title: auditExportTitle(day, { matched, rows }),
          batches,
        }),
      audit: { action: 'audit.export', detail: { rows, filter: queryOf(form) } },
    });
  });

  router.get('/admin/security-events', requireRole('SECADMIN'), async (req, res) => {
    const { form, filter } = readFilter(req);
    const page = await services.audit.securityEvents(req.user!, filter);
    res.render('audit/security', { title: '安全事件', page, form, query: queryOf(form), results: RESULTS });
  });

  return router;
}
