import { z } from 'zod';
import { SuggestionCategory, SuggestionStatus } from '../../generated/prisma/enums.js';

export const suggestionFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(SuggestionStatus).optional().catch(undefined),
  category: z.enum(SuggestionCategory).optional().catch(undefined),
  key: z.enum(['1']).optional().catch(undefined),
  q: z.string().trim().max(50).catch(''),
  page: z.coerce.number().int().min(1).catch(1),
});
export type SuggestionFilter = z.output<typeof suggestionFilterSchema>;
