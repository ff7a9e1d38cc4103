import type { Request } from 'express';

/**
 * 显示完整号码 as post/redirect/get: the POST checks and audits the reveal, leaves a one-time grant
 * for that record in the session and redirects to the record's page, which shows the number once.
 * A reload shows it masked again: it never re-posts the form, nor writes a second audit row.
 */
export function grantReveal(req: Request, record: string): void {
  req.session.revealed = record;
}

/** Whether the page of `record` shows the full number now (the grant is used up). */
export function takeReveal(req: Request, record: string): boolean {
  if (!req.session || req.session.revealed !== record) return false;
  delete req.session.revealed;
  return true;
}
