import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_GROUPS, AUDIT_LABELS, SECURITY_ACTIONS, actionsOfGroup, auditLabel } from '../../src/features/audit/audit.labels.js';
import { detailText } from '../../src/features/audit/audit.detail.js';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Every file under src/ except generated code. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('audit action labels', () => {
  // `record` takes only an AuditAction (the label map's keys), so the compiler already refuses a
  // code without a label; this reads the source as well, in case a code gets in through a cast.
  it('every action code written in src/ has a Chinese label', () => {
    const codes = new Set<string>();
    for (const file of sources(path.join(PROJECT_ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('record(')) continue;
      // `action: 'x.y'` and `action: flag ? 'x.y' : 'x.z'`; event codes of the features' own
      // histories ('edit', 'submit') have no dot and are left out.
      for (const m of text.matchAll(/\baction: ([^,}\n]+)/g))
        for (const q of m[1]!.matchAll(/'([a-z-]+(?:\.[a-z-]+)+|logout)'/g)) codes.add(q[1]!);
    }
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes].filter((c) => !(c in AUDIT_LABELS));
    expect(missing).toEqual([]);
  });

  it('labels are Chinese, and unique', () => {
    const labels = Object.values(AUDIT_LABELS);
    for (const [code, label] of Object.entries(AUDIT_LABELS)) expect(label, code).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(labels).size).toBe(labels.length);
    expect(auditLabel('login.failure')).toBe('登录失败（用户名或密码错误）');
    expect(auditLabel('personal.reveal')).toBe('查看完整个人信息');
    expect(auditLabel('suggestion.accept')).toBe('代表建议：立案');
    expect(auditLabel('some.old-code')).toBe('some.old-code');
  });

  it('every code is in a filter group, and the security events hold no business action', () => {
    const grouped = new Set<string>(AUDIT_GROUPS.flatMap((g) => actionsOfGroup(g.key)));
    expect(Object.keys(AUDIT_LABELS).filter((c) => !grouped.has(c))).toEqual([]);
    expect(actionsOfGroup('export')).toEqual(
      expect.arrayContaining(['suggestion.export', 'deputy.export', 'audit.export', 'report.print']),
    );
    for (const code of SECURITY_ACTIONS) expect(code).toMatch(/^(login|logout|session|user|settings|access)\b/);
  });
});

describe('audit details as the auditor reads them', () => {
  it('codes, flags, lists and changes in Chinese', () => {
    expect(detailText(JSON.stringify({ via: 'd', to: 12 }))).toBe('渠道：代表码；代表编号：12');
    expect(detailText(JSON.stringify({ via: 's', to: 3 }))).toBe('渠道：联络站码；联络站编号：3');
    expect(detailText(JSON.stringify({ field: 'voterPhone' }))).toBe('信息项：选民联系电话');
    expect(detailText(JSON.stringify({ reissued: true }))).toBe('重新生成：是');
    expect(detailText(JSON.stringify({ deputyIds: [1, 2, 3] }))).toBe('代表编号：1、2、3');
    expect(detailText(JSON.stringify({ rating: 'FAIRLY' }))).toBe('评价：基本满意');
    expect(detailText(JSON.stringify({ reason: 'idle' }))).toBe('原因：长时间未操作');
    expect(detailText(JSON.stringify({ displayName: { from: '张三', to: '张珊' } }))).toBe('姓名：张三 → 张珊');
    expect(detailText(JSON.stringify({ year: null }))).toBe('年度：无');
    expect(detailText(JSON.stringify({ date: '2026-12-05T00:00:00.000Z' }))).toMatch(/^日期：2026年12月5日$/);
    expect(detailText(JSON.stringify({ from: 'NOT_STARTED', to: 'IN_PROGRESS', percent: 30 }))).toBe(
      '原为：未开工；改为：实施中；完成进度：30',
    );
    expect(detailText('')).toBe('');
  });

  it('every key written in a literal detail in src/ has a Chinese name', () => {
    const keys = new Set<string>();
    for (const file of sources(path.join(PROJECT_ROOT, 'src'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/detail: \{([^{}]*)\}/g)) {
        for (const part of m[1]!.split(',')) {
          const key = /^\s*(\w+)/.exec(part)?.[1];
          if (key && !part.trim().startsWith('...')) keys.add(key);
        }
      }
    }
    expect(keys.size).toBeGreaterThan(20);
    const raw = [...keys].filter((k) => /[A-Za-z]/.test(detailText(JSON.stringify({ [k]: 1 })).split('：')[0]!));
    expect(raw).toEqual([]);
  });
});
