import { diffChars } from 'diff';
import type { ReportStatus } from '../../generated/prisma/enums.js';
import type { Facts } from './reports.figures.js';
import type { SectionInput } from './reports.draft.js';

/**
 * The report's revisions as plain data: what a revision keeps, reading one back, comparing two side
 * by side, and the editor's layout operations (no database here: unit tests call these directly).
 */

/** What a revision keeps: the report's text as saved, and the facts the generator printed. */
export type Snapshot = {
  title: string;
  presenterName: string;
  presenterTitle: string;
  sessionId: number | null;
  status: ReportStatus;
  sections: SectionInput[];
  facts: Facts;
};

export function parseSnapshot(json: string): Snapshot {
  const s = JSON.parse(json) as Partial<Snapshot>;
  return {
    title: s.title ?? '',
    presenterName: s.presenterName ?? '',
    presenterTitle: s.presenterTitle ?? '',
    sessionId: s.sessionId ?? null,
    status: s.status ?? 'DRAFT',
    sections: s.sections ?? [],
    facts: s.facts ?? {},
  };
}

type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };

/** Side-by-side character diff: the left side keeps removals, the right side additions. */
export function sideBySide(a: string, b: string): { left: DiffPart[]; right: DiffPart[]; changed: boolean } {
  const parts = diffChars(a, b);
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  for (const p of parts) {
    if (p.added) right.push({ text: p.value, change: 'added' });
    else if (p.removed) left.push({ text: p.value, change: 'removed' });
    else {
      left.push({ text: p.value, change: 'same' });
      right.push({ text: p.value, change: 'same' });
    }
  }
  return { left, right, changed: parts.some((p) => p.added || p.removed) };
}

/** Moves, removes or inserts a section: the editor's buttons work without JavaScript. */
export function applyOp(sections: SectionInput[], op: string): SectionInput[] {
  const out = [...sections];
  if (op === 'add') return [...out, { kind: 'REVIEW_PART', heading: '', body: '' }];
  const [name, n] = op.split(':');
  const i = Number(n);
  if (!(i >= 0 && i < out.length)) return out;
  if (name === 'up' && i > 0) [out[i - 1], out[i]] = [out[i]!, out[i - 1]!];
  if (name === 'down' && i < out.length - 1) [out[i + 1], out[i]] = [out[i]!, out[i + 1]!];
  if (name === 'remove') out.splice(i, 1);
  if (name === 'insert') out.splice(i + 1, 0, { kind: out[i]!.kind === 'OPENING' ? 'REVIEW_INTRO' : out[i]!.kind, heading: '', body: '' });
  return out;
}

export function snapshotOf(
  report: {
    title: string;
    presenterName: string;
    presenterTitle: string;
    sessionId: number | null;
    status: ReportStatus;
    sections: SectionInput[];
  },
  previous: Snapshot | null,
): Snapshot {
  return {
    title: report.title,
    presenterName: report.presenterName,
    presenterTitle: report.presenterTitle,
    sessionId: report.sessionId,
    status: report.status,
    sections: report.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body })),
    facts: previous?.facts ?? {},
  };
}
