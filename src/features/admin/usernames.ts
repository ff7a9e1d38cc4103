import { pinyinKeys } from '../../lib/pinyin.js';

/** Usernames are lower-case letters and digits (and . _ -), 3–32 long: easy to type on a phone. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/** The full pinyin of a name without tones, e.g. 乌云其木格 → "wuyunqimuge", 吕 → "lv". */
export function pinyinOf(name: string): string {
  return pinyinKeys(name)
    .full.replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 28);
}

/**
 * Picks a username for each name from its pinyin, unique among `taken` and each other: the second
 * 王芳 becomes "wangfang2". A name without letters (or a very short one) starts with "daibiao".
 */
export function proposeUsernames(names: readonly string[], taken: Iterable<string>, fallback = 'daibiao'): string[] {
  const used = new Set(Array.from(taken, (u) => u.toLowerCase()));
  return names.map((name) => {
    let base = pinyinOf(name);
    if (!/^[a-z]/.test(base) || base.length < 3) base = `${fallback}${base}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
    used.add(candidate);
    return candidate;
  });
}
