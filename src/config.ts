import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().startsWith('file:').default('file:./data/portal.db'),
  SESSION_SECRET: z.string().min(16).optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  /** Demo data is seeded into an empty database unless this is "false" (never in production). */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Set when the portal runs behind a reverse proxy (nginx) that terminates TLS. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema> & { sessionSecret: string; isProduction: boolean };

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
  return {
    ...c,
    isProduction,
    sessionSecret: c.SESSION_SECRET ?? 'dev-only-session-secret-change-me',
  };
}
