-- Trigram indexes for the Chinese search (src/schema-pg.ts)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "VotingStatus" AS ENUM ('NOT_OPEN', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VotingRule" AS ENUM ('HALF_OF_ALL', 'HALF_OF_PRESENT');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "DeputyLevel" AS ENUM ('CITY', 'BANNER', 'TOWN');

-- CreateEnum
CREATE TYPE "DeputyStatus" AS ENUM ('ACTIVE', 'TERMINATED');

-- CreateEnum
CREATE TYPE "StationTier" AS ENUM ('BANNER', 'TOWN_HOME', 'VILLAGE');

-- CreateEnum
CREATE TYPE "ReceptionStatus" AS ENUM ('SCHEDULED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OpinionHandling" AS ENUM ('PENDING', 'ANSWERED', 'REFERRED', 'CONVERTED');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('STUDY', 'OPEN_DAY', 'INSPECTION', 'RESEARCH', 'LEGAL_PUBLICITY', 'DISASTER_PUBLICITY', 'CULTURE', 'OTHER');

-- CreateEnum
CREATE TYPE "ProjectSource" AS ENUM ('GOVERNMENT', 'DEPUTY_SUGGESTION', 'VOTER_OPINION');

-- CreateEnum
CREATE TYPE "ProjectPhase" AS ENUM ('COLLECTED', 'SHORTLISTED', 'PASSED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'IN_USE');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "ProjectRatingValue" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "SuggestionCategory" AS ENUM ('LIVELIHOOD', 'ROADS_TRAFFIC', 'RURAL_CONSTRUCTION', 'AGRICULTURE', 'EDUCATION_HEALTH', 'ECOLOGY', 'SOCIAL_GOVERNANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'ASSIGNED', 'HANDLING', 'REPLIED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED', 'MERGED', 'REFERENCE');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('LEAD', 'ASSIST');

-- CreateEnum
CREATE TYPE "ReplyCategory" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "SatisfactionLevel" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "SupervisionWay" AS ENUM ('CALL', 'VISIT', 'MEETING', 'PROMPT');

-- CreateEnum
CREATE TYPE "ContactWay" AS ENUM ('MEETING', 'PHONE', 'FORUM');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('INSPECT_PROJECT', 'FOLLOW_SUGGESTION', 'RECEPTION_DUTY', 'SURVEY', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskAssignmentStatus" AS ENUM ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'FINAL');

-- CreateEnum
CREATE TYPE "ReportSectionKind" AS ENUM ('OPENING', 'REVIEW_INTRO', 'REVIEW_PART', 'ACHIEVEMENTS', 'TASKS', 'CLOSING');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'PRESIDIUM', 'DEPUTY', 'UNIT', 'AUDITOR', 'SYSADMIN', 'SECADMIN');

-- CreateTable
CREATE TABLE "Township" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL DEFAULT '',
    "portalUrl" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Township_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Congress" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "term" INTEGER NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Congress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CongressSession" (
    "id" SERIAL NOT NULL,
    "congressId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "place" TEXT NOT NULL DEFAULT '',
    "votingStatus" "VotingStatus" NOT NULL DEFAULT 'NOT_OPEN',
    "votingRule" "VotingRule" NOT NULL DEFAULT 'HALF_OF_ALL',
    "presentCount" INTEGER,
    "votingOpenedAt" TIMESTAMP(3),
    "votingClosedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CongressSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deputy" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "congressId" INTEGER,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT '汉族',
    "birthYear" INTEGER,
    "politicalAffiliation" TEXT NOT NULL DEFAULT '群众',
    "occupation" TEXT NOT NULL DEFAULT '',
    "workplace" TEXT NOT NULL DEFAULT '',
    "district" TEXT NOT NULL DEFAULT '',
    "village" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "status" "DeputyStatus" NOT NULL DEFAULT 'ACTIVE',
    "termStart" TIMESTAMP(3),
    "termEnd" TIMESTAMP(3),
    "statusNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deputy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeputyLevelHeld" (
    "deputyId" INTEGER NOT NULL,
    "level" "DeputyLevel" NOT NULL,

    CONSTRAINT "DeputyLevelHeld_pkey" PRIMARY KEY ("deputyId","level")
);

-- CreateTable
CREATE TABLE "LiaisonStation" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tier" "StationTier" NOT NULL,
    "village" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "establishedOn" TIMESTAMP(3),
    "workRules" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiaisonStation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationEquipment" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unit" TEXT NOT NULL DEFAULT '台',
    "providedOn" TIMESTAMP(3),
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StationEquipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationDeputy" (
    "stationId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "since" TIMESTAMP(3),

    CONSTRAINT "StationDeputy_pkey" PRIMARY KEY ("stationId","deputyId")
);

-- CreateTable
CREATE TABLE "Reception" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "stationId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "timeRange" TEXT NOT NULL DEFAULT '',
    "noticePublishedOn" TIMESTAMP(3),
    "status" "ReceptionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "voterCount" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDeputy" (
    "receptionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReceptionDeputy_pkey" PRIMARY KEY ("receptionId","deputyId")
);

-- CreateTable
CREATE TABLE "VoterOpinion" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "receptionId" INTEGER,
    "deputyId" INTEGER,
    "content" TEXT NOT NULL,
    "category" "SuggestionCategory" NOT NULL DEFAULT 'OTHER',
    "voterName" TEXT NOT NULL DEFAULT '',
    "voterPhone" TEXT NOT NULL DEFAULT '',
    "handling" "OpinionHandling" NOT NULL DEFAULT 'PENDING',
    "answer" TEXT NOT NULL DEFAULT '',
    "referredUnitId" INTEGER,
    "referralDueDate" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "suggestionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoterOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "place" TEXT NOT NULL DEFAULT '',
    "organiser" TEXT NOT NULL DEFAULT '镇人大主席团',
    "description" TEXT NOT NULL DEFAULT '',
    "stationId" INTEGER,
    "otherAttendees" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityParticipant" (
    "activityId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    CONSTRAINT "ActivityParticipant_pkey" PRIMARY KEY ("activityId","deputyId")
);

-- CreateTable
CREATE TABLE "LivelihoodProject" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "responsibleUnitId" INTEGER,
    "budgetYuan" INTEGER NOT NULL DEFAULT 0,
    "source" "ProjectSource" NOT NULL DEFAULT 'GOVERNMENT',
    "sourceSuggestionId" INTEGER,
    "phase" "ProjectPhase" NOT NULL DEFAULT 'COLLECTED',
    "status" "ProjectStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "plannedStart" TIMESTAMP(3),
    "plannedEnd" TIMESTAMP(3),
    "sessionId" INTEGER,
    "followerId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LivelihoodProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectOutcome" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "planned" INTEGER NOT NULL DEFAULT 0,
    "achieved" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjectOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3),
    "doneOn" TIMESTAMP(3),

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectProgress" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "percent" INTEGER NOT NULL,
    "spentYuan" INTEGER NOT NULL DEFAULT 0,
    "status" "ProjectStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectSupervisor" (
    "projectId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    CONSTRAINT "ProjectSupervisor_pkey" PRIMARY KEY ("projectId","deputyId")
);

-- CreateTable
CREATE TABLE "ProjectVote" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectPaperTally" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "forCount" INTEGER NOT NULL DEFAULT 0,
    "againstCount" INTEGER NOT NULL DEFAULT 0,
    "abstainCount" INTEGER NOT NULL DEFAULT 0,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectPaperTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectRating" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "value" "ProjectRatingValue" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "activityId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "findings" TEXT NOT NULL DEFAULT '',
    "followUp" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandlingUnit" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "contactPerson" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandlingUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "category" "SuggestionCategory" NOT NULL,
    "isKey" BOOLEAN NOT NULL DEFAULT false,
    "isComplex" BOOLEAN NOT NULL DEFAULT false,
    "leadDeputyId" INTEGER NOT NULL,
    "sessionId" INTEGER,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'DRAFT',
    "statusNote" TEXT NOT NULL DEFAULT '',
    "duplicateOfId" INTEGER,
    "supervisorId" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "repliedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "publicWithheld" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionCoSigner" (
    "suggestionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    CONSTRAINT "SuggestionCoSigner_pkey" PRIMARY KEY ("suggestionId","deputyId")
);

-- CreateTable
CREATE TABLE "SuggestionAssignment" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMP(3),
    "returnedAt" TIMESTAMP(3),
    "returnReason" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SuggestionAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reply" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "category" "ReplyCategory",
    "isAssistOpinion" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "plannedCompletion" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Satisfaction" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "replyId" INTEGER,
    "deputyId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "attitude" "SatisfactionLevel" NOT NULL,
    "result" "SatisfactionLevel" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Satisfaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "supervisorId" INTEGER NOT NULL,
    "way" "SupervisionWay" NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionEvent" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "fromStatus" "SuggestionStatus",
    "toStatus" "SuggestionStatus",
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionContact" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "way" "ContactWay" NOT NULL,
    "summary" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "reason" TEXT NOT NULL,
    "newDeadline" TIMESTAMP(3) NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImplementationUpdate" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImplementationUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTask" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "kind" "TaskKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "projectId" INTEGER,
    "suggestionId" INTEGER,
    "stationId" INTEGER,
    "receptionId" INTEGER,
    "assignedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTaskAssignment" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "status" "TaskAssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "acceptedAt" TIMESTAMP(3),
    "reportText" TEXT NOT NULL DEFAULT '',
    "reportDate" TIMESTAMP(3),
    "findings" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SupervisionTaskAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionTaskEvent" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "deputyId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionTaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '人大工作报告',
    "sessionId" INTEGER,
    "presenterName" TEXT NOT NULL DEFAULT '',
    "presenterTitle" TEXT NOT NULL DEFAULT '镇人大主席',
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "finalizedAt" TIMESTAMP(3),
    "finalizedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSection" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ReportSectionKind" NOT NULL,
    "heading" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReportSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportRevision" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "displayName" TEXT NOT NULL,
    "deputyId" INTEGER,
    "unitId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMP(3),
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userId" INTEGER,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "PasswordHistory" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginLock" (
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locks" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastFailure" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginLock_pkey" PRIMARY KEY ("username","ip")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "passwordMinLength" INTEGER NOT NULL DEFAULT 10,
    "passwordMinKinds" INTEGER NOT NULL DEFAULT 3,
    "passwordHistory" INTEGER NOT NULL DEFAULT 5,
    "passwordMaxAgeDays" INTEGER NOT NULL DEFAULT 0,
    "lockThreshold" INTEGER NOT NULL DEFAULT 5,
    "lockMinutes" INTEGER NOT NULL DEFAULT 15,
    "idleMinutes" INTEGER NOT NULL DEFAULT 120,
    "absoluteHours" INTEGER NOT NULL DEFAULT 12,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "SecurityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "townshipId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL DEFAULT '',
    "entityId" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Township_name_key" ON "Township"("name");

-- CreateIndex
CREATE INDEX "Congress_townshipId_idx" ON "Congress"("townshipId");

-- CreateIndex
CREATE UNIQUE INDEX "Congress_townshipId_term_key" ON "Congress"("townshipId", "term");

-- CreateIndex
CREATE INDEX "CongressSession_congressId_idx" ON "CongressSession"("congressId");

-- CreateIndex
CREATE INDEX "CongressSession_date_idx" ON "CongressSession"("date");

-- CreateIndex
CREATE UNIQUE INDEX "CongressSession_congressId_number_key" ON "CongressSession"("congressId", "number");

-- CreateIndex
CREATE INDEX "Deputy_townshipId_status_name_idx" ON "Deputy"("townshipId", "status", "name");

-- CreateIndex
CREATE INDEX "Deputy_congressId_idx" ON "Deputy"("congressId");

-- CreateIndex
CREATE INDEX "Deputy_village_idx" ON "Deputy"("village");

-- CreateIndex
CREATE INDEX "Deputy_district_idx" ON "Deputy"("district");

-- CreateIndex
CREATE INDEX "DeputyLevelHeld_level_idx" ON "DeputyLevelHeld"("level");

-- CreateIndex
CREATE INDEX "LiaisonStation_townshipId_tier_idx" ON "LiaisonStation"("townshipId", "tier");

-- CreateIndex
CREATE INDEX "LiaisonStation_establishedOn_idx" ON "LiaisonStation"("establishedOn");

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonStation_townshipId_name_key" ON "LiaisonStation"("townshipId", "name");

-- CreateIndex
CREATE INDEX "StationEquipment_stationId_idx" ON "StationEquipment"("stationId");

-- CreateIndex
CREATE INDEX "StationEquipment_providedOn_idx" ON "StationEquipment"("providedOn");

-- CreateIndex
CREATE INDEX "StationDeputy_deputyId_idx" ON "StationDeputy"("deputyId");

-- CreateIndex
CREATE INDEX "Reception_townshipId_date_idx" ON "Reception"("townshipId", "date");

-- CreateIndex
CREATE INDEX "Reception_stationId_date_idx" ON "Reception"("stationId", "date");

-- CreateIndex
CREATE INDEX "Reception_status_idx" ON "Reception"("status");

-- CreateIndex
CREATE INDEX "ReceptionDeputy_deputyId_idx" ON "ReceptionDeputy"("deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "VoterOpinion_suggestionId_key" ON "VoterOpinion"("suggestionId");

-- CreateIndex
CREATE INDEX "VoterOpinion_townshipId_createdAt_idx" ON "VoterOpinion"("townshipId", "createdAt");

-- CreateIndex
CREATE INDEX "VoterOpinion_receptionId_idx" ON "VoterOpinion"("receptionId");

-- CreateIndex
CREATE INDEX "VoterOpinion_deputyId_idx" ON "VoterOpinion"("deputyId");

-- CreateIndex
CREATE INDEX "VoterOpinion_referredUnitId_idx" ON "VoterOpinion"("referredUnitId");

-- CreateIndex
CREATE INDEX "VoterOpinion_handling_idx" ON "VoterOpinion"("handling");

-- CreateIndex
CREATE INDEX "Activity_townshipId_date_idx" ON "Activity"("townshipId", "date");

-- CreateIndex
CREATE INDEX "Activity_townshipId_kind_idx" ON "Activity"("townshipId", "kind");

-- CreateIndex
CREATE INDEX "Activity_stationId_idx" ON "Activity"("stationId");

-- CreateIndex
CREATE INDEX "ActivityParticipant_deputyId_idx" ON "ActivityParticipant"("deputyId");

-- CreateIndex
CREATE INDEX "LivelihoodProject_townshipId_year_idx" ON "LivelihoodProject"("townshipId", "year");

-- CreateIndex
CREATE INDEX "LivelihoodProject_phase_idx" ON "LivelihoodProject"("phase");

-- CreateIndex
CREATE INDEX "LivelihoodProject_status_idx" ON "LivelihoodProject"("status");

-- CreateIndex
CREATE INDEX "LivelihoodProject_responsibleUnitId_idx" ON "LivelihoodProject"("responsibleUnitId");

-- CreateIndex
CREATE INDEX "LivelihoodProject_sourceSuggestionId_idx" ON "LivelihoodProject"("sourceSuggestionId");

-- CreateIndex
CREATE INDEX "LivelihoodProject_sessionId_idx" ON "LivelihoodProject"("sessionId");

-- CreateIndex
CREATE INDEX "LivelihoodProject_followerId_idx" ON "LivelihoodProject"("followerId");

-- CreateIndex
CREATE INDEX "ProjectOutcome_projectId_idx" ON "ProjectOutcome"("projectId");

-- CreateIndex
CREATE INDEX "ProjectMilestone_projectId_idx" ON "ProjectMilestone"("projectId");

-- CreateIndex
CREATE INDEX "ProjectProgress_projectId_date_idx" ON "ProjectProgress"("projectId", "date");

-- CreateIndex
CREATE INDEX "ProjectProgress_authorId_idx" ON "ProjectProgress"("authorId");

-- CreateIndex
CREATE INDEX "ProjectSupervisor_deputyId_idx" ON "ProjectSupervisor"("deputyId");

-- CreateIndex
CREATE INDEX "ProjectVote_sessionId_idx" ON "ProjectVote"("sessionId");

-- CreateIndex
CREATE INDEX "ProjectVote_deputyId_idx" ON "ProjectVote"("deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectVote_projectId_deputyId_key" ON "ProjectVote"("projectId", "deputyId");

-- CreateIndex
CREATE INDEX "ProjectPaperTally_sessionId_idx" ON "ProjectPaperTally"("sessionId");

-- CreateIndex
CREATE INDEX "ProjectPaperTally_recordedById_idx" ON "ProjectPaperTally"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectPaperTally_projectId_sessionId_key" ON "ProjectPaperTally"("projectId", "sessionId");

-- CreateIndex
CREATE INDEX "ProjectRating_sessionId_idx" ON "ProjectRating"("sessionId");

-- CreateIndex
CREATE INDEX "ProjectRating_deputyId_idx" ON "ProjectRating"("deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectRating_projectId_sessionId_deputyId_key" ON "ProjectRating"("projectId", "sessionId", "deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_activityId_key" ON "Inspection"("activityId");

-- CreateIndex
CREATE INDEX "Inspection_projectId_idx" ON "Inspection"("projectId");

-- CreateIndex
CREATE INDEX "HandlingUnit_townshipId_active_idx" ON "HandlingUnit"("townshipId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "HandlingUnit_townshipId_name_key" ON "HandlingUnit"("townshipId", "name");

-- CreateIndex
CREATE INDEX "Suggestion_townshipId_year_status_idx" ON "Suggestion"("townshipId", "year", "status");

-- CreateIndex
CREATE INDEX "Suggestion_townshipId_status_deadline_idx" ON "Suggestion"("townshipId", "status", "deadline");

-- CreateIndex
CREATE INDEX "Suggestion_townshipId_updatedAt_idx" ON "Suggestion"("townshipId", "updatedAt");

-- CreateIndex
CREATE INDEX "Suggestion_townshipId_status_createdById_idx" ON "Suggestion"("townshipId", "status", "createdById");

-- CreateIndex
CREATE INDEX "Suggestion_category_idx" ON "Suggestion"("category");

-- CreateIndex
CREATE INDEX "Suggestion_isKey_idx" ON "Suggestion"("isKey");

-- CreateIndex
CREATE INDEX "Suggestion_leadDeputyId_idx" ON "Suggestion"("leadDeputyId");

-- CreateIndex
CREATE INDEX "Suggestion_sessionId_idx" ON "Suggestion"("sessionId");

-- CreateIndex
CREATE INDEX "Suggestion_duplicateOfId_idx" ON "Suggestion"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Suggestion_supervisorId_idx" ON "Suggestion"("supervisorId");

-- CreateIndex
CREATE INDEX "Suggestion_createdById_idx" ON "Suggestion"("createdById");

-- CreateIndex
CREATE INDEX "Suggestion_title_trgm_idx" ON "Suggestion" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Suggestion_content_trgm_idx" ON "Suggestion" USING GIN ("content" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_townshipId_year_number_key" ON "Suggestion"("townshipId", "year", "number");

-- CreateIndex
CREATE INDEX "SuggestionCoSigner_deputyId_idx" ON "SuggestionCoSigner"("deputyId");

-- CreateIndex
CREATE INDEX "SuggestionAssignment_suggestionId_idx" ON "SuggestionAssignment"("suggestionId");

-- CreateIndex
CREATE INDEX "SuggestionAssignment_unitId_active_idx" ON "SuggestionAssignment"("unitId", "active");

-- CreateIndex
CREATE INDEX "Reply_suggestionId_round_idx" ON "Reply"("suggestionId", "round");

-- CreateIndex
CREATE INDEX "Reply_unitId_idx" ON "Reply"("unitId");

-- CreateIndex
CREATE INDEX "Reply_authorId_idx" ON "Reply"("authorId");

-- CreateIndex
CREATE INDEX "Satisfaction_replyId_idx" ON "Satisfaction"("replyId");

-- CreateIndex
CREATE INDEX "Satisfaction_deputyId_idx" ON "Satisfaction"("deputyId");

-- CreateIndex
CREATE UNIQUE INDEX "Satisfaction_suggestionId_round_key" ON "Satisfaction"("suggestionId", "round");

-- CreateIndex
CREATE INDEX "Supervision_suggestionId_idx" ON "Supervision"("suggestionId");

-- CreateIndex
CREATE INDEX "Supervision_supervisorId_idx" ON "Supervision"("supervisorId");

-- CreateIndex
CREATE INDEX "SuggestionEvent_suggestionId_createdAt_idx" ON "SuggestionEvent"("suggestionId", "createdAt");

-- CreateIndex
CREATE INDEX "SuggestionEvent_actorId_idx" ON "SuggestionEvent"("actorId");

-- CreateIndex
CREATE INDEX "SuggestionContact_suggestionId_idx" ON "SuggestionContact"("suggestionId");

-- CreateIndex
CREATE INDEX "SuggestionContact_unitId_idx" ON "SuggestionContact"("unitId");

-- CreateIndex
CREATE INDEX "SuggestionContact_authorId_idx" ON "SuggestionContact"("authorId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_suggestionId_idx" ON "DeadlineExtension"("suggestionId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_unitId_idx" ON "DeadlineExtension"("unitId");

-- CreateIndex
CREATE INDEX "DeadlineExtension_requestedById_idx" ON "DeadlineExtension"("requestedById");

-- CreateIndex
CREATE INDEX "DeadlineExtension_decidedById_idx" ON "DeadlineExtension"("decidedById");

-- CreateIndex
CREATE INDEX "DeadlineExtension_status_idx" ON "DeadlineExtension"("status");

-- CreateIndex
CREATE INDEX "ImplementationUpdate_suggestionId_date_idx" ON "ImplementationUpdate"("suggestionId", "date");

-- CreateIndex
CREATE INDEX "ImplementationUpdate_unitId_idx" ON "ImplementationUpdate"("unitId");

-- CreateIndex
CREATE INDEX "ImplementationUpdate_authorId_idx" ON "ImplementationUpdate"("authorId");

-- CreateIndex
CREATE INDEX "SupervisionTask_townshipId_status_dueDate_idx" ON "SupervisionTask"("townshipId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "SupervisionTask_projectId_idx" ON "SupervisionTask"("projectId");

-- CreateIndex
CREATE INDEX "SupervisionTask_suggestionId_idx" ON "SupervisionTask"("suggestionId");

-- CreateIndex
CREATE INDEX "SupervisionTask_stationId_idx" ON "SupervisionTask"("stationId");

-- CreateIndex
CREATE INDEX "SupervisionTask_receptionId_idx" ON "SupervisionTask"("receptionId");

-- CreateIndex
CREATE INDEX "SupervisionTask_assignedById_idx" ON "SupervisionTask"("assignedById");

-- CreateIndex
CREATE INDEX "SupervisionTaskAssignment_deputyId_status_idx" ON "SupervisionTaskAssignment"("deputyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionTaskAssignment_taskId_deputyId_key" ON "SupervisionTaskAssignment"("taskId", "deputyId");

-- CreateIndex
CREATE INDEX "SupervisionTaskEvent_taskId_createdAt_idx" ON "SupervisionTaskEvent"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionTaskEvent_actorId_idx" ON "SupervisionTaskEvent"("actorId");

-- CreateIndex
CREATE INDEX "AnnualReport_sessionId_idx" ON "AnnualReport"("sessionId");

-- CreateIndex
CREATE INDEX "AnnualReport_finalizedById_idx" ON "AnnualReport"("finalizedById");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReport_townshipId_year_key" ON "AnnualReport"("townshipId", "year");

-- CreateIndex
CREATE INDEX "ReportSection_reportId_position_idx" ON "ReportSection"("reportId", "position");

-- CreateIndex
CREATE INDEX "ReportRevision_authorId_idx" ON "ReportRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportRevision_reportId_number_key" ON "ReportRevision"("reportId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_deputyId_key" ON "User"("deputyId");

-- CreateIndex
CREATE INDEX "User_townshipId_role_idx" ON "User"("townshipId", "role");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "PasswordHistory_userId_id_idx" ON "PasswordHistory"("userId", "id");

-- CreateIndex
CREATE INDEX "LoginLock_lockedUntil_idx" ON "LoginLock"("lockedUntil");

-- CreateIndex
CREATE INDEX "LoginThrottle_expire_idx" ON "LoginThrottle"("expire");

-- CreateIndex
CREATE INDEX "AuditLog_townshipId_createdAt_idx" ON "AuditLog"("townshipId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_idx" ON "AuditLog"("action");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Congress" ADD CONSTRAINT "Congress_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CongressSession" ADD CONSTRAINT "CongressSession_congressId_fkey" FOREIGN KEY ("congressId") REFERENCES "Congress"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deputy" ADD CONSTRAINT "Deputy_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deputy" ADD CONSTRAINT "Deputy_congressId_fkey" FOREIGN KEY ("congressId") REFERENCES "Congress"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyLevelHeld" ADD CONSTRAINT "DeputyLevelHeld_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonStation" ADD CONSTRAINT "LiaisonStation_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationEquipment" ADD CONSTRAINT "StationEquipment_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationDeputy" ADD CONSTRAINT "StationDeputy_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StationDeputy" ADD CONSTRAINT "StationDeputy_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reception" ADD CONSTRAINT "Reception_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reception" ADD CONSTRAINT "Reception_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDeputy" ADD CONSTRAINT "ReceptionDeputy_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDeputy" ADD CONSTRAINT "ReceptionDeputy_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_referredUnitId_fkey" FOREIGN KEY ("referredUnitId") REFERENCES "HandlingUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoterOpinion" ADD CONSTRAINT "VoterOpinion_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "HandlingUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_sourceSuggestionId_fkey" FOREIGN KEY ("sourceSuggestionId") REFERENCES "Suggestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivelihoodProject" ADD CONSTRAINT "LivelihoodProject_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutcome" ADD CONSTRAINT "ProjectOutcome_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectProgress" ADD CONSTRAINT "ProjectProgress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectProgress" ADD CONSTRAINT "ProjectProgress_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSupervisor" ADD CONSTRAINT "ProjectSupervisor_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSupervisor" ADD CONSTRAINT "ProjectSupervisor_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVote" ADD CONSTRAINT "ProjectVote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVote" ADD CONSTRAINT "ProjectVote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectVote" ADD CONSTRAINT "ProjectVote_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPaperTally" ADD CONSTRAINT "ProjectPaperTally_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPaperTally" ADD CONSTRAINT "ProjectPaperTally_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPaperTally" ADD CONSTRAINT "ProjectPaperTally_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectRating" ADD CONSTRAINT "ProjectRating_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectRating" ADD CONSTRAINT "ProjectRating_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectRating" ADD CONSTRAINT "ProjectRating_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandlingUnit" ADD CONSTRAINT "HandlingUnit_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_leadDeputyId_fkey" FOREIGN KEY ("leadDeputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Suggestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoSigner" ADD CONSTRAINT "SuggestionCoSigner_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoSigner" ADD CONSTRAINT "SuggestionCoSigner_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAssignment" ADD CONSTRAINT "SuggestionAssignment_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAssignment" ADD CONSTRAINT "SuggestionAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Satisfaction" ADD CONSTRAINT "Satisfaction_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Satisfaction" ADD CONSTRAINT "Satisfaction_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Satisfaction" ADD CONSTRAINT "Satisfaction_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionEvent" ADD CONSTRAINT "SuggestionEvent_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionEvent" ADD CONSTRAINT "SuggestionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionContact" ADD CONSTRAINT "SuggestionContact_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionContact" ADD CONSTRAINT "SuggestionContact_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionContact" ADD CONSTRAINT "SuggestionContact_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationUpdate" ADD CONSTRAINT "ImplementationUpdate_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationUpdate" ADD CONSTRAINT "ImplementationUpdate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationUpdate" ADD CONSTRAINT "ImplementationUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTask" ADD CONSTRAINT "SupervisionTask_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskAssignment" ADD CONSTRAINT "SupervisionTaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskAssignment" ADD CONSTRAINT "SupervisionTaskAssignment_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskEvent" ADD CONSTRAINT "SupervisionTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionTaskEvent" ADD CONSTRAINT "SupervisionTaskEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_finalizedById_fkey" FOREIGN KEY ("finalizedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSection" ADD CONSTRAINT "ReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRevision" ADD CONSTRAINT "ReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRevision" ADD CONSTRAINT "ReportRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordHistory" ADD CONSTRAINT "PasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
