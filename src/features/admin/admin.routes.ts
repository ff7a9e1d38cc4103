import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { bulkSchema, editUserSchema, newUserSchema, userFilterSchema } from './admin.schemas.js';
import { MANAGEABLE_ROLES } from './admin.policy.js';
import { credentialsWorkbook, type Credential, type CredentialBatch, type Sealer } from './credentials.js';
import { settingsRoutes } from './settings.routes.js';
import { sendFile } from '../../lib/download.js';

const NEW_USER_FIELDS = ['role', 'displayName', 'title', 'username', 'deputyId', 'unitId'] as const;

/** /admin: the system administrator's accounts, and (settings.routes) units, township, security. */
export function adminRoutes(services: Services, sealer: Sealer): Router {
  const router = Router();
  const { admin } = services;
  const sysadmin = requireRole('SYSADMIN');

  router.get('/admin', requireRole('SYSADMIN', 'SECADMIN'), (req, res) => {
    res.redirect(303, req.user!.role === 'SYSADMIN' ? '/admin/users' : '/admin/locks');
  });

  // ── the account list ──

  router.get('/admin/users', sysadmin, async (req, res) => {
    const filter = userFilterSchema.parse(req.query);
    const [page, counts] = await Promise.all([admin.users.list(req.user!, filter), admin.users.counts(req.user!)]);
    res.render('admin/users/index', { title: '账号管理', page, counts, filter, roles: MANAGEABLE_ROLES });
  });

  // ── one account ──

  const renderNew = async (req: Request, res: Response, status: number, values: unknown, errors: FieldErrors) => {
    const options = await admin.users.formOptions(req.user!);
    res.status(status).render('admin/users/new', { title: '新建账号', values, errors, ...options, roles: MANAGEABLE_ROLES });
  };

  router.get('/admin/users/new', sysadmin, async (req, res) => {
    await renderNew(req, res, 200, { role: 'STAFF' }, {});
  });

  /** Keeps a batch of temporary passwords in the administrator's session (sealed) for the slips. */
  const keepBatch = (req: Request, kind: CredentialBatch['kind'], items: Credential[]) => {
    req.session.credentials = sealer.seal({ createdAt: Date.now(), kind, items });
  };

  router.post('/admin/users', sysadmin, async (req, res) => {
    const values = submitted(req.body, NEW_USER_FIELDS);
    const form = parseForm(newUserSchema, req.body);
    if (!form.ok) return renderNew(req, res, 422, values, form.errors);
    let created: Credential | null = null;
    const ok = await orRender(
      async () => (created = await admin.users.create(req.user!, form.data)),
      (errors) => renderNew(req, res, 422, values, errors),
    );
    if (!ok || !created) return;
    keepBatch(req, 'create', [created]);
    flash(req, 'success', `已创建账号“${(created as Credential).username}”。请打印登录通知单交给本人。`);
    res.redirect(303, '/admin/credentials');
  });

  const renderShow = async (req: Request, res: Response, status: number, id: number, errors: FieldErrors = {}, values?: unknown) => {
    const account = await admin.users.get(req.user!, id);
    res.status(status).render('admin/users/show', { title: `账号：${account.displayName}`, account, errors, values: values ?? account });
  };

  router.get('/admin/users/bulk', sysadmin, async (req, res) => {
    const deputies = await admin.users.bulkPreview(req.user!);
    res.render('admin/users/bulk', { title: '为代表批量创建账号', deputies, errors: {}, values: {} });
  });

  router.post('/admin/users/bulk', sysadmin, async (req, res) => {
    const form = parseForm(bulkSchema, req.body);
    const ids = form.ok ? form.data.deputyIds : [];
    let created: Credential[] = [];
    const ok = await orRender(
      async () => (created = await admin.users.bulkCreate(req.user!, ids)),
      async (errors) => {
        const deputies = await admin.users.bulkPreview(req.user!);
        res.status(422).render('admin/users/bulk', { title: '为代表批量创建账号', deputies, errors, values: {} });
      },
    );
    if (!ok) return;
    keepBatch(req, 'bulk', created);
    flash(req, 'success', `已为${created.length}位代表创建账号。请打印登录通知单，逐一交给代表本人。`);
    res.redirect(303, '/admin/credentials');
  });

  router.get('/admin/users/:id', sysadmin, async (req, res) => {
    await renderShow(req, res, 200, parseId(req.params.id));
  });

  router.post('/admin/users/:id', sysadmin, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, ['displayName', 'title']);
    const form = parseForm(editUserSchema, req.body);
    if (!form.ok) return renderShow(req, res, 422, id, form.errors, values);
    await admin.users.update(req.user!, id, form.data, req.ip);
    flash(req, 'success', '账号信息已保存。');
    res.redirect(303, `/admin/users/${id}`);
  });

  router.post('/admin/users/:id/reset-password', sysadmin, async (req, res) => {
    const id = parseId(req.params.id);
    let credential: Credential | null = null;
    const ok = await orRender(
      async () => (credential = await admin.users.resetPassword(req.user!, id, req.ip)),
      (errors) => renderShow(req, res, 422, id, errors),
    );
    if (!ok || !credential) return;
    keepBatch(req, 'reset', [credential]);
    flash(req, 'success', '密码已重置，原有登录已全部退出。请打印新的登录通知单交给本人。');
    res.redirect(303, '/admin/credentials');
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`/admin/users/:id/${path}`, sysadmin, async (req, res) => {
      const id = parseId(req.params.id);
      await admin.users.setActive(req.user!, id, active, req.ip);
      flash(req, 'success', active ? '账号已启用。' : '账号已停用，该账号的登录已全部退出。');
      res.redirect(303, `/admin/users/${id}`);
    });
  }

  router.post('/admin/users/:id/end-sessions', sysadmin, async (req, res) => {
    const id = parseId(req.params.id);
    const count = await admin.users.endSessions(req.user!, id, req.ip);
    flash(req, 'success', count ? `已退出该账号的${count}处登录。` : '该账号当前没有登录。');
    res.redirect(303, `/admin/users/${id}`);
  });

  // ── the temporary passwords just made: list, A4 slips, .xlsx ──

  const batchOf = (req: Request) => sealer.open(req.session.credentials, Date.now());
  /** The address printed on the slips: the township's setting, or the one the administrator uses. */
  const portalOf = async (req: Request) => {
    const township = await admin.township.get(req.user!);
    return { ...township, portalUrl: township.portalUrl || `${req.protocol}://${req.get('host') ?? ''}` };
  };

  router.get('/admin/credentials', sysadmin, (req, res) => {
    res.render('admin/users/credentials', { title: '登录通知单', batch: batchOf(req) });
  });

  router.get('/admin/credentials/slips', sysadmin, async (req, res) => {
    const batch = batchOf(req);
    if (!batch) return res.redirect(303, '/admin/credentials');
    const township = await admin.township.get(req.user!);
    await services.audit.record(req.user!, {
      action: 'user.credentials-print',
      entity: 'User',
      detail: { count: batch.items.length },
      ip: req.ip,
    });
    res.render('admin/users/slips', { title: '登录通知单', batch, township, policy: await services.policies.get() });
  });

  router.get('/admin/credentials.xlsx', sysadmin, async (req, res) => {
    const batch = batchOf(req);
    if (!batch) return res.redirect(303, '/admin/credentials');
    const file = await credentialsWorkbook(batch, await portalOf(req));
    await sendFile(res, {
      filename: '账号与初始密码.xlsx',
      asciiName: 'accounts.xlsx',
      type: 'xlsx',
      body: file,
      audit: { action: 'user.credentials-export', entity: 'User', detail: { count: batch.items.length } },
    });
  });

  router.post('/admin/credentials/clear', sysadmin, async (req, res) => {
    delete req.session.credentials;
    await services.audit.record(req.user!, { action: 'user.credentials-clear' });
    flash(req, 'success', '初始密码已从本页清除。');
    res.redirect(303, '/admin/users');
  });

  router.use(settingsRoutes(services));
  return router;
}
