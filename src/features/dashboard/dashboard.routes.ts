import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { parseForm } from '../../lib/forms.js';
import { formatWan } from '../../lib/format.js';
import { defaultYear, yearOptions } from '../../lib/years.js';
import { yearQuerySchema } from '../reports/reports.schemas.js';
import { percentText } from '../reports/reports.figures.js';
import { yearCharts } from './dashboard.charts.js';
import { cached, cachedPage, minuteKeys, renderView, sendPage } from '../../lib/cached.js';

/** 数据看板: the year's figures as server-rendered SVG charts (no client JavaScript). */
export function dashboardRoutes(services: Services): Router {
  const router = Router();
  router.get('/dashboard', requireRole('STAFF', 'PRESIDIUM'), async (req, res) => {
    const user = req.user!;
    // The years with data are kept until a record changes.
    const years = await cached(services.db, `dashboard-years:${user.townshipId}`, 'records', 10 * 60_000, async () => {
      const [sYears, pYears, aYears] = await Promise.all([
        services.suggestionStats.years(user),
        services.projects.years(user),
        services.activities.years(user),
      ]);
      return [...sYears, ...pYears, ...aYears];
    });
    const form = parseForm(yearQuerySchema, req.query);
    const year = (form.ok && form.data.year) || defaultYear(years, services.now());
    // The township's figures and charts, the same for every office user: rendered once per change and minute.
    const keys = minuteKeys(services.now(), (minute) => `dashboard-page:${user.townshipId}:${year}:${minute}:${years.join()}`);
    const page = await cachedPage(
      services.db,
      keys.key,
      'records',
      60_000,
      async () => {
        const { data } = await services.reports.live(user, year);
        const s = data.suggestions.total;
        const body = await renderView(req, 'dashboard/index', {
          year,
          years: yearOptions(years, year),
          charts: yearCharts(data),
          tiles: [
            { label: '收到代表建议', value: `${data.suggestions.received}件` },
            { label: '办复率', value: percentText(s.replied, s.assigned) ?? '—' },
            { label: '满意率', value: percentText(s.satisfied, s.rated) ?? '—' },
            { label: '民生实事项目', value: `${data.projects.length}件` },
            { label: '项目投资', value: formatWan(data.projects.reduce((x, p) => x + p.budgetYuan, 0)) },
            { label: '代表活动', value: `${data.totalPersonTimes}人次` },
            { label: '选民扫码反映', value: `${data.codes.total.received}条` },
            { label: '扫码意见7日内答复率', value: percentText(data.codes.total.onTime, data.codes.total.received) ?? '—' },
          ],
          codes: data.codes,
        });
        return { title: '数据看板', body };
      },
      keys.previousKey,
    );
    sendPage(res, page);
  });
  return router;
}
