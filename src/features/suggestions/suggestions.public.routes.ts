import { Router, type Response } from 'express';
import type { Services } from '../../services.js';
import { parseId } from '../../lib/forms.js';
import { townshipAppName } from '../../lib/app-name.js';
import { NotFoundError } from '../../errors.js';
import type { HostTownship } from '../banner/banner.hosts.js';

/**
 * Public results (代表法第四十二条): no login, no contact data. `/public/suggestions` shows the
 * township of the host name (middleware/served-township); at the banner's address of several
 * townships it offers the townships, each at `/public/t/<id>/suggestions`, which works without any
 * host name set up. A township's host never shows another township's page.
 */
export function publicSuggestionsRoutes(services: Services): Router {
  const router = Router();
  const stats = services.suggestionStats;

  /** The township named in the path: one of the deployment's, and the host's own when the host has one. */
  function pathTownship(res: Response, param: string | string[] | undefined): HostTownship {
    const served = res.locals.served!;
    const id = parseId(param);
    const township = served.townships.find((t) => t.id === id);
    if (!township || (served.township && served.township.id !== id)) throw new NotFoundError('没有找到这个镇的公开页面。');
    res.locals.appName = townshipAppName(township.name);
    return township;
  }

  async function renderList(res: Response, query: Record<string, unknown>, township: HostTownship, base: string) {
    const year = Number(query.year) || undefined;
    const page = Math.max(1, Number(query.page) || 1);
    const list = await stats.publicList(township.id, year, page);
    res.render('suggestions/public-index', { title: `${township.name}代表建议办理结果公开`, ...list, year, township, base });
  }

  async function renderOne(res: Response, township: HostTownship, id: number, base: string) {
    const s = await stats.publicOne(township.id, id);
    res.render('suggestions/public-show', { title: s.title, s, township, base });
  }

  router.get('/public/suggestions', async (req, res) => {
    const { township, townships, banner } = res.locals.served!;
    if (township) return renderList(res, req.query, township, '/public/suggestions');
    res.render('suggestions/public-townships', { title: '代表建议办理结果公开', townships, banner });
  });

  router.get('/public/suggestions/:id', async (req, res) => {
    const { township } = res.locals.served!;
    if (!township) throw new NotFoundError('请先在“代表建议办理结果公开”页面选择镇。');
    await renderOne(res, township, parseId(req.params.id), '/public/suggestions');
  });

  router.get('/public/t/:township/suggestions', async (req, res) => {
    const township = pathTownship(res, req.params.township);
    await renderList(res, req.query, township, `/public/t/${township.id}/suggestions`);
  });

  router.get('/public/t/:township/suggestions/:id', async (req, res) => {
    const township = pathTownship(res, req.params.township);
    await renderOne(res, township, parseId(req.params.id), `/public/t/${township.id}/suggestions`);
  });

  return router;
}
