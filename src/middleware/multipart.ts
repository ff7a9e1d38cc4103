import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

export type UploadedFile = { fieldName: string; filename: string; mimetype: string; size: number; buffer: Buffer };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      files?: Record<string, UploadedFile>;
    }
  }
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * multipart/form-data (file uploads) without another dependency: the body is read up to a size
 * limit and parsed by the WHATWG `Request.formData()` that Node ships (undici). Text fields go to
 * req.body (so the CSRF check reads `_csrf` as for any form), files to req.files. Mounted before
 * the CSRF check. A body over the limit is refused with 413 and a Chinese message.
 */
export function multipartForms(limit = MAX_UPLOAD_BYTES): RequestHandler {
  const mb = Math.round(limit / 1024 / 1024);
  return async (req, _res, next) => {
    const type = req.headers['content-type'] ?? '';
    if (req.method !== 'POST' || !type.toLowerCase().startsWith('multipart/form-data')) return next();
    const tooLarge = () => new HttpError(413, `上传的文件超过${mb}MB的上限，请删去多余的工作表或拆分后分批上传。`);
    if (Number(req.headers['content-length'] ?? 0) > limit + 64 * 1024) {
      req.resume();
      return next(tooLarge());
    }
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > limit + 64 * 1024) throw tooLarge();
        chunks.push(chunk as Buffer);
      }
      const form = await new Request('http://upload.local/', {
        method: 'POST',
        headers: { 'content-type': type },
        body: Buffer.concat(chunks),
      }).formData();
      const body: Record<string, string | string[]> = {};
      const files: Record<string, UploadedFile> = {};
      for (const [name, value] of form as unknown as Iterable<
        [string, string | { name: string; type: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }]
      >) {
        if (typeof value === 'string') {
          const prev = body[name];
          body[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
        } else {
          if (value.size > limit) throw tooLarge();
          files[name] = {
            fieldName: name,
            filename: value.name,
            mimetype: value.type,
            size: value.size,
            buffer: Buffer.from(await value.arrayBuffer()),
          };
        }
      }
      req.body = body;
      req.files = files;
      next();
    } catch (e) {
      next(e instanceof HttpError ? e : new HttpError(400, '上传的表单无法读取，请返回重新选择文件后再提交。'));
    }
  };
}
