import type { Prisma } from '../../generated/prisma/client.js';

type Writer = Pick<Prisma.TransactionClient, 'opinionEvent'>;

/** The history actions of a voter's opinion and how the history reads them. */
export const opinionEventLabels: Record<string, string> = {
  submit: '选民扫码反映',
  answer: '答复',
  escalate: '代表转交镇人大主席团',
  refer: '转有关部门办理',
  'referral-answer': '承办单位答复',
  convert: '转为代表建议',
  rate: '选民评价',
  spam: '标记为无效信息',
  unspam: '撤销无效标记',
};

/** One row of an opinion's history, written in the transaction of the change it records. */
export async function recordOpinionEvent(tx: Writer, opinionId: number, actorId: number | null, action: string, note = ''): Promise<void> {
  await tx.opinionEvent.create({ data: { opinionId, actorId, action, note } });
}
