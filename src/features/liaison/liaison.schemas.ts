import { z } from 'zod';
import { ContactWay } from '../../generated/prisma/enums.js';
import { date, ids, oneOf, optionalText, text } from '../../lib/forms.js';

/** One contact of a presidium member with a deputy. */
export const contactSchema = z.object({
  deputyId: z.preprocess(
    (v) => (v === '' || v === undefined ? NaN : v),
    z.coerce.number({ message: '请选择代表' }).int().positive({ message: '请选择代表' }),
  ),
  date: date('联系日期'),
  way: oneOf(Object.values(ContactWay) as [ContactWay, ...ContactWay[]], '联系方式'),
  content: text('联系内容', 1000),
  followUp: optionalText('后续跟进', 500),
});
export type ContactForm = z.output<typeof contactSchema>;
export const CONTACT_FIELDS = ['deputyId', 'date', 'way', 'content', 'followUp'] as const;

/** Staff assign a presidium member's deputies. */
export const assignSchema = z.object({ deputyIds: ids() });
