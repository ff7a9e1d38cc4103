import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError, NotFoundError } from '../errors.js';
import { storageFault } from '../lib/storage-faults.js';
import { setLocals } from './locals.js';
import type { AuditService } from '../features/audit/audit.service.js';

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** One place that turns errors into Chinese pages (or JSON for /api and fetch callers). */
export function errorHandler(options: { isProduction: boolean; log: (err: unknown) => void; audit?: AuditService }): ErrorRequestHandler {
  return async (err, req, res, _next) => {
    let status = 500;
    let message = '服务器出现错误，请稍后再试。如问题持续，请联系镇人大工作人员。';
    if (err instanceof HttpError) {
      status = err.status;
      message = err.message;
    } else if ((err as { code?: string }).code === 'EBADCSRFTOKEN') {
      status = 403;
      message = '页面已过期或来源不明，请返回刷新页面后重新提交。';
    } else if ((err as { type?: string }).type === 'entity.too.large') {
      status = 413;
      message = '提交的内容过大。';
    } else if (storageFault(err)) {
      const fault = storageFault(err)!;
      status = 503;
      message = fault.message;
      options.log(`Database fault (${fault.code}) on ${req.method} ${req.path}: ${fault.log}`);
      options.log(err);
    } else {
      options.log(err);
    }
    if (status === 403 && options.audit) {
      // Every refused request is in the audit log: who tried what, from where.
      const csrf = !(err instanceof HttpError);
      await options.audit
        .record(req.user ?? null, {
          action: csrf ? 'access.csrf' : 'access.denied',
          detail: { method: req.method, path: req.originalUrl.slice(0, 300) },
          result: 'DENIED',
        })
        .catch(options.log);
    }
    if (res.headersSent) return;
    if (!('fmt' in res.locals)) setLocals(req, res);
    res.status(status);
    const stack = !options.isProduction && status >= 500 && err instanceof Error ? err.stack : undefined;
    if (req.accepts(['html', 'json']) === 'json' && !req.accepts('html')) {
      res.json({ error: message });
      return;
    }
    const view = status === 403 || status === 404 || status === 409 ? `errors/${status}` : 'errors/500';
    res.render(view, { title: titleFor(status), message, status, stack });
  };
}

function titleFor(status: number): string {
  switch (status) {
    case 403:
      return '没有权限';
    case 404:
      return '页面不存在';
    case 409:
      return '操作冲突';
    case 503:
      return '暂时无法使用';
    default:
      return status >= 500 ? '服务器错误' : '请求有误';
  }
}
