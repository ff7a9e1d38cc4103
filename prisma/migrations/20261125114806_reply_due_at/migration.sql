-- AlterTable
ALTER TABLE "Reply" ADD COLUMN "dueAt" DATETIME;
