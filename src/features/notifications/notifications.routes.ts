import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { parseId } from '../../lib/forms.js';

const pageSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

/** Puts the unread count into every logged-in page (the bell). */
export function notificationCount(services: Services): RequestHandler {
  return async (req, res, next) => {
    res.locals.notificationCount = req.user && req.method === 'GET' ? await services.notifications.unreadCount(req.user) : 0;
    next();
  };
}

export function notificationsRoutes(services: Services): Router {
  const router = Router();
  const recipients = requireRole(...DOMAIN_ROLES); // the administrators get no notifications

  router.get('/notifications', recipients, async (req, res) => {
    const { page } = pageSchema.parse(req.query);
    const list = await services.notifications.list(req.user!, page);
    res.render('notifications/index', { title: '提醒', page: list });
  });

  router.post('/notifications/read-all', recipients, async (req, res) => {
    await services.notifications.readAll(req.user!);
    res.redirect(303, '/notifications');
  });

  router.post('/notifications/:id/open', recipients, async (req, res) => {
    const link = await services.notifications.open(req.user!, parseId(req.params.id));
    res.redirect(303, link.startsWith('/') && !link.startsWith('//') ? link : '/notifications');
  });

  return router;
}
