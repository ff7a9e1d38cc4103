import type request from 'supertest';
import { createTestApp, loginAs, type TestApp } from './test-app.js';
import { createWorld, TEST_PASSWORD, type World } from './factories.js';

/** A test app on a fresh database holding the factories' world, and the world's staff member logged in. */
export async function worldApp(options: { now?: () => Date } = {}): Promise<{ t: TestApp; w: World; staff: request.Agent }> {
  const t = await createTestApp(options);
  const w = await createWorld(t.services.db);
  const staff = await loginAs(t.app, 'staff', TEST_PASSWORD);
  return { t, w, staff };
}
