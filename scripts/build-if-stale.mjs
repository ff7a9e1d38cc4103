// `npm start`'s prestart: compiles the server (`npm run build`) only when dist/ is missing or older
// than a source it is built from, so that a plain restart starts at once. A fresh clone, a pull or
// an edit under src/ still compiles before the server starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.built');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The newest modification time among a file or the files under a folder. */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs; // a deleted or renamed file changes its folder
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

const built = fs.existsSync(path.join(root, 'dist', 'src', 'server.js')) ? newest(stamp) : 0;
const sources = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (built && built >= sources) process.exit(0);

console.log('Compiling the server (dist/ is missing or older than src/) …');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
