import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `file:./data/portal.db` (SQLite, the default) or `postgresql://user:password@host:5432/db` (README, "deploying for a banner"). */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with file: (SQLite) or postgresql://')
    .default('file:./data/portal.db'),
  /**
   * PostgreSQL only, optional: a direct URL to the same database for the connection that LISTENs for
   * changes (src/lib/pg-changes.ts) when DATABASE_URL goes through a pooler in transaction mode.
   */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_LISTEN_URL must start with postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  /** Demo data is seeded into an empty database unless this is "false" (never in production). */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * The master key for personal data at rest (AES-256-GCM) and the audit log's hash chain: 32 bytes as
   * 64 hex characters or base64. Required in production; a fixed development key otherwise.
   */
  DATA_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || decodeKey(v) !== null, 'DATA_KEY must be 32 bytes, as 64 hex characters or base64'),
  /** The previous DATA_KEY while a key rotation is under way (README: 密钥轮换); unset otherwise. */
  DATA_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine((v) => v === undefined || decodeKey(v) !== null, 'DATA_KEY_PREVIOUS must be 32 bytes, as 64 hex characters or base64'),
  /** Daily backups kept in data/backups/ (SQLite only). */
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Set when the portal runs behind a reverse proxy (nginx) that terminates TLS. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & {
  sessionSecret: string;
  isProduction: boolean;
  dataKey: Buffer;
  dataKeyPrevious: Buffer | null;
};

/** A development-only master key: never protects real data (production refuses to start without DATA_KEY). */
export const DEV_DATA_KEY = Buffer.alloc(32, 'dongming-dev-only-data-key').subarray(0, 32);

function decodeKey(value: string): Buffer | null {
  const v = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return key.length === 32 ? key : null;
}

/** Parses process.env once. The only reader of process.env in src/. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const isProduction = c.NODE_ENV === 'production';
  if (isProduction && !c.SESSION_SECRET) {
    throw new Error('SESSION_SECRET (at least 16 characters) must be set when NODE_ENV=production');
  }
  if (isProduction && !c.DATA_KEY) {
    throw new Error('DATA_KEY (32 bytes: `openssl rand -hex 32`) must be set when NODE_ENV=production');
  }
  return {
    ...c,
    isProduction,
    sessionSecret: c.SESSION_SECRET ?? 'dev-only-session-secret-change-me',
    dataKey: c.DATA_KEY ? decodeKey(c.DATA_KEY)! : DEV_DATA_KEY,
    dataKeyPrevious: c.DATA_KEY_PREVIOUS ? decodeKey(c.DATA_KEY_PREVIOUS)! : null,
  };
}
