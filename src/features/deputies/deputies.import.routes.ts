import { fieldText, orRender } from '../../lib/form-flow.js';
import { sendFile, type DownloadAudit } from '../../lib/download.js';
import { Router, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { MAX_UPLOAD_BYTES } from '../../middleware/multipart.js';
import { NotFoundError } from '../../errors.js';
import { formatDate, toDateInput } from '../../lib/format.js';
import { deputyFilterSchema } from './deputies.schemas.js';
import { base, ROSTER_COLUMNS } from './deputies.import.js';
import { invalidRowsWorkbook, rosterWorkbook, templateWorkbook } from './deputies.import.workbooks.js';
import { SYNC_ROWS, type ImportJob } from './deputies.import.jobs.js';
import { MAX_ROWS } from './deputies.import.read.js';

/** Rows shown in the preview of how the file was read. */
const PREVIEW_ROWS = 200;

function sendXlsx(res: Response, filename: string, buffer: Buffer, audit: DownloadAudit) {
  return sendFile(res, { filename, asciiName: 'roster.xlsx', type: 'xlsx', body: buffer, audit });
}

const jobId = (v: unknown): string => {
  if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/.test(v)) throw new NotFoundError();
  return v;
};

/** Roster import (upload → check → import) and export; mounted before /deputies/:id. */
export function deputiesImportRoutes(services: Services): Router {
  const router = Router();
  const { rosterImports } = services;
  const staff = requireRole('STAFF');
  const office = requireRole('STAFF', 'PRESIDIUM');
  const maxMb = Math.round(MAX_UPLOAD_BYTES / 1024 / 1024);

  const renderUpload = (res: Response, status: number, errors: Record<string, string>) =>
    res.status(status).render('deputies/import', {
      title: '导入代表名册',
      errors,
      maxMb,
      maxRows: MAX_ROWS,
      columnNames: ROSTER_COLUMNS.map((c) => c.header.replace(/（市\/旗.*$/, '')),
    });

  const renderJob = (res: Response, job: ImportJob, errors: Record<string, string> = {}, status = 200) => {
    const invalid = job.results.filter((r) => r.errors.length);
    res.status(status).render('deputies/import-result', {
      title: '导入代表名册',
      job,
      invalid,
      validCount: job.results.length - invalid.length,
      preview: job.results.filter((r) => r.read).slice(0, PREVIEW_ROWS),
      previewLimit: PREVIEW_ROWS,
      previewHeaders: ROSTER_COLUMNS.map((c) => base(c.header)),
      errors,
    });
  };

  router.get('/deputies/export.xlsx', office, async (req, res) => {
    const filter = deputyFilterSchema.parse(req.query);
    const rows = await services.deputies.listAll(req.user!, filter);
    await sendXlsx(
      res,
      `代表名册-${toDateInput(services.now())}.xlsx`,
      await rosterWorkbook(rows, `代表名册（${formatDate(services.now())}导出）`),
      { action: 'deputy.export', detail: { rows: rows.length } },
    );
  });

  router.get('/deputies/import', staff, (_req, res) => renderUpload(res, 200, {}));

  router.get('/deputies/import/template.xlsx', staff, async (_req, res) => {
    await sendXlsx(res, '代表名册导入模板.xlsx', await templateWorkbook(), { action: 'deputy.import.template' });
  });

  router.post('/deputies/import', staff, async (req, res) => {
    const file = req.files?.file;
    if (!file || !file.size) return renderUpload(res, 422, { file: '请选择要上传的名册文件（.xlsx 或 .csv）' });
    const started = await orRender(
      () => rosterImports.start(req.user!, { buffer: file.buffer, filename: file.filename }),
      (errors) => renderUpload(res, 422, errors),
    );
    if (!started) return;
    const job: ImportJob = started.value;
    // Small files are checked before answering; large ones show the progress page meanwhile.
    if (job.total <= SYNC_ROWS) await job.checked;
    res.redirect(303, `/deputies/import/${job.id}`);
  });

  router.get('/deputies/import/:job', staff, async (req, res) => {
    renderJob(res, await rosterImports.get(req.user!, jobId(req.params.job)));
  });

  router.get('/deputies/import/:job/invalid.xlsx', staff, async (req, res) => {
    const job = await rosterImports.get(req.user!, jobId(req.params.job));
    const invalid = job.results.filter((r) => r.errors.length);
    await sendXlsx(res, '未导入的行.xlsx', await invalidRowsWorkbook(invalid), {
      action: 'deputy.import.invalid-export',
      detail: { rows: invalid.length },
    });
  });

  router.post('/deputies/import/:job/commit', staff, async (req, res) => {
    const job = await rosterImports.get(req.user!, jobId(req.params.job));
    const mode = fieldText(req.body, 'mode') === 'valid' ? 'valid' : 'all';
    const imported = await orRender(
      () => rosterImports.commit(req.user!, job.id, mode),
      (errors) => renderJob(res, job, errors, 422),
    );
    if (!imported) return;
    flash(req, 'success', `已导入${imported.value}名代表。`);
    res.redirect(303, `/deputies/import/${job.id}`);
  });

  return router;
}
