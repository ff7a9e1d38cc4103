/** Who is told about a suggestion: the users of units, of a deputy, the township's staff and presidium. */
import type { Tx } from '../../db.js';

export async function usersOfUnits(tx: Tx, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows = await tx.user.findMany({ where: { unitId: { in: unitIds }, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function userOfDeputy(tx: Tx, deputyId: number): Promise<number[]> {
  const u = await tx.user.findFirst({ where: { deputyId, active: true }, select: { id: true } });
  return u ? [u.id] : [];
}

export async function staffUsers(tx: Tx, townshipId: number): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { townshipId, role: 'STAFF', active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function presidiumUsers(tx: Tx, townshipId: number): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { townshipId, role: 'PRESIDIUM', active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}
