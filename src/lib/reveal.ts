import type { Request } from 'express';

/**
 * 显示完整号码 as post/redirect/get: the POST checks and audits the reveal, leaves a one-time grant
 * for that record in the session and redirects to the record's page, which shows the number once.
 * A reload shows it masked again: it never re-posts the form, nor writes a second audit row.
 */
export function grantReveal(req: Request, record: string): Promise<void> {
  req.session.revealed = record;
  // Saved before the redirect goes out: a browser follows a redirect on its headers, and the page
  // it asks for next must find the grant (express-session would save it only while ending this response).
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err as Error) : resolve())));
}

/** Whether the page of `record` shows the full number now (the grant is used up). */
export function takeReveal(req: Request, record: string): boolean {
  if (!req.session || req.session.revealed !== record) return false;
  delete req.session.revealed;
  return true;
}
