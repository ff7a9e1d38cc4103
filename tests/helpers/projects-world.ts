import type request from 'supertest';
import { createTestApp, csrfOf, loginAs, type TestApp } from './test-app.js';
import { createProjectsWorld, createWorld, TEST_PASSWORD, type ProjectsWorld, type World } from './factories.js';

export type Logged = { t: TestApp; w: World; pw: ProjectsWorld; agents: Record<string, request.Agent>; csrf: Record<string, string> };

/** A test app with the world, its session and tasks, and these accounts logged in with their CSRF tokens. */
export async function projectsTestApp(names: ReadonlyArray<keyof World['users']>): Promise<Logged> {
  const t = await createTestApp();
  const w = await createWorld(t.services.db);
  const pw = await createProjectsWorld(t.services.db, w);
  const agents: Record<string, request.Agent> = {};
  const csrf: Record<string, string> = {};
  for (const name of names) {
    agents[name] = await loginAs(t.app, w.users[name].username, TEST_PASSWORD);
    csrf[name] = await csrfOf(agents[name]);
  }
  return { t, w, pw, agents, csrf };
}
