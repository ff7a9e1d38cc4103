-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL DEFAULT '',
    "entityId" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "username" TEXT NOT NULL DEFAULT '',
    "result" TEXT NOT NULL DEFAULT 'SUCCESS',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hash" TEXT,
    CONSTRAINT "AuditLog_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditLog" ("action", "actorId", "createdAt", "detail", "entity", "entityId", "id", "ip", "townshipId") SELECT "action", "actorId", "createdAt", "detail", "entity", "entityId", "id", "ip", "townshipId" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE INDEX "AuditLog_townshipId_createdAt_idx" ON "AuditLog"("townshipId", "createdAt");
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");
CREATE INDEX "AuditLog_action_idx" ON "AuditLog"("action");
CREATE INDEX "AuditLog_hash_idx" ON "AuditLog"("hash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Tamper evidence (src/features/audit/audit.chain.ts). A row is written with a null hash inside the
-- feature's own transaction; the sealer later sets its hash, once. Nothing else may change a row,
-- and no row younger than 180 days may be deleted (网络安全法 §21: logs kept at least six months).
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE ON "AuditLog"
WHEN OLD."hash" IS NOT NULL
  OR NEW."id" IS NOT OLD."id"
  OR NEW."townshipId" IS NOT OLD."townshipId"
  OR NEW."actorId" IS NOT OLD."actorId"
  OR NEW."action" IS NOT OLD."action"
  OR NEW."entity" IS NOT OLD."entity"
  OR NEW."entityId" IS NOT OLD."entityId"
  OR NEW."detail" IS NOT OLD."detail"
  OR NEW."ip" IS NOT OLD."ip"
  OR NEW."username" IS NOT OLD."username"
  OR NEW."result" IS NOT OLD."result"
  OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN
  SELECT RAISE(ABORT, 'AuditLog rows cannot be changed once written');
END;

CREATE TRIGGER "AuditLog_retention" BEFORE DELETE ON "AuditLog"
WHEN julianday(OLD."createdAt") > julianday('now', '-180 days')
BEGIN
  SELECT RAISE(ABORT, 'AuditLog rows are kept at least 180 days');
END;
