-- Chinese full-text search over suggestions' title and content: SQLite FTS5 with the trigram
-- tokenizer (matches any substring of 3+ characters, which suits Chinese without word splitting).
-- An external-content table kept in step with "Suggestion" by triggers. Prisma does not model
-- virtual tables: scripts/db.ts lists these as external tables.
CREATE VIRTUAL TABLE "SuggestionSearch" USING fts5(
    title,
    content,
    content = 'Suggestion',
    content_rowid = 'id',
    tokenize = 'trigram'
);

INSERT INTO "SuggestionSearch" (rowid, title, content) SELECT "id", "title", "content" FROM "Suggestion";

CREATE TRIGGER "Suggestion_search_insert" AFTER INSERT ON "Suggestion" BEGIN
    INSERT INTO "SuggestionSearch" (rowid, title, content) VALUES (new."id", new."title", new."content");
END;

CREATE TRIGGER "Suggestion_search_delete" AFTER DELETE ON "Suggestion" BEGIN
    INSERT INTO "SuggestionSearch" ("SuggestionSearch", rowid, title, content) VALUES ('delete', old."id", old."title", old."content");
END;

CREATE TRIGGER "Suggestion_search_update" AFTER UPDATE OF "title", "content" ON "Suggestion" BEGIN
    INSERT INTO "SuggestionSearch" ("SuggestionSearch", rowid, title, content) VALUES ('delete', old."id", old."title", old."content");
    INSERT INTO "SuggestionSearch" (rowid, title, content) VALUES (new."id", new."title", new."content");
END;
