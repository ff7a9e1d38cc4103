/** The voters' side of the codes: no login, made for a phone. */
import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import type { Csrf } from '../../middleware/csrf.js';
import { NotFoundError, RateLimitedError } from '../../errors.js';
import { parseForm, type FieldErrors } from '../../lib/forms.js';
import { submitted } from '../../lib/form-flow.js';
import { opinionRatingLabels } from '../../lib/labels.js';
import { OPINION_MAX, VOTER_FIELDS, ratingSchema, trackingCodeSchema, voterOpinionSchema } from './opinions.schemas.js';
import type { PublicTarget, TargetKind } from './opinions.service.js';
import { townshipAppName } from '../../lib/app-name.js';

const POSTER_CODE = /^[2-9A-HJKMNP-Z]{12}$/;

export function voterRoutes(services: Services, csrf: Csrf): Router {
  const router = Router();
  const { opinions } = services;

  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  /** The deputy or station of a poster's code; the page is its township's, whatever the host name. */
  async function targetOf(res: Response, kind: TargetKind, code: string | string[] | undefined): Promise<PublicTarget> {
    if (typeof code !== 'string' || !POSTER_CODE.test(code)) throw new NotFoundError('这个二维码已失效或不存在。');
    const target = await opinions.target(kind, code);
    res.locals.appName = townshipAppName(target.townshipName);
    return target;
  }

  const renderForm = (
    req: Request,
    res: Response,
    status: number,
    target: PublicTarget,
    values: unknown,
    errors: FieldErrors,
    limited = '',
  ) => {
    noStore(res);
    res.status(status).render('voters/form', {
      title: target.kind === 'd' ? `给${target.name}代表反映问题` : `向${target.name}反映问题`,
      target,
      values,
      errors,
      limited,
      max: OPINION_MAX,
      publicCsrf: csrf.loginToken(req, res),
    });
  };

  for (const kind of ['d', 's'] as const) {
    router.get(`/v/${kind}/:code`, async (req, res) => {
      const target = await targetOf(res, kind, req.params.code);
      renderForm(req, res, 200, target, {}, {});
    });

    router.post(`/v/${kind}/:code`, async (req, res) => {
      const target = await targetOf(res, kind, req.params.code);
      const values = submitted(req.body, VOTER_FIELDS);
      const form = parseForm(voterOpinionSchema, req.body);
      if (!form.ok) return renderForm(req, res, 422, target, values, form.errors);
      let code: string;
      try {
        code = await opinions.submit(target, form.data, req.ip ?? '');
      } catch (e) {
        if (e instanceof RateLimitedError) return renderForm(req, res, 429, target, values, {}, e.message);
        throw e;
      }
      noStore(res);
      res.status(201).render('voters/sent', { title: '已收到您的意见', target, code });
    });
  }

  router.get('/v/track', (req, res) => {
    const raw = typeof req.query.code === 'string' ? req.query.code : '';
    if (raw) {
      const code = trackingCodeSchema.safeParse(raw);
      if (code.success) return res.redirect(303, `/v/track/${code.data}`);
      return res
        .status(422)
        .render('voters/lookup', { title: '查询办理进度', values: { code: raw }, errors: { code: '查询码格式不正确，请核对后重新输入' } });
    }
    res.render('voters/lookup', { title: '查询办理进度', values: {}, errors: {} });
  });

  const renderTrack = async (req: Request, res: Response, status: number, code: string, errors: FieldErrors = {}) => {
    const o = await opinions.track(code);
    res.locals.appName = townshipAppName(o.townshipName); // the opinion's township, whatever the host name
    noStore(res);
    res.status(status).render('voters/track', {
      title: '办理进度',
      o,
      errors,
      values: {},
      ratings: opinionRatingLabels,
      publicCsrf: csrf.loginToken(req, res),
    });
  };

  const trackingCode = (raw: string | string[] | undefined) => {
    const code = trackingCodeSchema.safeParse(raw);
    if (!code.success) throw new NotFoundError('没有找到这个查询码对应的意见，请核对后重新输入。');
    return code.data;
  };

  router.get('/v/track/:code', async (req, res) => {
    await renderTrack(req, res, 200, trackingCode(req.params.code));
  });

  router.post('/v/track/:code/rate', async (req, res) => {
    const code = trackingCode(req.params.code);
    const form = parseForm(ratingSchema, req.body);
    if (!form.ok) return renderTrack(req, res, 422, code, form.errors);
    await opinions.rate(code, form.data.rating, req.ip ?? '');
    res.redirect(303, `/v/track/${code}?rated=1`);
  });

  return router;
}
