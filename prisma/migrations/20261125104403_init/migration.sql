-- CreateTable
CREATE TABLE "Township" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Congress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "term" INTEGER NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Congress_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CongressSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "congressId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "endDate" DATETIME,
    "place" TEXT NOT NULL DEFAULT '',
    "votingStatus" TEXT NOT NULL DEFAULT 'NOT_OPEN',
    "votingRule" TEXT NOT NULL DEFAULT 'HALF_OF_ALL',
    "presentCount" INTEGER,
    "votingOpenedAt" DATETIME,
    "votingClosedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CongressSession_congressId_fkey" FOREIGN KEY ("congressId") REFERENCES "Congress" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deputy" (
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
    CONSTRAINT "Deputy_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deputy_congressId_fkey" FOREIGN KEY ("congressId") REFERENCES "Congress" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeputyLevelHeld" (
    "deputyId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,

    PRIMARY KEY ("deputyId", "level"),
    CONSTRAINT "DeputyLevelHeld_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiaisonStation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "village" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "establishedOn" DATETIME,
    "workRules" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiaisonStation_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StationEquipment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unit" TEXT NOT NULL DEFAULT '台',
    "providedOn" DATETIME,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "StationEquipment_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StationDeputy" (
    "stationId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "since" DATETIME,

    PRIMARY KEY ("stationId", "deputyId"),
    CONSTRAINT "StationDeputy_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StationDeputy_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reception" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "stationId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "timeRange" TEXT NOT NULL DEFAULT '',
    "noticePublishedOn" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "voterCount" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reception_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reception_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReceptionDeputy" (
    "receptionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("receptionId", "deputyId"),
    CONSTRAINT "ReceptionDeputy_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReceptionDeputy_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VoterOpinion" (
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
    CONSTRAINT "VoterOpinion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_referredUnitId_fkey" FOREIGN KEY ("referredUnitId") REFERENCES "HandlingUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "VoterOpinion_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "endDate" DATETIME,
    "place" TEXT NOT NULL DEFAULT '',
    "organiser" TEXT NOT NULL DEFAULT '镇人大主席团',
    "description" TEXT NOT NULL DEFAULT '',
    "stationId" INTEGER,
    "otherAttendees" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityParticipant" (
    "activityId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    PRIMARY KEY ("activityId", "deputyId"),
    CONSTRAINT "ActivityParticipant_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityParticipant_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LivelihoodProject" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "responsibleUnitId" INTEGER,
    "budgetYuan" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'GOVERNMENT',
    "sourceSuggestionId" INTEGER,
    "phase" TEXT NOT NULL DEFAULT 'COLLECTED',
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "plannedStart" DATETIME,
    "plannedEnd" DATETIME,
    "sessionId" INTEGER,
    "followerId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LivelihoodProject_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LivelihoodProject_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "HandlingUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LivelihoodProject_sourceSuggestionId_fkey" FOREIGN KEY ("sourceSuggestionId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LivelihoodProject_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LivelihoodProject_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectOutcome" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "planned" INTEGER NOT NULL DEFAULT 0,
    "achieved" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProjectOutcome_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATETIME,
    "doneOn" DATETIME,
    CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectProgress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "percent" INTEGER NOT NULL,
    "spentYuan" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectProgress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectProgress_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectSupervisor" (
    "projectId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    PRIMARY KEY ("projectId", "deputyId"),
    CONSTRAINT "ProjectSupervisor_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectSupervisor_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "choice" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectVote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectVote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProjectVote_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectPaperTally" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "forCount" INTEGER NOT NULL DEFAULT 0,
    "againstCount" INTEGER NOT NULL DEFAULT 0,
    "abstainCount" INTEGER NOT NULL DEFAULT 0,
    "recordedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectPaperTally_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectPaperTally_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProjectPaperTally_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectRating" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectRating_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectRating_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProjectRating_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "findings" TEXT NOT NULL DEFAULT '',
    "followUp" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inspection_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Inspection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HandlingUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "contactPerson" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HandlingUnit_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "isKey" BOOLEAN NOT NULL DEFAULT false,
    "isComplex" BOOLEAN NOT NULL DEFAULT false,
    "leadDeputyId" INTEGER NOT NULL,
    "sessionId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "statusNote" TEXT NOT NULL DEFAULT '',
    "duplicateOfId" INTEGER,
    "supervisorId" INTEGER,
    "submittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "assignedAt" DATETIME,
    "deadline" DATETIME,
    "repliedAt" DATETIME,
    "closedAt" DATETIME,
    "publicWithheld" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Suggestion_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_leadDeputyId_fkey" FOREIGN KEY ("leadDeputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionCoSigner" (
    "suggestionId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    PRIMARY KEY ("suggestionId", "deputyId"),
    CONSTRAINT "SuggestionCoSigner_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionCoSigner_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" DATETIME,
    "returnedAt" DATETIME,
    "returnReason" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "SuggestionAssignment_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reply" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "category" TEXT,
    "isAssistOpinion" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "plannedCompletion" DATETIME,
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reply_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reply_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Satisfaction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "replyId" INTEGER,
    "deputyId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "attitude" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Satisfaction_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Satisfaction_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Satisfaction_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "supervisorId" INTEGER NOT NULL,
    "way" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Supervision_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Supervision_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionEvent_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "way" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionContact_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionContact_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SuggestionContact_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "reason" TEXT NOT NULL,
    "newDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeadlineExtension_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeadlineExtension_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeadlineExtension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DeadlineExtension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImplementationUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "suggestionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "content" TEXT NOT NULL,
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ImplementationUpdate_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImplementationUpdate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ImplementationUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionTask" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "projectId" INTEGER,
    "suggestionId" INTEGER,
    "stationId" INTEGER,
    "receptionId" INTEGER,
    "assignedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SupervisionTask_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "LivelihoodProject" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_receptionId_fkey" FOREIGN KEY ("receptionId") REFERENCES "Reception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTask_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionTaskAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ASSIGNED',
    "acceptedAt" DATETIME,
    "reportText" TEXT NOT NULL DEFAULT '',
    "reportDate" DATETIME,
    "findings" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewNote" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SupervisionTaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTaskAssignment_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionTaskEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "deputyId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SupervisionTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "SupervisionTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionTaskEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '人大工作报告',
    "sessionId" INTEGER,
    "presenterName" TEXT NOT NULL DEFAULT '',
    "presenterTitle" TEXT NOT NULL DEFAULT '镇人大主席',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "finalizedAt" DATETIME,
    "finalizedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnnualReport_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AnnualReport_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CongressSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AnnualReport_finalizedById_fkey" FOREIGN KEY ("finalizedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportSection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "heading" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AnnualReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "displayName" TEXT NOT NULL,
    "deputyId" INTEGER,
    "unitId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Deputy" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "HandlingUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "townshipId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL DEFAULT '',
    "entityId" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE UNIQUE INDEX "Session_sid_key" ON "Session"("sid");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

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
