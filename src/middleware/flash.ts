import type { Request, RequestHandler } from 'express';

/** A one-time message shown on the next page (post/redirect/get). */
export function flash(req: Request, kind: 'success' | 'error' | 'info', text: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

/** Moves pending flash messages into res.locals for the layout. */
export const flashLocals: RequestHandler = (req, res, next) => {
  res.locals.flash = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  next();
};
