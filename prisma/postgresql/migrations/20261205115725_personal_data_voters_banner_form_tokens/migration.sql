/*
  Warnings:

  - A unique constraint covering the columns `[voterCode]` on the table `Deputy` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[voterCode]` on the table `LiaisonStation` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[trackingCode]` on the table `VoterOpinion` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "OpinionSource" AS ENUM ('RECEPTION', 'CODE');

-- CreateEnum
CREATE TYPE "OpinionRating" AS ENUM ('SATISFIED', 'FAIRLY', 'DISSATISFIED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'BANNER_ADMIN';
ALTER TYPE "Role" ADD VALUE 'BANNER_VIEWER';

-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_townshipId_fkey";

-- AlterTable
ALTER TABLE "Deputy" ADD COLUMN     "phoneHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "voterCode" TEXT;

-- AlterTable
ALTER TABLE "LiaisonStation" ADD COLUMN     "voterCode" TEXT;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "townshipId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "VoterOpinion" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "ratedAt" TIMESTAMP(3),
ADD COLUMN     "rating" "OpinionRating",
ADD COLUMN     "readAt" TIMESTAMP(3),
ADD COLUMN     "respondedAt" TIMESTAMP(3),
ADD COLUMN     "source" "OpinionSource" NOT NULL DEFAULT 'RECEPTION',
ADD COLUMN     "spam" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stationId" INTEGER,
ADD COLUMN     "trackingCode" TEXT,
ADD COLUMN     "village" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "voterPhoneHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "OpinionEvent" (
    "id" SERIAL NOT NULL,
    "opinionId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpinionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeputyLiaison" (
    "memberId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    CONSTRAINT "DeputyLiaison_pkey" PRIMARY KEY ("memberId","deputyId")
);

-- CreateTable
CREATE TABLE "DeputyContact" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "way" "ContactWay" NOT NULL,
    "content" TEXT NOT NULL,
    "followUp" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeputyContact_pkey" PRIMARY KEY ("id")
);

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
CREATE INDEX "Deputy_phoneHash_idx" ON "Deputy"("phoneHash");

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonStation_voterCode_key" ON "LiaisonStation"("voterCode");

-- CreateIndex
CREATE UNIQUE INDEX "VoterOpinion_trackingCode_key" ON "VoterOpinion"("trackingCode");

-- CreateIndex
CREATE INDEX "VoterOpinion_townshipId_source_createdAt_idx" ON "VoterOpinion"("townshipId", "source", "createdAt");

-- CreateIndex
CREATE INDEX "VoterOpinion_stationId_idx" ON "VoterOpinion"("stationId");

-- CreateIndex
CREATE INDEX "VoterOpinion_voterPhoneHash_idx" ON "VoterOpinion"("voterPhoneHash");

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionEvent" ADD CONSTRAINT "OpinionEvent_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "VoterOpinion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionEvent" ADD CONSTRAINT "OpinionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyLiaison" ADD CONSTRAINT "DeputyLiaison_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyLiaison" ADD CONSTRAINT "DeputyLiaison_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE SET NULL ON UPDATE CASCADE;
