/** Typed errors that the error handler maps to Chinese pages and status codes. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends HttpError {
  constructor(message = '您要找的页面或记录不存在。') {
    super(404, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = '您没有权限访问此页面或执行此操作。') {
    super(403, message);
  }
}

export class ConflictError extends HttpError {
  constructor(message = '该记录已被他人修改，请刷新页面后重试。') {
    super(409, message);
  }
}

/** Field-level validation failure raised by a service (e.g. a unique name already taken). */
export class ValidationError extends HttpError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = '提交的内容有误，请按提示修改。',
  ) {
    super(422, message);
  }
}

/** Too many submissions from one address (the voters' public form). */
export class RateLimitedError extends HttpError {
  constructor(message = '提交过于频繁，请稍后再试。') {
    super(429, message);
  }
}
