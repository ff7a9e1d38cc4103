import { z } from 'zod';
import { OpinionRating } from '../../generated/prisma/enums.js';
import { oneOf, optionalText, text } from '../../lib/forms.js';
import { voterPhone } from '../receptions/receptions.schemas.js';

/** The longest opinion a voter may send (a page of text; longer ones are usually pasted floods). */
export const OPINION_MAX = 1000;

/** What a voter sends through a deputy's or a station's code. `website` is the honeypot: people leave it empty. */
export const voterOpinionSchema = z.object({
  content: text('反映的事项', OPINION_MAX),
  village: optionalText('所在村（嘎查）', 30),
  voterName: optionalText('姓名', 20),
  voterPhone,
  website: z.string().optional(),
});
export type VoterOpinionForm = z.output<typeof voterOpinionSchema>;
export const VOTER_FIELDS = ['content', 'village', 'voterName', 'voterPhone'] as const;

export const ratingSchema = z.object({
  rating: oneOf(Object.values(OpinionRating) as [OpinionRating, ...OpinionRating[]], '评价'),
});

/** 查询码 as typed: upper-cased, spaces and dashes dropped. */
export const trackingCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.toUpperCase().replace(/[\s-]/g, '') : ''),
  z.string().regex(/^[A-Z0-9]{6,16}$/, '查询码格式不正确'),
);

export const escalateSchema = z.object({ note: optionalText('说明', 500) });
