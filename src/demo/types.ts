// The shapes of the demo's data tables (src/demo/data/). Dates are strings the clock reads:
// fixed ('2023-12-07', '2023-12-07 09:30') or relative to the day the demo is created ('T-5').
import type {
  ActivityKind,
  ContactWay,
  ExtensionStatus,
  OpinionHandling,
  ProjectStatus,
  ReplyCategory,
  SatisfactionLevel,
  SuggestionCategory,
  SuggestionStatus,
  SupervisionWay,
  TaskAssignmentStatus,
  TaskKind,
  TaskStatus,
} from '../generated/prisma/enums.js';

export interface SessionSpec {
  number: number;
  date: string;
  place: string;
  presentCount?: number;
  /** Deputies absent from the vote (the others present vote online). */
  absent?: string[];
  opened?: string;
  closed?: string;
}

export interface StationSpec {
  name: string;
  tier: 'TOWN_HOME' | 'VILLAGE';
  village: string;
  address: string;
  established: string;
  phone: string;
  residents: string[];
  rules: string[];
  equipment?: { name: string; quantity: number; unit: string; providedOn: string; note: string }[];
}

export interface SuggestionSpec {
  key: string;
  /** The year of the suggestion; by default the year it was created in. */
  year?: number;
  title: string;
  content: string;
  category: SuggestionCategory;
  lead: string;
  coSigners?: string[];
  isKey?: boolean;
  isComplex?: boolean;
  atSession?: number; // submitted during 第N次会议
  created: string;
  byDeputy?: boolean; // entered by the lead deputy's own account
  submitted?: string;
  review?:
    | { at: string; outcome: 'accept' }
    | { at: string; outcome: 'return'; note: string }
    | { at: string; outcome: 'reference'; note: string }
    | { at: string; outcome: 'merge'; into: string };
  supervisor?: string; // username of the presidium member who supervises (督办人)
  assign?: {
    at: string;
    lead: string;
    assist?: string[];
    signed?: string;
    wrongUnit?: { unit: string; at: string; returnedAt: string; reason: string };
  };
  supervisions?: { by: string; way: SupervisionWay; at: string; note: string }[];
  contacts?: { at: string; way: ContactWay; summary: string }[];
  assistOpinions?: { unit: string; at: string; content: string }[];
  replies?: { at: string; category: ReplyCategory; content: string; planned?: string }[]; // index = round - 1
  ratings?: { at: string; attitude: SatisfactionLevel; result: SatisfactionLevel; comment?: string }[];
  updates?: { at: string; content: string }[];
  implemented?: { at: string; note: string };
  confirmed?: string;
  extension?: {
    at: string;
    reason: string;
    newDeadline: string;
    status: ExtensionStatus;
    decidedBy?: string;
    decidedAt?: string;
    note?: string;
  };
  expect: SuggestionStatus;
}

export interface ReceptionSpec {
  key: string;
  station: string;
  date: string;
  timeRange: string;
  status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
  voterCount: number;
  deputies: string[];
  summary: string;
}

export interface OpinionSpec {
  reception?: string;
  deputy: string;
  content: string;
  category: SuggestionCategory;
  voter: string;
  phone: string;
  handling: OpinionHandling;
  answer?: string;
  unit?: string;
  due?: string;
  answeredAt?: string;
  suggestion?: string;
  at: string;
}

export interface ProjectSpec {
  key: string;
  /** A year, or 'P' / 'P+1': the year of the projects under way now, or of the next ones. */
  year: number | 'P' | 'P+1';
  name: string;
  description: string;
  location: string;
  unit: string;
  budgetYuan: number;
  source: 'GOVERNMENT' | 'DEPUTY_SUGGESTION' | 'VOTER_OPINION';
  sourceSuggestion?: string;
  phase: 'COLLECTED' | 'SHORTLISTED' | 'PASSED' | 'REJECTED';
  status: ProjectStatus;
  created: string;
  plannedStart?: string;
  plannedEnd?: string;
  session?: number;
  follower?: string;
  supervisors?: string[];
  outcomes?: { label: string; unit: string; planned: number; achieved: number }[];
  milestones?: { title: string; due: string; done?: string }[];
  progress?: { date: string; percent: number; spentYuan: number; status: ProjectStatus; note: string; by: string }[];
  /** The ballot at the session: who voted against and who abstained; every other deputy present voted for. */
  votes?: { for?: number; against: string[] | number; abstain: string[] | number };
  /** 测评 at a later session: who rated 基本满意 and who abstained; the others present rated 满意. */
  rating?: { session: number; at: string; basic: string[]; abstain: string[] };
}

export interface ActivitySpec {
  key: string;
  kind: ActivityKind;
  title: string;
  date: string;
  endDate?: string;
  place: string;
  organiser?: string;
  description: string;
  station?: string;
  participants: string[];
  otherAttendees: number;
  inspection?: { project: string; findings: string; followUp: string };
}

export interface TaskSpec {
  /** Names the task for a notification's link. */
  key?: string;
  kind: TaskKind;
  title: string;
  description: string;
  due: string;
  status: TaskStatus;
  created: string;
  by: string;
  project?: string;
  suggestion?: string;
  station?: string;
  reception?: string;
  closed?: string;
  assignees: {
    name: string;
    status: TaskAssignmentStatus;
    accepted?: string;
    started?: string;
    submitted?: string;
    reportDate?: string;
    report?: string;
    findings?: string;
    reviewed?: string;
    reviewNote?: string;
  }[];
}

export interface NotificationSpec {
  user: string;
  kind: string;
  title: string;
  /** A path, with {suggestion:key}, {task:title} or {session:number} standing for the record's id. */
  link: string;
  at: string;
  read?: string;
}
