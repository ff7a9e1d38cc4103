import { fieldText } from '../../lib/form-flow.js';
import { z } from 'zod';
import { ProjectRatingValue, ProjectSource, ProjectStatus, VoteChoice, VotingRule } from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalDate, optionalInt, optionalText, text, wan, type FieldErrors } from '../../lib/forms.js';

const sources = Object.values(ProjectSource) as [ProjectSource, ...ProjectSource[]];
const statuses = Object.values(ProjectStatus) as [ProjectStatus, ...ProjectStatus[]];
const rules = Object.values(VotingRule) as [VotingRule, ...VotingRule[]];
const choices = Object.values(VoteChoice) as [VoteChoice, ...VoteChoice[]];
const ratingValues = Object.values(ProjectRatingValue) as [ProjectRatingValue, ...ProjectRatingValue[]];

/** An optional record id from a <select>: null when empty. */
export const optionalId = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? null : v),
    z.coerce
      .number({ message: `${label}的取值不正确` })
      .int()
      .positive(`${label}的取值不正确`)
      .nullable(),
  );

const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(asText) : [asText(v)]);

/** The rows of expected outcomes (label, unit, planned) typed in repeated fields; blank rows dropped. */
const outcomes = z
  .object({ outcomeLabel: z.unknown().optional(), outcomeUnit: z.unknown().optional(), outcomePlanned: z.unknown().optional() })
  .transform((o, ctx) => {
    const labels = list(o.outcomeLabel);
    const units = list(o.outcomeUnit);
    const planned = list(o.outcomePlanned);
    const rows: { label: string; unit: string; planned: number }[] = [];
    for (let i = 0; i < Math.max(labels.length, units.length, planned.length); i++) {
      const label = (labels[i] ?? '').trim();
      const unit = (units[i] ?? '').trim();
      const p = (planned[i] ?? '').trim();
      if (!label && !unit && !p) continue;
      if (!label || !unit || !/^\d{1,9}$/.test(p)) {
        ctx.addIssue({ code: 'custom', path: ['outcomes'], message: '每项建设成效请填写指标名称、计量单位和计划数量（整数）' });
        return z.NEVER;
      }
      if (label.length > 50 || unit.length > 10) {
        ctx.addIssue({ code: 'custom', path: ['outcomes'], message: '指标名称不超过50个字，计量单位不超过10个字' });
        return z.NEVER;
      }
      rows.push({ label, unit, planned: Number(p) });
    }
    return rows;
  });

/** 征集: a candidate project entered by staff. */
export const projectFormSchema = z
  .object({
    year: optionalInt('年度', 2000, 2100).refine((y) => y !== null, '请填写年度'),
    name: text('项目名称', 100),
    description: optionalText('项目内容', 2000),
    location: optionalText('建设地点', 100),
    responsibleUnitId: optionalId('责任单位'),
    budgetYuan: wan('投资金额').refine((y) => y > 0, '请填写投资金额（万元）'),
    source: oneOf(sources, '项目来源'),
    plannedStart: optionalDate('计划开工日期'),
    plannedEnd: optionalDate('计划完工日期'),
    sessionId: optionalId('票决会议'),
  })
  .and(outcomes.transform((rows) => ({ outcomes: rows })))
  .superRefine((f, ctx) => {
    if (f.plannedStart && f.plannedEnd && f.plannedEnd < f.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: '计划完工日期不能早于计划开工日期' });
    }
  })
  .transform((f) => ({ ...f, year: f.year }));
export type ProjectForm = z.output<typeof projectFormSchema>;

/** 初定: the presidium puts a candidate on the list of a session. */
export const shortlistSchema = z.object({
  sessionId: optionalId('票决会议').refine((v) => v !== null, '请选择提交票决的会议'),
});

/** 实施进度: a dated progress update; the only way the project's status changes. */
export const progressSchema = z.object({
  date: date('日期'),
  percent: optionalInt('完成进度', 0, 100).refine((v) => v !== null, '请填写完成进度（0到100）'),
  spentYuan: wan('累计完成投资'),
  status: oneOf(statuses, '实施状态'),
  note: text('进展情况', 1000),
});
export type ProgressForm = {
  date: Date;
  percent: number;
  spentYuan: number;
  status: ProjectStatus;
  note: string;
  achieved: Record<number, number>;
};

export const milestoneSchema = z.object({
  title: text('节点名称', 100),
  dueDate: optionalDate('计划完成日期'),
  doneOn: optionalDate('实际完成日期'),
});

export const teamSchema = z.object({
  followerId: optionalId('联系的主席团成员'),
  supervisorIds: ids(),
});

/** 视察: an inspection of the project, recorded as an activity of kind INSPECTION. */
export const inspectionSchema = z.object({
  date: date('视察日期'),
  place: optionalText('视察地点', 100),
  participantIds: ids().refine((v) => v.length > 0, '请至少选择一位参加视察的代表'),
  otherAttendees: optionalInt('其他参加人次', 0, 500).transform((v) => v ?? 0),
  findings: text('视察意见', 2000),
  followUp: optionalText('整改落实', 2000),
});
export type InspectionForm = z.output<typeof inspectionSchema>;

export const votingSettingsSchema = z.object({
  votingRule: oneOf(rules, '通过规则'),
  presentCount: optionalInt('出席代表人数', 0, 10000),
});

/** Values `prefix_<id>` of a form, by id. */
export function byId(body: unknown, prefix: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const m = new RegExp(`^${prefix}_(\\d{1,9})$`).exec(k);
    if (m && typeof v === 'string') out.set(Number(m[1]), v.trim());
  }
  return out;
}

/** The online ballot: choice_<projectId> and rating_<projectId>; unknown values are errors. */
export function parseBallot(
  body: unknown,
):
  | { ok: true; choices: Record<number, VoteChoice>; ratings: Record<number, ProjectRatingValue>; deputyId?: number }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const picked: Record<number, VoteChoice> = {};
  const rated: Record<number, ProjectRatingValue> = {};
  for (const [id, v] of byId(body, 'choice')) {
    if ((choices as string[]).includes(v)) picked[id] = v as VoteChoice;
    else errors[`choice_${id}`] = '请选择赞成、反对或弃权';
  }
  for (const [id, v] of byId(body, 'rating')) {
    if ((ratingValues as string[]).includes(v)) rated[id] = v as ProjectRatingValue;
    else errors[`rating_${id}`] = '请选择满意、基本满意、不满意或弃权';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const raw = fieldText(body, 'deputyId');
  const deputyId = raw !== '' ? Number(raw) : undefined;
  return { ok: true, choices: picked, ratings: rated, ...(deputyId !== undefined ? { deputyId } : {}) };
}

/** Paper counts: for_<id>, against_<id>, abstain_<id>, whole numbers from 0. */
export function parsePaper(body: unknown, projectIds: number[]) {
  const errors: FieldErrors = {};
  const entries: { projectId: number; counts: { for: number; against: number; abstain: number } }[] = [];
  const fields = [
    ['for', '赞成'],
    ['against', '反对'],
    ['abstain', '弃权'],
  ] as const;
  for (const id of projectIds) {
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const [key, label] of fields) {
      const v = fieldText(body, `${key}_${id}`).trim();
      if (v === '') continue;
      if (!/^\d{1,6}$/.test(v)) errors[`${key}_${id}`] ??= `${label}票数应为不小于0的整数`;
      else counts[key] = Number(v);
    }
    entries.push({ projectId: id, counts });
  }
  return Object.keys(errors).length ? ({ ok: false, errors } as const) : ({ ok: true, entries } as const);
}
