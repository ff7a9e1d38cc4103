/** Chinese names in the order people look them up (by pinyin), and found by pinyin or its initials. */
import { pinyin } from 'pinyin-pro';

/** 王晓燕 → { full: 'wangxiaoyan', initials: 'wxy' }. */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' }).map((p) => p.toLowerCase());
  return { full: syllables.join(''), initials: syllables.map((p) => p[0] ?? '').join('') };
}

/** The items sorted by the pinyin of `nameOf(item)` (then by the characters, for homophones). */
export function byPinyin<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: pinyinKeys(nameOf(item)).full, name: nameOf(item) }))
    .sort((a, b) => a.key.localeCompare(b.key, 'en') || a.name.localeCompare(b.name, 'zh-CN'))
    .map((x) => x.item);
}

/** Does `name` match what the user typed: part of the name, of its pinyin, or of its initials? */
export function matchesName(name: string, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  if (name.includes(q)) return true;
  const { full, initials } = pinyinKeys(name);
  return full.includes(q) || initials.includes(q);
}
