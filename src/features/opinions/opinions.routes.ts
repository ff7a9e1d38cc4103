/** The deputy's queue of opinions sent through the codes, and the steps only code opinions have. */
import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId } from '../../lib/forms.js';
import { escalateSchema } from './opinions.schemas.js';
import { qrDataUrl, voterUrl } from './opinions.posters.js';
import type { TargetKind } from './opinions.service.js';

export function opinionsRoutes(services: Services): Router {
  const router = Router();
  const { opinions } = services;

  router.get('/me/opinions', requireRole('DEPUTY'), async (req, res) => {
    const list = await opinions.queue(req.user!);
    res.render('opinions/queue', { title: '选民扫码反映', opinions: list });
  });

  router.post('/opinions/:id/escalate', requireRole('DEPUTY'), async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(escalateSchema, req.body);
    await opinions.escalate(req.user!, id, form.ok ? form.data.note : '');
    flash(req, 'success', '已转交镇人大主席团，工作人员会转有关部门办理。');
    res.redirect(303, `/opinions/${id}`);
  });

  router.post('/opinions/:id/spam', requireRole('STAFF'), async (req, res) => {
    const id = parseId(req.params.id);
    const undo = (req.body as Record<string, unknown>).undo === '1';
    await opinions.markSpam(req.user!, id, !undo);
    flash(req, 'success', undo ? '已撤销无效标记。' : '已标记为无效信息，不再出现在代表的待办中。');
    res.redirect(303, `/opinions/${id}`);
  });

  // ── 代表码 / 联络站码: codes, posters and cards (staff) ──
  const staff = requireRole('STAFF');

  router.get('/codes', staff, async (req, res) => {
    const list = await opinions.codeList(req.user!);
    res.render('opinions/codes', { title: '代表码和联络站码', ...list });
  });

  for (const kind of ['d', 's'] as const satisfies TargetKind[]) {
    router.post(`/codes/${kind}/:id/issue`, staff, async (req, res) => {
      const id = parseId(req.params.id);
      if (kind === 'd') await opinions.issueDeputyCode(req.user!, id);
      else await opinions.issueStationCode(req.user!, id);
      flash(req, 'success', '已生成新的二维码。原来张贴的二维码已失效，请打印新海报替换。');
      res.redirect(303, `/codes#${kind}-${id}`);
    });

    router.post(`/codes/${kind}/:id/revoke`, staff, async (req, res) => {
      const id = parseId(req.params.id);
      await opinions.revokeCode(req.user!, kind, id);
      flash(req, 'success', '二维码已停用，扫码将提示已失效。');
      res.redirect(303, `/codes#${kind}-${id}`);
    });

    /** The A4 poster to post at the station, the village office, the market. */
    router.get(`/codes/${kind}/:id/poster`, staff, async (req, res) => {
      const p = await opinions.poster(req.user!, kind, parseId(req.params.id));
      const url = voterUrl(req, kind, p.code);
      res.render('opinions/poster', { title: `${p.name}二维码海报`, p, url, qr: await qrDataUrl(url), backHref: '/codes' });
    });
  }

  router.post('/codes/issue-missing', staff, async (req, res) => {
    await opinions.ensureCodes(req.user!);
    flash(req, 'success', '已为所有在任代表和联络站生成二维码。');
    res.redirect(303, '/codes');
  });

  /** A sheet of small cards, one per deputy with a code, 8 to an A4 page. */
  router.get('/codes/cards', staff, async (req, res) => {
    const { deputies, townshipName } = await opinions.codeList(req.user!);
    const cards = await Promise.all(
      deputies
        .filter((d) => d.voterCode)
        .map(async (d) => {
          const url = voterUrl(req, 'd', d.voterCode!);
          return { ...d, url, qr: await qrDataUrl(url) };
        }),
    );
    res.render('opinions/cards', { title: '代表码卡片', cards, townshipName, backHref: '/codes' });
  });

  return router;
}
