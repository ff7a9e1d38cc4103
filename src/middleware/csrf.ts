import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/**
 * Synchronizer-token CSRF protection (csrf-sync; csurf is deprecated). The token lives in the
 * server-side session; every form posts it as `_csrf`, fetch() calls may send `x-csrf-token`.
 */
export const { csrfSynchronisedProtection: csrfProtection, generateToken: csrfToken } = csrfSync({
  getTokenFromRequest: (req: Request) =>
    ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ?? (req.headers['x-csrf-token'] as string | undefined),
});
