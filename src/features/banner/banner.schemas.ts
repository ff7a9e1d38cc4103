import { z } from 'zod';
import { SuggestionCategory, SuggestionStatus } from '../../generated/prisma/enums.js';
import { date, oneOf, optionalText, text } from '../../lib/forms.js';
import { townshipSchema } from '../admin/admin.schemas.js';
import { USERNAME_PATTERN } from '../admin/usernames.js';
import { FIRST_ACCOUNT_ROLES } from './banner.policy.js';
import { MAX_HOSTS, normalizeHost } from './banner.hosts.js';

const EXAMPLE_HOST = 'dongming.renda.example.cn';

/**
 * A township's host names: separated by spaces, commas or new lines; each a host name only (no
 * http://, port or path), stored as `req.hostname` gives it. Empty: none.
 */
export const hostsField = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z
    .string()
    .max(600, '访问域名填写过长')
    .transform((s, ctx) => {
      const hosts: string[] = [];
      for (const raw of s.split(/[\s,，、;；]+/).filter(Boolean)) {
        const host = normalizeHost(raw);
        if (!host) {
          ctx.addIssue({
            code: 'custom',
            message: /[/:]/.test(raw)
              ? `“${raw}”不是域名：只填写域名，不带 http://、端口和路径，如 ${EXAMPLE_HOST}`
              : `“${raw}”不是有效的域名，如 ${EXAMPLE_HOST}`,
          });
          return z.NEVER;
        }
        if (!hosts.includes(host)) hosts.push(host);
      }
      if (hosts.length > MAX_HOSTS) {
        ctx.addIssue({ code: 'custom', message: `每个镇最多${MAX_HOSTS}个访问域名` });
        return z.NEVER;
      }
      return hosts;
    }),
);

/** The banner administrator's form for a township's host names. */
export const townshipHostsSchema = z.object({ hosts: hostsField });

/** The banner view's year. */
export const bannerYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/** The ledger across townships: the township, year, state, category, key, overdue and words. */
export const bannerLedgerSchema = z.object({
  township: z.coerce.number().int().positive().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(SuggestionStatus).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  key: z.enum(['1']).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  q: z.string().trim().max(50).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type BannerLedgerFilter = z.output<typeof bannerLedgerSchema>;

/** A new township: its settings (as its system administrator edits them) and its congress's term. */
export const newTownshipSchema = townshipSchema.extend({
  hosts: hostsField,
  congressTerm: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.coerce.number({ message: '请填写本届届次' }).int('届次应为整数').min(1, '届次应在1到50之间').max(50, '届次应在1到50之间'),
  ),
  congressStart: date('本届开始日期'),
});
export type NewTownshipForm = z.output<typeof newTownshipSchema>;

/** A township's first system administrator or staff member. */
export const firstAccountSchema = z.object({
  role: oneOf(FIRST_ACCOUNT_ROLES, '账号类型'),
  displayName: text('姓名', 30),
  title: optionalText('职务', 30),
  username: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
    z.string().refine((s) => USERNAME_PATTERN.test(s), '用户名为3至32位小写字母、数字或 . _ -，以字母开头'),
  ),
});
export type FirstAccountForm = z.output<typeof firstAccountSchema>;
