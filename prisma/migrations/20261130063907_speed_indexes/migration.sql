-- CreateIndex
CREATE INDEX "Suggestion_townshipId_updatedAt_idx" ON "Suggestion"("townshipId", "updatedAt");

-- CreateIndex
CREATE INDEX "Suggestion_townshipId_status_createdById_idx" ON "Suggestion"("townshipId", "status", "createdById");
