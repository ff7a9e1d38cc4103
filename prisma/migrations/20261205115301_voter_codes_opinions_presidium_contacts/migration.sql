/*
  Warnings:

  - A unique constraint covering the columns `[voterCode]` on the table `Deputy` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[voterCode]` on the table `LiaisonStation` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Deputy" ADD COLUMN "voterCode" TEXT;

-- AlterTable
ALTER TABLE "LiaisonStation" ADD COLUMN "voterCode" TEXT;

-- CreateTable
CREATE TABLE "OpinionEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "opinionId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpinionEvent_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "VoterOpinion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpinionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeputyLiaison" (
    "memberId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    PRIMARY KEY ("memberId", "deputyId"),
    CONSTRAINT "DeputyLiaison_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeputyLiaison_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeputyContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "way" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "followUp" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeputyContact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeputyContact_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VoterOpinion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "receptionId" INTEGER,
    "deputyId" INTEGER,
    "content" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'OTHER',
    "voterName" TEXT NOT NULL DEFAULT '',
    "voterPhone" TEXT NOT NULL DEFAULT '',
    "handling" TEXT NOT NULL DEFAULT 'PENDING',
    "answer" TEXT NOT NULL DEFAULT '',
    "referredUnitId" INTEGER,
    "referralDueDate" DATETIME,
    "answeredAt" DATETIME,
    "suggestionId" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'RECEPTION',
    "stationId" INTEGER,
    "village" TEXT NOT NULL DEFAULT '',
    "trackingCode" TEXT,
    "readAt" DATETIME,
    "escalatedAt" DATETIME,
    "respondedAt" DATETIME,
    "rating" TEXT,
    "ratedAt" DATETIME,
    "spam" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "voterPhoneHash" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "VoterOpinion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_referredUnitId_fkey" FOREIGN KEY ("referredUnitId") REFERENCES "HandlingUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_VoterOpinion" ("answer", "answeredAt", "category", "content", "createdAt", "deputyId", "handling", "id", "receptionId", "referralDueDate", "referredUnitId", "suggestionId", "townshipId", "updatedAt", "voterName", "voterPhone", "voterPhoneHash") SELECT "answer", "answeredAt", "category", "content", "createdAt", "deputyId", "handling", "id", "receptionId", "referralDueDate", "referredUnitId", "suggestionId", "townshipId", "updatedAt", "voterName", "voterPhone", "voterPhoneHash" FROM "VoterOpinion";
DROP TABLE "VoterOpinion";
ALTER TABLE "new_VoterOpinion" RENAME TO "VoterOpinion";
CREATE UNIQUE INDEX "VoterOpinion_suggestionId_key" ON "VoterOpinion"("suggestionId");
CREATE UNIQUE INDEX "VoterOpinion_trackingCode_key" ON "VoterOpinion"("trackingCode");
CREATE INDEX "VoterOpinion_townshipId_source_createdAt_idx" ON "VoterOpinion"("townshipId", "source", "createdAt");
CREATE INDEX "VoterOpinion_stationId_idx" ON "VoterOpinion"("stationId");
CREATE INDEX "VoterOpinion_townshipId_createdAt_idx" ON "VoterOpinion"("townshipId", "createdAt");
CREATE INDEX "VoterOpinion_receptionId_idx" ON "VoterOpinion"("receptionId");
CREATE INDEX "VoterOpinion_deputyId_idx" ON "VoterOpinion"("deputyId");
CREATE INDEX "VoterOpinion_referredUnitId_idx" ON "VoterOpinion"("referredUnitId");
CREATE INDEX "VoterOpinion_handling_idx" ON "VoterOpinion"("handling");
CREATE INDEX "VoterOpinion_voterPhoneHash_idx" ON "VoterOpinion"("voterPhoneHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OpinionEvent_opinionId_idx" ON "OpinionEvent"("opinionId");

-- CreateIndex
CREATE INDEX "OpinionEvent_actorId_idx" ON "OpinionEvent"("actorId");

-- CreateIndex
CREATE INDEX "DeputyLiaison_deputyId_idx" ON "DeputyLiaison"("deputyId");

-- CreateIndex
CREATE INDEX "DeputyContact_townshipId_date_idx" ON "DeputyContact"("townshipId", "date");

-- CreateIndex
CREATE INDEX "DeputyContact_memberId_date_idx" ON "DeputyContact"("memberId", "date");

-- CreateIndex
CREATE INDEX "DeputyContact_deputyId_date_idx" ON "DeputyContact"("deputyId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Deputy_voterCode_key" ON "Deputy"("voterCode");

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonStation_voterCode_key" ON "LiaisonStation"("voterCode");
