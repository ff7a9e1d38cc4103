import { z } from 'zod';
import { TaskKind, TaskStatus } from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalText, text } from '../../lib/forms.js';
import { optionalId } from '../projects/projects.schemas.js';

const kinds = Object.values(TaskKind) as [TaskKind, ...TaskKind[]];

/** A new supervision task for one or more deputies, optionally linked to a project, suggestion or station. */
export const taskFormSchema = z.object({
  kind: oneOf(kinds, '任务类型'),
  title: text('任务名称', 100),
  description: optionalText('任务要求', 2000),
  dueDate: date('截止日期'),
  deputyIds: ids().refine((v) => v.length > 0, '请至少选择一位代表'),
  projectId: optionalId('关联的民生实事项目'),
  suggestionId: optionalId('关联的代表建议'),
  stationId: optionalId('关联的联络站'),
});
export type TaskForm = z.output<typeof taskFormSchema>;

export const taskProgressSchema = z.object({ note: text('进展情况', 1000) });

/** The assignee's report back: text, date and findings. */
export const taskReportSchema = z.object({
  reportText: text('报告内容', 3000),
  reportDate: date('履职日期'),
  findings: optionalText('发现的问题和意见建议', 3000),
});
export type TaskReport = z.output<typeof taskReportSchema>;

export const approveSchema = z.object({ reviewNote: optionalText('审核意见', 500) });
export const returnSchema = z.object({ reviewNote: text('退回原因', 500) });

export const taskFilterSchema = z.object({
  status: z.enum([...Object.values(TaskStatus), 'ALL'] as ['OPEN', 'CLOSED', 'CANCELLED', 'ALL']).catch('OPEN'),
});
