// The bench's baseline: a bare Express 5 + EJS + better-sqlite3 page that renders 20 escaped
// Chinese rows from one query, in plain JavaScript (no TypeScript loader), with the view cache on.
// Every ratio `npm run bench` prints is measured against this page in the same run.
//   node tests/bench/bare/server.mjs <database file> <port>
import express from 'express';
import Database from 'better-sqlite3';

const [file, port] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const rows = db.prepare(
  `SELECT s.id, s.year, s.number, s.title, s.status, d.name AS deputy
   FROM "Suggestion" s JOIN "Deputy" d ON d.id = s."leadDeputyId"
   ORDER BY s.id DESC LIMIT 20`,
);

const app = express();
app.set('view engine', 'ejs');
app.set('views', import.meta.dirname);
app.set('view cache', true);
app.get('/', (_req, res) => res.render('page', { title: '代表建议', rows: rows.all() }));
app.listen(Number(port), '127.0.0.1', () => console.log(`bare page on ${port}`));
process.on('SIGTERM', () => process.exit(0));
