import { domainToASCII } from 'node:url';
import type { Db, Tx } from '../../db.js';
import { cached } from '../../lib/cached.js';
import { ValidationError } from '../../errors.js';

/**
 * Which township a request serves when no one is logged in (the login page, the public results,
 * the error pages): in a banner deployment each township may have its own host names
 * (dongming.renda.example.cn), set by the banner administrator. A request's host name (Express's
 * `req.hostname`, which honours TRUST_PROXY) picks its township; an unknown host serves the only
 * township of a one-township deployment, and otherwise none: the banner's address, where the public
 * pages offer the townships to choose from.
 */
export type HostTownship = { id: number; name: string };
export type Served = {
  /** The township of this host, or the only one; null at the banner's (or any unknown) address of several townships. */
  township: HostTownship | null;
  /** The banner's name (所属旗), '' when no township names it. */
  banner: string;
  /** Every township, for the choice at the banner's address. */
  townships: HostTownship[];
};

/** At most this many host names per township. */
export const MAX_HOSTS = 5;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A host name as `req.hostname` gives it — lower case, ASCII (an internationalized name in
 * punycode), no port, no trailing dot — or null when `raw` is not one.
 */
export function normalizeHost(raw: string): string | null {
  const s = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!s || /[/:@?#\s]/.test(s)) return null;
  const ascii = domainToASCII(s);
  if (!ascii || ascii.length > 253) return null;
  return ascii.split('.').every((l) => LABEL.test(l)) ? ascii : null;
}

const takenError = (host: string, township: string) =>
  new ValidationError({ hosts: `域名 ${host} 已是${township}的访问域名，一个域名只能属于一个镇` });

export function createTownshipHosts(db: Db) {
  /** Every township and its host names: kept until either table changes (at most ten minutes). */
  const directory = () =>
    cached(db, 'township-hosts', ['Township', 'TownshipHost'], 10 * 60_000, async () => {
      const rows = await db.township.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, name: true, county: true, hosts: { select: { host: true } } },
      });
      const byHost = new Map<string, HostTownship>();
      for (const t of rows) for (const h of t.hosts) byHost.set(h.host, { id: t.id, name: t.name });
      return {
        byHost,
        townships: rows.map((t) => ({ id: t.id, name: t.name })),
        banner: rows.find((t) => t.county)?.county ?? '',
      };
    });

  return {
    /** The township a request to `hostname` serves (see `Served`). */
    async resolve(hostname: string | undefined): Promise<Served> {
      const d = await directory();
      const byHost = hostname ? d.byHost.get(hostname.toLowerCase()) : undefined;
      const township = byHost ?? (d.townships.length === 1 ? d.townships[0]! : null);
      return { township, banner: d.banner, townships: d.townships };
    },

    /** A township's host names. */
    async of(townshipId: number): Promise<string[]> {
      const rows = await db.townshipHost.findMany({ where: { townshipId }, orderBy: { host: 'asc' }, select: { host: true } });
      return rows.map((r) => r.host);
    },

    /**
     * Gives a township exactly `hosts` (already normalized), inside the caller's transaction. A host
     * name of another township is refused with a ValidationError on the `hosts` field.
     */
    async assign(tx: Tx, townshipId: number, hosts: readonly string[]): Promise<void> {
      const taken = await tx.townshipHost.findFirst({
        where: { host: { in: [...hosts] }, townshipId: { not: townshipId } },
        select: { host: true, township: { select: { name: true } } },
      });
      if (taken) throw takenError(taken.host, taken.township.name);
      await tx.townshipHost.deleteMany({ where: { townshipId, host: { notIn: [...hosts] } } });
      const existing = new Set((await tx.townshipHost.findMany({ where: { townshipId }, select: { host: true } })).map((r) => r.host));
      for (const host of hosts.filter((h) => !existing.has(h))) {
        try {
          await tx.townshipHost.create({ data: { host, townshipId } });
        } catch (e) {
          // Given to another township by a concurrent request since the check above.
          if ((e as { code?: string }).code === 'P2002') throw takenError(host, '另一个镇');
          throw e;
        }
      }
    },
  };
}

export type TownshipHosts = ReturnType<typeof createTownshipHosts>;
