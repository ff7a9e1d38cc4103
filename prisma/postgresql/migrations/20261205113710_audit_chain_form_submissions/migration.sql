-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "result" TEXT NOT NULL DEFAULT 'SUCCESS',
ADD COLUMN     "username" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "FormSubmission" (
    "token" TEXT NOT NULL,
    "userId" INTEGER,
    "location" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_hash_idx" ON "AuditLog"("hash");

-- Tamper evidence, the PostgreSQL twin of the SQLite migration 20261205101557_audit_chain
-- (src/features/audit/audit.chain.ts). A row is written with a null hash inside the feature's own
-- transaction; the sealer later sets its hash, once. Nothing else may change a row, and no row younger
-- than 180 days may be deleted (网络安全法 §21: logs kept at least six months).
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog rows cannot be changed once written';
END
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE ON "AuditLog" FOR EACH ROW
WHEN (OLD."hash" IS NOT NULL
  OR NEW."id" IS DISTINCT FROM OLD."id"
  OR NEW."townshipId" IS DISTINCT FROM OLD."townshipId"
  OR NEW."actorId" IS DISTINCT FROM OLD."actorId"
  OR NEW."action" IS DISTINCT FROM OLD."action"
  OR NEW."entity" IS DISTINCT FROM OLD."entity"
  OR NEW."entityId" IS DISTINCT FROM OLD."entityId"
  OR NEW."detail" IS DISTINCT FROM OLD."detail"
  OR NEW."ip" IS DISTINCT FROM OLD."ip"
  OR NEW."username" IS DISTINCT FROM OLD."username"
  OR NEW."result" IS DISTINCT FROM OLD."result"
  OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt")
EXECUTE FUNCTION "AuditLog_append_only"();

CREATE FUNCTION "AuditLog_retention"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog rows are kept at least 180 days';
END
$$;

CREATE TRIGGER "AuditLog_retention" BEFORE DELETE ON "AuditLog" FOR EACH ROW
WHEN (OLD."createdAt" > (now() AT TIME ZONE 'UTC') - INTERVAL '180 days')
EXECUTE FUNCTION "AuditLog_retention"();
