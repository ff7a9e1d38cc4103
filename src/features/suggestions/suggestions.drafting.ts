/** 提出: a deputy's own suggestion or one staff register on a deputy's behalf; drafts; a voter's opinion as a draft. */
import type { Db, Tx } from '../../db.js';
import type { CurrentUser } from '../../auth/current-user.js';
import type { FieldErrors } from '../../lib/forms.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { formatDate, yearOf } from '../../lib/format.js';
import type { AuditService } from '../audit/audit.service.js';
import { isDraftOwner, registersForDeputy, suggestionScope } from './suggestions.policy.js';
import type { SuggestionForm } from './suggestions.schemas.js';
import { queueScope } from '../opinions/opinions.policy.js';
import { recordOpinionEvent } from '../opinions/opinions.history.js';

type Fire = (user: CurrentUser, id: number, action: 'submit', input: { note: string }, version: number, tx?: Tx) => Promise<unknown>;

export function createSuggestionDrafting(db: Db, deps: { audit: AuditService; fire: Fire }, now: () => Date) {
  const { audit, fire } = deps;

  /**
   * The lead deputy and co-signers of a form, checked together so that every error shows in one round
   * (read through `client`: the transaction's own when in one).
   */
  async function people(client: Db | Tx, user: CurrentUser, form: SuggestionForm, fixedLead?: number) {
    const errors: FieldErrors = {};
    let leadDeputyId = fixedLead ?? -1;
    if (fixedLead === undefined) {
      if (!registersForDeputy(user)) {
        if (user.role !== 'DEPUTY') throw new ForbiddenError('只有代表本人或工作人员可以提出建议。');
        if (!user.deputyId) throw new ForbiddenError('您的账号没有关联代表信息，请联系工作人员。');
        leadDeputyId = user.deputyId;
      } else if (!form.leadDeputyId) {
        errors.leadDeputyId = '请选择领衔代表';
      } else {
        const d = await client.deputy.findFirst({ where: { id: form.leadDeputyId, townshipId: user.townshipId, status: 'ACTIVE' } });
        if (d) leadDeputyId = d.id;
        else errors.leadDeputyId = '请选择本镇在任代表作为领衔代表';
      }
    }
    const coSignerIds = [...new Set(form.coSignerIds)].filter((id) => id !== leadDeputyId);
    if (coSignerIds.length) {
      const found = await client.deputy.count({ where: { id: { in: coSignerIds }, townshipId: user.townshipId, status: 'ACTIVE' } });
      if (found !== coSignerIds.length) errors.coSignerIds = '附议代表中有不是本镇在任代表的人员';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return { leadDeputyId, coSignerIds };
  }

  /** A voter's opinion a user may turn into a suggestion (staff: any; a deputy: one they collected or one in their queue). */
  function opinionWhere(user: CurrentUser, id: number) {
    if (user.role !== 'DEPUTY') return { id, townshipId: user.townshipId };
    return { AND: [{ id }, { OR: [{ townshipId: user.townshipId, deputyId: user.deputyId ?? -1 }, queueScope(user)] }] };
  }

  return {
    /** 提出: saved as a draft or submitted. */
    async create(user: CurrentUser, form: SuggestionForm) {
      const { leadDeputyId, coSignerIds } = await people(db, user, form);
      return db.$transaction(async (tx) => {
        const opinion = form.opinionId ? await tx.voterOpinion.findFirst({ where: opinionWhere(user, form.opinionId) }) : null;
        if (form.opinionId) {
          if (!opinion) throw new ValidationError({ opinionId: '没有找到该选民意见' });
          if (opinion.suggestionId) throw new ValidationError({ opinionId: '该选民意见已经转为代表建议' });
        }
        const t = now();
        const created = await tx.suggestion.create({
          data: {
            townshipId: user.townshipId,
            year: yearOf(t),
            title: form.title,
            content: form.content,
            category: form.category,
            leadDeputyId,
            createdById: user.id,
            coSigners: { create: coSignerIds.map((deputyId) => ({ deputyId })) },
          },
        });
        await tx.suggestionEvent.create({
          data: {
            suggestionId: created.id,
            actorId: user.id,
            action: 'create',
            toStatus: 'DRAFT',
            note: registersForDeputy(user) ? '工作人员代为登记' : '',
          },
        });
        if (opinion) {
          await tx.voterOpinion.update({
            where: { id: opinion.id },
            data: { handling: 'CONVERTED', suggestionId: created.id, answeredAt: t, respondedAt: opinion.respondedAt ?? t },
          });
          await recordOpinionEvent(tx, opinion.id, user.id, 'convert', form.title);
        }
        await audit.record(user, { action: 'suggestion.create', entity: 'Suggestion', entityId: created.id }, tx);
        if (form.intent === 'submit') await fire(user, created.id, 'submit', { note: '' }, created.version, tx);
        return created;
      });
    },

    /** A voter's opinion turned into the starting values of a suggestion form (转为代表建议). */
    async opinionDraft(user: CurrentUser, opinionId: number) {
      if (user.role !== 'STAFF' && user.role !== 'DEPUTY') throw new ForbiddenError();
      const o = await db.voterOpinion.findFirst({
        where: opinionWhere(user, opinionId),
        include: { reception: { include: { station: { select: { name: true } } } } },
      });
      if (!o) throw new NotFoundError('没有找到该选民意见。');
      if (o.suggestionId) throw new ConflictError('该选民意见已经转为代表建议。');
      const where = o.reception
        ? `${formatDate(o.reception.date)}在${o.reception.station.name}接待选民时`
        : o.source === 'CODE'
          ? `${formatDate(o.createdAt)}选民扫码反映${o.village ? `（${o.village}）` : ''}`
          : '联系选民时';
      const firstLine = (o.content.split(/[。！？\n]/)[0] ?? '').slice(0, 40);
      return {
        id: o.id,
        deputyId: o.deputyId,
        category: o.category,
        title: `关于${firstLine}的建议`,
        content: `${where}，选民反映：${o.content}\n\n建议：`,
      };
    },

    /** Edits a draft or a returned suggestion (its lead deputy, or the staff member who registered it). */
    async updateDraft(user: CurrentUser, id: number, form: SuggestionForm, version: number) {
      return db.$transaction(async (tx) => {
        const s = await tx.suggestion.findFirst({ where: { AND: [suggestionScope(user), { id }] } });
        if (!s) throw new NotFoundError('没有找到这件建议，或您无权操作。');
        if (!isDraftOwner(user, s)) throw new ForbiddenError('只有领衔代表本人或代为登记的工作人员可以修改。');
        if (s.status !== 'DRAFT' && s.status !== 'RETURNED') throw new ConflictError('建议已提交，不能再修改。');
        if (s.version !== version) throw new ConflictError('这件建议刚刚被其他人修改过，请刷新页面后再操作。');
        const { coSignerIds } = await people(tx, user, form, s.leadDeputyId);
        await tx.suggestionCoSigner.deleteMany({ where: { suggestionId: id } });
        const updated = await tx.suggestion.updateMany({
          where: { id, version },
          data: { title: form.title, content: form.content, category: form.category, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw new ConflictError();
        await tx.suggestionCoSigner.createMany({ data: coSignerIds.map((deputyId) => ({ suggestionId: id, deputyId })) });
        await tx.suggestionEvent.create({ data: { suggestionId: id, actorId: user.id, action: 'edit', note: '修改建议内容' } });
        await audit.record(user, { action: 'suggestion.update', entity: 'Suggestion', entityId: id, detail: { title: form.title } }, tx);
        if (form.intent === 'submit') await fire(user, id, 'submit', { note: '' }, version + 1, tx);
      });
    },
  };
}
