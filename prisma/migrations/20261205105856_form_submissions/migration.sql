-- CreateTable
CREATE TABLE "FormSubmission" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER,
    "location" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");
