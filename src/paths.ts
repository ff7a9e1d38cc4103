import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder (the one with package.json, views/, public/ and prisma/), found from this
 * file's location: the same whether the server runs from src/ (tsx) or from the compiled dist/src/.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'views'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project folder (package.json and views/) above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
