/** The password rules: one place that says whether a new password is acceptable, in Chinese. */
import { randomInt } from 'node:crypto';
import zxcvbnCore from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

/** The security administrator's settings (table SecurityPolicy), with their defaults. */
export type SecurityPolicy = {
  passwordMinLength: number;
  passwordMinKinds: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
  lockThreshold: number;
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
};

export const DEFAULT_POLICY: SecurityPolicy = {
  passwordMinLength: 10,
  passwordMinKinds: 3,
  passwordHistory: 5,
  passwordMaxAgeDays: 0,
  lockThreshold: 5,
  lockMinutes: 15,
  idleMinutes: 120,
  absoluteHours: 12,
};

/** Bounds of each setting: the settings form and its schema use them. */
export const POLICY_BOUNDS: Record<keyof SecurityPolicy, { min: number; max: number; label: string }> = {
  passwordMinLength: { min: 8, max: 64, label: '密码最短长度' },
  passwordMinKinds: { min: 2, max: 4, label: '至少包含的字符种类' },
  passwordHistory: { min: 1, max: 24, label: '不得与最近几次密码相同' },
  passwordMaxAgeDays: { min: 0, max: 365, label: '密码有效期（天）' },
  lockThreshold: { min: 3, max: 10, label: '连续输错几次锁定' },
  lockMinutes: { min: 5, max: 1440, label: '首次锁定时长（分钟）' },
  idleMinutes: { min: 5, max: 480, label: '无操作自动退出（分钟）' },
  absoluteHours: { min: 1, max: 24, label: '登录最长有效（小时）' },
};

export const MAX_PASSWORD_LENGTH = 128;

const KINDS = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/];

/** Words that make a password easy to guess here, beyond the common-password list. */
const LOCAL_WORDS = ['renda', 'rendadaibiao', 'daibiao', 'zhuxituan', 'zhengfu', 'woaini', 'aini1314', '5201314', '1314520'];

let checker: InstanceType<typeof zxcvbnCore.ZxcvbnFactory> | null = null;
/** zxcvbn with its common-password and keyboard-pattern dictionaries (built once, on first use). */
function strength() {
  checker ??= new zxcvbnCore.ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, local: LOCAL_WORDS },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return checker;
}

/** What a new password is checked against besides the rules: the account's own words. */
export type PasswordContext = { username: string; displayName?: string };

/** A Chinese explanation of why `password` breaks the policy, or null when it is acceptable. */
export function passwordProblem(password: string, who: PasswordContext, policy: SecurityPolicy = DEFAULT_POLICY): string | null {
  if (password.length < policy.passwordMinLength) return `密码至少${policy.passwordMinLength}位`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过${MAX_PASSWORD_LENGTH}位`;
  const kinds = KINDS.filter((re) => re.test(password)).length;
  if (kinds < policy.passwordMinKinds) {
    return `密码需包含大写字母、小写字母、数字、符号中的至少${'零一二三四'[policy.passwordMinKinds]}种`;
  }
  if (who.username && password.toLowerCase().includes(who.username.toLowerCase())) return '密码不能包含用户名';
  // zxcvbn scores 0–4; below 3 the password is a common one dressed up (Password@123, Qwerty@12345 …).
  const inputs = [who.username, who.displayName ?? ''].filter(Boolean);
  if (strength().check(password, inputs).score < 3) {
    return '密码太常见或容易被猜到（如 Password@123、Admin@12345），请换一个';
  }
  return null;
}

/** A one-line summary of the rules for the hint beside a new-password field. */
export function passwordRulesText(policy: SecurityPolicy): string {
  return `至少${policy.passwordMinLength}位，包含大写字母、小写字母、数字、符号中的至少${'零一二三四'[policy.passwordMinKinds]}种；不能包含用户名，不能是常见密码，不能与最近${policy.passwordHistory}次用过的密码相同。`;
}

// Letters and digits that cannot be mistaken for one another on paper (no 0/O, 1/l/I).
const UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';

/**
 * A temporary password for a printed slip: three groups of four, e.g. "Kp7w-Xm3d-Rt9b" (upper,
 * lower, digits and a symbol; about 50 bits), easy to read aloud and type on a phone.
 */
export function generateInitialPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const group = () => pick(UPPER) + pick(LOWER) + pick(DIGITS) + pick(LOWER);
  return `${group()}-${group()}-${group()}`;
}
