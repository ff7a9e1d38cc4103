import type { Db } from '../db.js';
import type { AuditService } from '../features/audit/audit.service.js';
import type { CurrentUser } from './current-user.js';
import { DEFAULT_POLICY, type SecurityPolicy } from './password-policy.js';

/** How long an instance keeps the policy before reading it again (several instances share one row). */
const CACHE_MS = 5_000;

const POLICY_KEYS = Object.keys(DEFAULT_POLICY) as (keyof SecurityPolicy)[];

/**
 * The system-wide security policy: one row, read on every request that checks a session, so it is
 * kept in memory for a few seconds; a change made here is seen at once by this instance.
 */
export function createSecurityPolicyService(db: Db, audit: AuditService, now: () => Date) {
  let cached: { policy: SecurityPolicy; at: number } | null = null;

  const pick = (row: SecurityPolicy): SecurityPolicy => Object.fromEntries(POLICY_KEYS.map((k) => [k, row[k]])) as SecurityPolicy;

  return {
    /** The policy; read through `client` when it is not kept (a transaction's own, inside one). */
    async get(client: Pick<Db, 'securityPolicy'> = db): Promise<SecurityPolicy> {
      const t = Date.now();
      if (cached && t - cached.at < CACHE_MS) return cached.policy;
      const row = await client.securityPolicy.findUnique({ where: { id: 1 } });
      const policy = row ? pick(row) : { ...DEFAULT_POLICY };
      cached = { policy, at: t };
      return policy;
    },

    async update(actor: CurrentUser, next: SecurityPolicy, ip = ''): Promise<void> {
      const before = await this.get();
      const changed = POLICY_KEYS.filter((k) => before[k] !== next[k]);
      await db.$transaction(async (tx) => {
        await tx.securityPolicy.upsert({
          where: { id: 1 },
          create: { id: 1, ...next, updatedById: actor.id, updatedAt: now() },
          update: { ...next, updatedById: actor.id, updatedAt: now() },
        });
        await audit.record(
          actor,
          {
            action: 'settings.security',
            entity: 'SecurityPolicy',
            entityId: 1,
            detail: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
            ip,
          },
          tx,
        );
      });
      cached = { policy: { ...next }, at: Date.now() };
    },
  };
}

export type SecurityPolicyService = ReturnType<typeof createSecurityPolicyService>;
