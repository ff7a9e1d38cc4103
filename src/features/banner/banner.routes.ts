import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { streamFile } from '../../lib/download.js';
import { defaultYear, yearOptions } from '../../lib/years.js';
import { bannerLedgerSchema, bannerYearSchema, firstAccountSchema, newTownshipSchema, townshipHostsSchema } from './banner.schemas.js';
import { bannerLedger } from './banner.export.js';
import { FIRST_ACCOUNT_ROLES } from './banner.policy.js';

const TOWNSHIP_FIELDS = ['name', 'county', 'portalUrl', 'contactPhone', 'congressTerm', 'congressStart', 'hosts'] as const;
const ACCOUNT_FIELDS = ['role', 'displayName', 'title', 'username'] as const;

/**
 * /banner: the 旗人大常委会's read-only view across townships (BANNER_VIEWER), and the banner
 * administrator's townships and first accounts (BANNER_ADMIN). No township user reaches them, and
 * neither banner role reaches a township page.
 */
export function bannerRoutes(services: Services): Router {
  const router = Router();
  const { banner } = services;
  const viewer = requireRole('BANNER_VIEWER');
  const admin = requireRole('BANNER_ADMIN');

  /** The banner's name: the 所属旗 the townships share. */
  const bannerName = async () => (await banner.townships()).find((t) => t.county)?.county ?? '全旗';

  router.get('/banner', viewer, async (req, res) => {
    const years = await banner.years(req.user!);
    const year = bannerYearSchema.parse(req.query).year ?? defaultYear(years, services.now());
    const [overview, name] = await Promise.all([banner.overview(req.user!, year), bannerName()]);
    res.render('banner/index', {
      title: `${name}${year}年各镇代表建议办理汇总`,
      banner: name,
      year,
      years: yearOptions(years, year),
      ...overview,
    });
  });

  router.get('/banner/suggestions', viewer, async (req, res) => {
    const filter = bannerLedgerSchema.parse(req.query);
    const [page, townships, years, name] = await Promise.all([
      banner.ledger(req.user!, filter),
      banner.townships(),
      banner.years(req.user!),
      bannerName(),
    ]);
    const query = new URLSearchParams(
      Object.entries(filter).flatMap(([k, v]) => (v === undefined || v === '' || k === 'page' ? [] : [[k, String(v)]])),
    ).toString();
    res.render('banner/suggestions', { title: `${name}代表建议台账`, banner: name, page, filter, townships, years, query });
  });

  router.get('/banner/suggestions/export.xlsx', viewer, async (req, res) => {
    const filter = bannerLedgerSchema.parse(req.query);
    const [{ total, batches }, name] = await Promise.all([banner.ledgerAll(req.user!, filter), bannerName()]);
    await streamFile(res, {
      filename: `${name}代表建议台账${filter.year ? `-${filter.year}年` : ''}.xlsx`,
      asciiName: 'banner-suggestions.xlsx',
      type: 'xlsx',
      write: (out) => bannerLedger(out, batches, name, filter.year),
      audit: { action: 'banner.suggestion.export', detail: { rows: total, year: filter.year ?? null } },
    });
  });

  // ── the banner administrator ──

  router.get('/banner/townships', admin, async (req, res) => {
    res.render('banner/townships', { title: '镇管理', townships: await banner.townshipList(req.user!) });
  });

  const renderNewTownship = (res: Response, status: number, values: unknown, errors: FieldErrors) =>
    res.status(status).render('banner/township-new', { title: '开设新镇', values, errors });

  router.get('/banner/townships/new', admin, (req, res) => {
    renderNewTownship(res, 200, { congressTerm: '1' }, {});
  });

  router.post('/banner/townships', admin, async (req, res) => {
    const values = submitted(req.body, TOWNSHIP_FIELDS);
    const form = parseForm(newTownshipSchema, req.body);
    if (!form.ok) return renderNewTownship(res, 422, values, form.errors);
    const done = await orRender(
      () => banner.createTownship(req.user!, form.data),
      (errors) => renderNewTownship(res, 422, values, errors),
    );
    if (!done) return;
    flash(req, 'success', `已开设${done.value.name}。请为它创建首个系统管理员账号。`);
    res.redirect(303, `/banner/townships/${done.value.id}/accounts/new`);
  });

  // A township's host names: the addresses at which its public pages and login page are its own.
  const renderHosts = async (req: Request, res: Response, status: number, values: unknown, errors: FieldErrors) => {
    const township = await banner.township(req.user!, parseId(req.params.id));
    res.status(status).render('banner/township-hosts', { title: `${township.name}：访问域名`, township, values, errors });
  };

  router.get('/banner/townships/:id/hosts', admin, async (req, res) => {
    const township = await banner.township(req.user!, parseId(req.params.id));
    await renderHosts(req, res, 200, { hosts: township.hosts.join('\n') }, {});
  });

  router.post('/banner/townships/:id/hosts', admin, async (req, res) => {
    const values = submitted(req.body, ['hosts']);
    const form = parseForm(townshipHostsSchema, req.body);
    if (!form.ok) return renderHosts(req, res, 422, values, form.errors);
    const done = await orRender(
      () => banner.setHosts(req.user!, parseId(req.params.id), form.data.hosts),
      (errors) => renderHosts(req, res, 422, values, errors),
    );
    if (!done) return;
    const { name, hosts } = done.value;
    flash(req, 'success', hosts.length ? `已设置${name}的访问域名：${hosts.join('、')}。` : `已清除${name}的访问域名。`);
    res.redirect(303, '/banner/townships');
  });

  const renderAccount = async (req: Request, res: Response, status: number, values: unknown, errors: FieldErrors) => {
    const township = await banner.township(req.user!, parseId(req.params.id));
    res
      .status(status)
      .render('banner/account-new', { title: `${township.name}：创建首个账号`, township, values, errors, roles: FIRST_ACCOUNT_ROLES });
  };

  router.get('/banner/townships/:id/accounts/new', admin, async (req, res) => {
    await renderAccount(req, res, 200, { role: 'SYSADMIN' }, {});
  });

  router.post('/banner/townships/:id/accounts', admin, async (req, res) => {
    const values = submitted(req.body, ACCOUNT_FIELDS);
    const form = parseForm(firstAccountSchema, req.body);
    if (!form.ok) return renderAccount(req, res, 422, values, form.errors);
    const done = await orRender(
      () => banner.createFirstAccount(req.user!, parseId(req.params.id), form.data),
      (errors) => renderAccount(req, res, 422, values, errors),
    );
    if (!done) return;
    // The temporary password is shown once, on this answer; a reload cannot make a second account.
    res.status(201).render('banner/account-created', { title: '账号已创建', credential: done.value });
  });

  return router;
}
