import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireLogin } from '../../middleware/require-role.js';
import { cachedPage, renderView, sendPage } from '../../lib/cached.js';

export function homeRoutes(services: Services): Router {
  const router = Router();

  router.get('/', requireLogin, async (req, res) => {
    const user = req.user!;
    switch (user.role) {
      case 'STAFF':
        return res.render('home/staff', { title: '工作台', ...(await services.home.staff(user)) });
      case 'PRESIDIUM': {
        const [home, ballots, liaison] = await Promise.all([
          services.home.presidium(user),
          services.voting.pendingBallots(user),
          services.liaison.mine(user),
        ]);
        return res.render('home/presidium', { title: '工作台', ...home, ballots, notContacted: liaison.notContacted });
      }
      case 'DEPUTY': {
        // Kept per deputy and minute until a record changes: deputies come back to it from their phones.
        const minute = Math.floor(services.now().getTime() / 60_000);
        const page = await cachedPage(services.db, `home-deputy:${user.id}:${minute}`, 'records', 60_000, async () => {
          const [home, ballots, openOpinions] = await Promise.all([
            services.home.deputy(user),
            services.voting.pendingBallots(user),
            services.opinions.openCount(user),
          ]);
          return {
            title: '我的首页',
            body: await renderView(req, 'home/deputy', { user, ...home, ballots, openOpinions }, { forms: true }),
          };
        });
        return sendPage(res, page);
      }
      case 'UNIT':
        return res.render('home/unit', { title: '承办工作台', ...(await services.home.unit(user)) });
      case 'AUDITOR':
        return res.redirect(303, '/audit');
      case 'SYSADMIN':
        return res.redirect(303, '/admin/users');
      case 'SECADMIN':
        return res.redirect(303, '/admin/locks');
      case 'BANNER_VIEWER':
        return res.redirect(303, '/banner');
      case 'BANNER_ADMIN':
        return res.redirect(303, '/banner/townships');
    }
  });

  return router;
}
