import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { DOMAIN_ROLES, requireRole } from '../../middleware/require-role.js';
import { flash } from '../../middleware/flash.js';
import { parseForm, parseId, type FieldErrors } from '../../lib/forms.js';
import { orRender, submitted } from '../../lib/form-flow.js';
import { toDateInput } from '../../lib/format.js';
import { equipmentFormSchema, residentFormSchema, stationFilterSchema, stationFormSchema } from './stations.schemas.js';
import type { StationDetail } from './stations.service.js';
import { canManageStations } from './stations.policy.js';
import { canReadReceptions } from '../receptions/receptions.policy.js';

const STATION_FIELDS = ['name', 'tier', 'village', 'address', 'establishedOn', 'phone', 'workRules'] as const;
const EQUIPMENT_FIELDS = ['name', 'quantity', 'unit', 'providedOn', 'note'] as const;

export function stationsRoutes(services: Services): Router {
  const router = Router();
  const { stations } = services;
  const canRead = requireRole(...DOMAIN_ROLES);
  const staff = requireRole('STAFF');

  const renderForm = (
    res: Response,
    status: number,
    locals: { station?: { id: number; name: string }; values: unknown; errors: FieldErrors },
  ) =>
    res.status(status).render('stations/form', {
      title: locals.station ? `编辑联络站：${locals.station.name}` : '新建联络站',
      ...locals,
      station: locals.station ?? null,
    });

  /** The station page, with the staff forms' errors and values when one of them failed. */
  const renderShow = async (
    req: Request,
    res: Response,
    status: number,
    id: number,
    extra: { errors?: FieldErrors; values?: unknown; form?: string } = {},
  ) => {
    const station: StationDetail = await stations.get(req.user!, id);
    const canManage = canManageStations(req.user!);
    const deputyOptions = canManage ? await services.deputies.options(req.user!) : [];
    res.status(status).render('stations/show', {
      title: station.name,
      station,
      canManage,
      canReadReceptions: canReadReceptions(req.user!),
      deputyOptions: deputyOptions.filter((d) => !station.deputies.some((sd) => sd.deputy.id === d.id)),
      errors: extra.errors ?? {},
      values: extra.values ?? { unit: '台', quantity: '1' },
      failedForm: extra.form ?? '',
    });
  };

  router.get('/stations', canRead, async (req, res) => {
    const filter = stationFilterSchema.parse(req.query);
    const list = await stations.list(req.user!, filter);
    res.render('stations/index', { title: '代表联络站', stations: list, filter });
  });

  router.get('/stations/new', staff, (_req, res) => {
    renderForm(res, 200, { values: { tier: 'VILLAGE' }, errors: {} });
  });

  router.post('/stations', staff, async (req, res) => {
    const values = submitted(req.body, STATION_FIELDS);
    const form = parseForm(stationFormSchema, req.body);
    if (!form.ok) return renderForm(res, 422, { values, errors: form.errors });
    let id = 0;
    const ok = await orRender(
      async () => (id = (await stations.create(req.user!, form.data)).id),
      (errors) => renderForm(res, 422, { values, errors }),
    );
    if (!ok) return;
    flash(req, 'success', `已新建联络站“${form.data.name}”。`);
    res.redirect(303, `/stations/${id}`);
  });

  router.get('/stations/:id', canRead, async (req, res) => {
    await renderShow(req, res, 200, parseId(req.params.id));
  });

  router.get('/stations/:id/edit', staff, async (req, res) => {
    const station = await stations.get(req.user!, parseId(req.params.id));
    const values = { ...station, establishedOn: toDateInput(station.establishedOn) };
    renderForm(res, 200, { station, values, errors: {} });
  });

  router.post('/stations/:id', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const station = await stations.get(req.user!, id);
    const values = submitted(req.body, STATION_FIELDS);
    const form = parseForm(stationFormSchema, req.body);
    if (!form.ok) return renderForm(res, 422, { station, values, errors: form.errors });
    const ok = await orRender(
      () => stations.update(req.user!, id, form.data),
      (errors) => renderForm(res, 422, { station, values, errors }),
    );
    if (!ok) return;
    flash(req, 'success', '联络站信息已保存。');
    res.redirect(303, `/stations/${id}`);
  });

  // ── equipment inventory ──

  router.post('/stations/:id/equipment', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, EQUIPMENT_FIELDS);
    const form = parseForm(equipmentFormSchema, req.body);
    if (!form.ok) return renderShow(req, res, 422, id, { errors: form.errors, values, form: 'equipment' });
    await stations.addEquipment(req.user!, id, form.data);
    flash(req, 'success', `已登记设备“${form.data.name}”${form.data.quantity}${form.data.unit}。`);
    res.redirect(303, `/stations/${id}#equipment`);
  });

  const renderEquipmentForm = (
    res: Response,
    status: number,
    station: { id: number; name: string },
    equipmentId: number,
    values: unknown,
    errors: FieldErrors,
  ) => res.status(status).render('stations/equipment-form', { title: `编辑设备：${station.name}`, station, equipmentId, values, errors });

  router.get('/stations/:id/equipment/:eid/edit', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const item = await stations.getEquipment(req.user!, id, parseId(req.params.eid));
    const station = await stations.get(req.user!, id);
    renderEquipmentForm(res, 200, station, item.id, { ...item, providedOn: toDateInput(item.providedOn) }, {});
  });

  router.post('/stations/:id/equipment/:eid', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const eid = parseId(req.params.eid);
    await stations.getEquipment(req.user!, id, eid);
    const form = parseForm(equipmentFormSchema, req.body);
    if (!form.ok) {
      const station = await stations.get(req.user!, id);
      return renderEquipmentForm(res, 422, station, eid, submitted(req.body, EQUIPMENT_FIELDS), form.errors);
    }
    await stations.updateEquipment(req.user!, id, eid, form.data);
    flash(req, 'success', '设备记录已保存。');
    res.redirect(303, `/stations/${id}#equipment`);
  });

  router.post('/stations/:id/equipment/:eid/delete', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const item = await stations.removeEquipment(req.user!, id, parseId(req.params.eid));
    flash(req, 'success', `已删除设备记录“${item.name}”。`);
    res.redirect(303, `/stations/${id}#equipment`);
  });

  // ── resident deputies ──

  router.post('/stations/:id/deputies', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const values = submitted(req.body, ['deputyId', 'since']);
    const form = parseForm(residentFormSchema, req.body);
    if (!form.ok) return renderShow(req, res, 422, id, { errors: form.errors, values, form: 'resident' });
    let name = '';
    const ok = await orRender(
      async () => (name = (await stations.addResident(req.user!, id, form.data)).name),
      (errors) => renderShow(req, res, 422, id, { errors, values, form: 'resident' }),
    );
    if (!ok) return;
    flash(req, 'success', `已将${name}登记为进站代表。`);
    res.redirect(303, `/stations/${id}#residents`);
  });

  router.post('/stations/:id/deputies/:deputyId/delete', staff, async (req, res) => {
    const id = parseId(req.params.id);
    const deputy = await stations.removeResident(req.user!, id, parseId(req.params.deputyId));
    flash(req, 'success', `${deputy.name}已不再是本站的进站代表。`);
    res.redirect(303, `/stations/${id}#residents`);
  });

  return router;
}
