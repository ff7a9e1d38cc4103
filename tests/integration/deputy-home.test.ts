/**
 * The deputy's home page counts and lists exactly the suggestions the deputy may read: those they
 * lead (drafts included) and those they co-sign that are not drafts — the deputy's suggestionScope,
 * read through the lead-deputy and co-signer indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createSuggestion, TEST_PASSWORD, type World } from '../helpers/factories.js';
import { loginAs, type TestApp } from '../helpers/test-app.js';
import { worldApp } from '../helpers/world-app.js';
import { createDb } from '../../src/db.js';

let t: TestApp;
let w: World;
let deputy: request.Agent;
beforeAll(async () => {
  ({ t, w } = await worldApp({ now: () => new Date('2024-06-01T10:00:00+08:00') }));
  deputy = await loginAs(t.app, 'deputy', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('the deputy home page', () => {
  it('counts the suggestions the deputy leads and the co-signed ones that are not drafts', async () => {
    const db = t.testDb.db;
    const tid = w.township.id;
    const { deputyA, deputyB } = w.deputies;
    // deputyA leads `mine` (world) and a draft of their own; co-signs one of B's submitted and one of B's drafts.
    const ownDraft = await createSuggestion(db, tid, deputyA.id, { title: '张代表自己的草稿', status: 'DRAFT' });
    const cosigned = await createSuggestion(db, tid, deputyB.id, { title: '包代表邀请附议的建议', status: 'SUBMITTED' });
    const cosignedDraft = await createSuggestion(db, tid, deputyB.id, { title: '包代表尚未提交的草稿', status: 'DRAFT' });
    for (const s of [cosigned, cosignedDraft]) await db.suggestionCoSigner.create({ data: { suggestionId: s.id, deputyId: deputyA.id } });
    const scoped = await t.services.suggestions.count((await t.services.auth.findSessionUser(w.users.deputy.id))!, {});

    const page = (await deputy.get('/')).text;
    expect(page).toMatch(/<b>3<\/b><span>我的建议<\/span>/);
    expect(scoped).toBe(3);
    for (const title of ['张代表的建议', ownDraft.title, cosigned.title]) expect(page).toContain(title);
    expect(page).not.toContain(cosignedDraft.title);
    expect(page).not.toContain('包代表的建议');
  });

  it('shows what changed since the last visit at once, also when another connection changed it', async () => {
    const db = t.testDb.db;
    expect((await deputy.get('/')).text).toMatch(/<b>3<\/b><span>我的建议<\/span>/);
    await createSuggestion(db, w.township.id, w.deputies.deputyA.id, { title: '张代表新提的建议', status: 'SUBMITTED' });
    const page = (await deputy.get('/')).text;
    expect(page).toMatch(/<b>4<\/b><span>我的建议<\/span>/);
    expect(page).toContain('张代表新提的建议');
    const other = createDb(t.testDb.url);
    try {
      await other.suggestion.updateMany({ where: { title: '张代表新提的建议' }, data: { title: '张代表改过的建议' } });
    } finally {
      await other.$disconnect();
    }
    expect((await deputy.get('/')).text).toContain('张代表改过的建议');
  });
});
