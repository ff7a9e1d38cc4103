/** Deputies grouped by village (嘎查 / 村), for checkbox lists; villages in Chinese order, '其他' for none. */
export function byVillage<T extends { village: string }>(deputies: T[]): Array<{ village: string; deputies: T[] }> {
  const groups = new Map<string, T[]>();
  for (const d of deputies) {
    const key = d.village || '其他';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([village, list]) => ({ village, deputies: list }));
}
