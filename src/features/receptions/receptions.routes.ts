import { Router, type Request, type Response } from 'express';
import { openingYear } from '../../lib/years.js';
import type { Services } from '../../services.js';
import { requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { grantReveal, takeReveal } from '../../lib/reveal.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { formatDate, toDateInput } from '../../lib/format.js';
import { byVillage } from '../../lib/by-village.js';
import { noticeWarning, noticeWarningText, weekdayOf } from './receptions.notice.js';
import {
  answerSchema,
  opinionFilterSchema,
  opinionFormSchema,
  receptionFilterSchema,
  receptionFormSchema,
  recordFormSchema,
  referralAnswerSchema,
  referSchema,
} from './receptions.schemas.js';
import type { ReceptionDetail } from './receptions.service.js';
import { canManageReceptions, canSeeVoterContact } from './receptions.policy.js';
import { canMarkSpam } from '../opinions/opinions.policy.js';
import { opinionEventLabels } from '../opinions/opinions.history.js';

const RECEPTION_FIELDS = ['stationId', 'date', 'timeRange', 'noticePublishedOn', 'acceptLateNotice'] as const;
const OPINION_FIELDS = ['content', 'category', 'voterName', 'voterPhone', 'deputyId'] as const;

export function receptionsRoutes(services: Services): Router {
  const router = Router();
  const { receptions } = services;
  const canRead = requireRole('STAFF', 'PRESIDIUM', 'DEPUTY');
  const staff = requireRole('STAFF');

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    locals: { reception?: { id: number }; values: Record<string, unknown>; errors: FieldErrors; lateWarning?: string },
  ) => {
    const [stationOptions, deputyOptions] = await Promise.all([services.stations.options(req.user!), services.deputies.options(req.user!)]);
    res.status(status).render('receptions/form', {
      title: locals.reception ? '修改接待日安排' : '安排接待日',
      stationOptions,
      deputyGroups: byVillage(deputyOptions),
      lateWarning: locals.lateWarning ?? '',
      ...locals,
      reception: locals.reception ?? null,
    });
  };

  const renderShow = async (
    req: Request,
    res: Response,
    status: number,
    id: number,
    extra: { errors?: FieldErrors; values?: unknown } = {},
  ) => {
    const reception: ReceptionDetail = await receptions.get(req.user!, id);
    res.status(status).render('receptions/show', {
      title: `${reception.station.name} ${formatDate(reception.date)}接待日`,
      reception,
      noticeText: noticeWarningText(reception.notice),
      canManage: canManageReceptions(req.user!),
      errors: extra.errors ?? {},
      values: extra.values ?? { category: 'OTHER' },
    });
  };

  /** The schedule form's submit: a late notice needs the staff member's explicit confirmation. */
  const saveSchedule = async (req: Request, res: Response, id?: number) => {
    const values = submitted(req.body, RECEPTION_FIELDS, ['deputyIds']);
    const reception = id ? { id } : undefined;
    const form = parseForm(receptionFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 422, { reception, values, errors: form.errors });
    const warning = noticeWarning(
      { date: form.data.date, noticePublishedOn: form.data.noticePublishedOn, status: 'SCHEDULED' },
      services.now(),
    );
    if (warning && !form.data.acceptLateNotice) {
      const text = noticeWarningText(warning);
      return renderForm(req, res, 422, {
        reception,
        values,
        lateWarning: text,
        errors: { noticePublishedOn: `${text}如确需如此安排，请勾选“公告晚于规定时间，仍然保存”。` },
      });
    }
    let savedId = id ?? 0;
    const ok = await orRender(
      async () => {
        if (id) await receptions.update(req.user!, id, form.data);
        else savedId = (await receptions.create(req.user!, form.data)).id;
      },
      (errors) => renderForm(req, res, 422, { reception, values, errors }),
    );
    if (!ok) return;
    flash(
      req,
      warning ? 'info' : 'success',
      warning ? `接待日已保存。注意：${noticeWarningText(warning)}` : '接待日已保存，可打印公告张贴。',
    );
    res.redirect(303, `/receptions/${savedId}`);
  };

  router.get('/receptions', canRead, async (req, res) => {
    const years = await receptions.years(req.user!);
    const filter = { ...receptionFilterSchema.parse(req.query), ...openingYear(req, years, services.now()) };
    const [list, stationOptions, overdue] = await Promise.all([
      receptions.list(req.user!, filter),
      services.stations.options(req.user!),
      receptions.overdueCount(req.user!),
    ]);
    res.render('receptions/index', { title: '接待选民', receptions: list, years, stationOptions, filter, overdue, noticeWarningText });
  });

  router.get('/receptions/new', staff, async (req, res) => {
    const stationId = typeof req.query.stationId === 'string' ? req.query.stationId : '';
    await renderForm(req, res, 200, { values: { stationId, timeRange: '09:00-11:30', deputyIds: [] }, errors: {} });
  });

  router.post('/receptions', staff, (req, res) => saveSchedule(req, res));

  router.get('/receptions/:id', canRead, async (req, res) => {
    await renderShow(req, res, 200, parseId(req.params.id));
  });

  router.get('/receptions/:id/edit', staff, async (req, res) => {
    const r = await receptions.get(req.user!, parseId(req.params.id));
    const values = {
      stationId: String(r.stationId),
      date: toDateInput(r.date),
      timeRange: r.timeRange,
      noticePublishedOn: toDateInput(r.noticePublishedOn),
      deputyIds: r.deputies.map((d) => String(d.deputyId)),
    };
    await renderForm(req, res, 200, { reception: r, values, errors: {} });
  });

  router.post('/receptions/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    await receptions.get(req.user!, id);
    await saveSchedule(req, res, id);
  });

  router.post('/receptions/:id/cancel', staff, async (req, res) => {
    const id = parseId(req.params.id);
    await receptions.cancel(req.user!, id);
    flash(req, 'success', '接待日已取消，请及时通知选民。');
    res.redirect(303, `/receptions/${id}`);
  });

  /** The public notice (公告), an A4 page to print and post. */
  router.get('/receptions/:id/notice', canRead, async (req, res) => {
    const reception = await receptions.get(req.user!, parseId(req.params.id));
    res.render('receptions/notice', {
      title: `${reception.station.name}接待选民公告`,
      reception,
      weekday: weekdayOf(reception.date),
      noticeText: noticeWarningText(reception.notice),
      publishedOn: reception.noticePublishedOn ?? services.now(),
    });
  });

  const renderRecord = async (
    req: Request,
    res: Response,
    status: number,
    reception: ReceptionDetail,
    values: Record<string, unknown>,
    errors: FieldErrors,
  ) => {
    const options = await services.deputies.options(req.user!);
    const onDuty = new Set(reception.deputies.map((d) => d.deputyId));
    res.status(status).render('receptions/record', {
      title: `登记接待情况：${reception.station.name} ${formatDate(reception.date)}`,
      reception,
      onDuty: reception.deputies.map((d) => d.deputy),
      deputyGroups: byVillage(options.filter((d) => !onDuty.has(d.id))),
      values,
      errors,
    });
  };

  router.get('/receptions/:id/record', staff, async (req, res) => {
    const reception = await receptions.get(req.user!, parseId(req.params.id));
    const held = reception.status === 'HELD';
    const values = {
      presentIds: reception.deputies.filter((d) => !held || d.present).map((d) => String(d.deputyId)),
      voterCount: held ? String(reception.voterCount) : '',
      summary: reception.summary,
    };
    await renderRecord(req, res, 200, reception, values, {});
  });

  router.post('/receptions/:id/record', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const reception = await receptions.get(req.user!, id);
    const values = submitted(req.body, ['voterCount', 'summary'], ['presentIds']);
    const form = parseForm(recordFormSchema, req.body);
    if (!form.ok) return renderRecord(req, res, 422, reception, values, form.errors);
    const ok = await orRender(
      () => receptions.record(req.user!, id, form.data),
      (errors) => renderRecord(req, res, 422, reception, values, errors),
    );
    if (!ok) return;
    flash(req, 'success', '接待情况已登记。请逐条登记选民意见。');
    res.redirect(303, `/receptions/${id}#opinions`);
  });

  router.post('/receptions/:id/opinions', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, OPINION_FIELDS);
    const form = parseForm(opinionFormSchema, req.body);
    if (!form.ok) return renderShow(req, res, 422, id, { errors: form.errors, values });
    const ok = await orRender(
      () => receptions.addOpinion(req.user!, id, form.data),
      (errors) => renderShow(req, res, 422, id, { errors, values }),
    );
    if (!ok) return;
    flash(req, 'success', '已登记一条选民意见。');
    res.redirect(303, `/receptions/${id}#opinions`);
  });

  // ── opinions (民情民意) ──

  router.get('/opinions', canRead, async (req, res) => {
    const filter = opinionFilterSchema.parse(req.query);
    const [opinions, overdue] = await Promise.all([receptions.listOpinions(req.user!, filter), receptions.overdueCount(req.user!)]);
    res.render('opinions/index', { title: '民情民意', opinions, overdue, filter, canSearchPhone: canManageReceptions(req.user!) });
  });

  const renderOpinion = async (
    req: Request,
    res: Response,
    status: number,
    id: number,
    extra: { errors?: FieldErrors; values?: unknown; form?: string } = {},
  ) => {
    const revealed = takeReveal(req, `opinion:${id}`);
    const opinion = await receptions.getOpinion(req.user!, id, { revealed });
    await services.opinions.markRead(req.user!, opinion);
    const canManage = canManageReceptions(req.user!);
    const canHandle = await services.opinions.mayHandle(req.user!, opinion);
    const units = canManage
      ? await services.db.handlingUnit.findMany({
          where: { townshipId: req.user!.townshipId, active: true },
          select: { id: true, name: true },
          orderBy: { name: 'asc' },
        })
      : [];
    res.status(status).render('opinions/show', {
      title: '选民意见',
      opinion,
      canManage,
      canReveal: canSeeVoterContact(req.user!, opinion) && !revealed && opinion.voterPhone !== '',
      canHandle,
      canMarkSpam: canMarkSpam(req.user!, opinion),
      eventLabels: opinionEventLabels,
      units,
      today: toDateInput(services.now()),
      errors: extra.errors ?? {},
      values: extra.values ?? {},
      failedForm: extra.form ?? '',
    });
  };

  router.get('/opinions/:id', canRead, async (req, res) => {
    await renderOpinion(req, res, 200, parseId(req.params.id));
  });
  // 显示完整号码: the voter's full phone, for staff and the deputy a code opinion was sent to, audited (personal.reveal).
  router.post('/opinions/:id/reveal-phone', requireRole('STAFF', 'DEPUTY'), async (req, res) => {
    const id = parseId(req.params.id);
    await receptions.getOpinion(req.user!, id, { reveal: true, ip: req.ip });
    await grantReveal(req, `opinion:${id}`);
    res.redirect(303, `/opinions/${id}`);
  });

  router.post('/opinions/:id/answer', requireRole('STAFF', 'DEPUTY'), async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(answerSchema, req.body);
    if (!form.ok) return renderOpinion(req, res, 422, id, { errors: form.errors, values: submitted(req.body, ['answer']), form: 'answer' });
    await receptions.answer(req.user!, id, form.data);
    flash(req, 'success', req.user!.role === 'DEPUTY' ? '已答复，选民凭查询码可以看到。' : '已登记答复。');
    res.redirect(303, `/opinions/${id}`);
  });

  router.post('/opinions/:id/refer', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, ['unitId', 'dueDate']);
    const form = parseForm(referSchema, req.body);
    if (!form.ok) return renderOpinion(req, res, 422, id, { errors: form.errors, values, form: 'refer' });
    let unitName = '';
    const ok = await orRender(
      async () => (unitName = (await receptions.refer(req.user!, id, form.data)).name),
      (errors) => renderOpinion(req, res, 422, id, { errors, values, form: 'refer' }),
    );
    if (!ok) return;
    flash(req, 'success', `已转${unitName}办理，办理期限${formatDate(form.data.dueDate)}。`);
    res.redirect(303, `/opinions/${id}`);
  });

  router.post('/opinions/:id/referral-answer', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const form = parseForm(referralAnswerSchema, req.body);
    if (!form.ok)
      return renderOpinion(req, res, 422, id, {
        errors: form.errors,
        values: submitted(req.body, ['answer', 'answeredOn']),
        form: 'referral-answer',
      });
    await receptions.answerReferral(req.user!, id, form.data);
    flash(req, 'success', '已登记承办单位的答复，该转办意见已办结。');
    res.redirect(303, `/opinions/${id}`);
  });

  return router;
}
