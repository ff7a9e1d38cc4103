-- CreateTable
CREATE TABLE "TownshipHost" (
    "host" TEXT NOT NULL PRIMARY KEY,
    "townshipId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TownshipHost_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TownshipHost_townshipId_idx" ON "TownshipHost"("townshipId");
