/**
 * The request an audit row is written for: its client address, kept for the whole request (async
 * calls and transactions included) so that every row says where it came from without each service
 * passing `req.ip` along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

type AuditContext = { ip: string };

const storage = new AsyncLocalStorage<AuditContext>();

export const auditContext: RequestHandler = (req, _res, next) => {
  storage.run({ ip: req.ip ?? '' }, next);
};

/** The client address of the request being served ('' outside a request: scripts, timers). */
export function currentIp(): string {
  return storage.getStore()?.ip ?? '';
}
