-- CreateTable
CREATE TABLE "TownshipHost" (
    "host" TEXT NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TownshipHost_pkey" PRIMARY KEY ("host")
);

-- CreateIndex
CREATE INDEX "TownshipHost_townshipId_idx" ON "TownshipHost"("townshipId");

-- AddForeignKey
ALTER TABLE "TownshipHost" ADD CONSTRAINT "TownshipHost_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE CASCADE ON UPDATE CASCADE;
