-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deputy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "congressId" INTEGER,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT '汉族',
    "birthYear" INTEGER,
    "politicalAffiliation" TEXT NOT NULL DEFAULT '群众',
    "occupation" TEXT NOT NULL DEFAULT '',
    "workplace" TEXT NOT NULL DEFAULT '',
    "district" TEXT NOT NULL DEFAULT '',
    "village" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "termStart" DATETIME,
    "termEnd" DATETIME,
    "statusNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "phoneHash" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Deputy_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deputy_congressId_fkey" FOREIGN KEY ("congressId") REFERENCES "Congress" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deputy" ("birthYear", "congressId", "createdAt", "district", "ethnicity", "gender", "id", "name", "occupation", "phone", "politicalAffiliation", "status", "statusNote", "termEnd", "termStart", "townshipId", "updatedAt", "village", "workplace") SELECT "birthYear", "congressId", "createdAt", "district", "ethnicity", "gender", "id", "name", "occupation", "phone", "politicalAffiliation", "status", "statusNote", "termEnd", "termStart", "townshipId", "updatedAt", "village", "workplace" FROM "Deputy";
DROP TABLE "Deputy";
ALTER TABLE "new_Deputy" RENAME TO "Deputy";
CREATE INDEX "Deputy_townshipId_status_name_idx" ON "Deputy"("townshipId", "status", "name");
CREATE INDEX "Deputy_congressId_idx" ON "Deputy"("congressId");
CREATE INDEX "Deputy_village_idx" ON "Deputy"("village");
CREATE INDEX "Deputy_district_idx" ON "Deputy"("district");
CREATE INDEX "Deputy_phoneHash_idx" ON "Deputy"("phoneHash");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "voterPhoneHash" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "VoterOpinion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_referredUnitId_fkey" FOREIGN KEY ("referredUnitId") REFERENCES "HandlingUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_VoterOpinion" ("answer", "answeredAt", "category", "content", "createdAt", "deputyId", "handling", "id", "receptionId", "referralDueDate", "referredUnitId", "suggestionId", "townshipId", "updatedAt", "voterName", "voterPhone") SELECT "answer", "answeredAt", "category", "content", "createdAt", "deputyId", "handling", "id", "receptionId", "referralDueDate", "referredUnitId", "suggestionId", "townshipId", "updatedAt", "voterName", "voterPhone" FROM "VoterOpinion";
DROP TABLE "VoterOpinion";
ALTER TABLE "new_VoterOpinion" RENAME TO "VoterOpinion";
CREATE UNIQUE INDEX "VoterOpinion_suggestionId_key" ON "VoterOpinion"("suggestionId");
CREATE INDEX "VoterOpinion_townshipId_createdAt_idx" ON "VoterOpinion"("townshipId", "createdAt");
CREATE INDEX "VoterOpinion_receptionId_idx" ON "VoterOpinion"("receptionId");
CREATE INDEX "VoterOpinion_deputyId_idx" ON "VoterOpinion"("deputyId");
CREATE INDEX "VoterOpinion_referredUnitId_idx" ON "VoterOpinion"("referredUnitId");
CREATE INDEX "VoterOpinion_handling_idx" ON "VoterOpinion"("handling");
CREATE INDEX "VoterOpinion_voterPhoneHash_idx" ON "VoterOpinion"("voterPhoneHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
