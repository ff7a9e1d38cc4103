import type { CurrentUser } from '../../auth/current-user.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Which suggestions a user may read: staff and presidium all of the township (but not other
 * people's drafts); a deputy those they lead or co-signed; a unit officer those currently assigned
 * to the unit.
 */
export function suggestionScope(user: CurrentUser): Prisma.SuggestionWhereInput {
  const township = { townshipId: user.townshipId };
  switch (user.role) {
    case 'STAFF':
    case 'PRESIDIUM':
      return { ...township, OR: [{ status: { not: 'DRAFT' } }, { createdById: user.id }] };
    case 'DEPUTY':
      if (!user.deputyId) return { id: -1 };
      return {
        ...township,
        OR: [{ leadDeputyId: user.deputyId }, { coSigners: { some: { deputyId: user.deputyId } }, status: { not: 'DRAFT' } }],
      };
    case 'UNIT':
      if (!user.unitId) return { id: -1 };
      // Only current assignments: a unit that returned a wrong assignment no longer reads it.
      return { ...township, assignments: { some: { unitId: user.unitId, active: true } } };
    default:
      return { id: -1 };
  }
}

/** Who wrote a draft: its lead deputy, or the staff member who registered it on the deputy's behalf. */
export function isDraftOwner(user: CurrentUser, s: { leadDeputyId: number; createdById: number | null }): boolean {
  return (user.role === 'DEPUTY' && user.deputyId === s.leadDeputyId) || (user.role === 'STAFF' && s.createdById === user.id);
}

/** A draft or a returned suggestion may be edited by whoever wrote it. */
export function canEditDraft(user: CurrentUser, s: { status: string; leadDeputyId: number; createdById: number | null }): boolean {
  return (s.status === 'DRAFT' || s.status === 'RETURNED') && isDraftOwner(user, s);
}

/** Who may propose a suggestion (提出): a deputy for themself, staff on a deputy's behalf. */
export function canPropose(user: CurrentUser): boolean {
  return (user.role === 'DEPUTY' && user.deputyId !== null) || user.role === 'STAFF';
}

/** Staff register on a deputy's behalf (代为登记) and choose the lead deputy. */
export function registersForDeputy(user: CurrentUser): boolean {
  return user.role === 'STAFF';
}
