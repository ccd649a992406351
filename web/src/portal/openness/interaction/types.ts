/** 政民互动 as the API answers (see src/modules/openness/interaction/schema.ts). */
export type QuestionState = 'submitted' | 'answered' | 'published' | 'rejected' | 'unpublished';

export interface QaHit {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
  source: 'hotline' | 'question';
  questionId: string | null;
  documentId: string | null;
  documentTitle: string | null;
  departmentName: string | null;
}

export interface PublicQuestion {
  id: string;
  number: string;
  title: string;
  body: string;
  answer: string;
  departmentId: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  documentId: string | null;
  documentTitle: string | null;
  publishedAt: string;
}

export interface MyQuestion {
  id: string;
  number: string;
  channel: 'document' | 'column';
  title: string;
  body: string;
  state: QuestionState;
  answer: string | null;
  reason: string | null;
  departmentId: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  documentId: string | null;
  documentTitle: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface StaffQuestion extends MyQuestion {
  askerLabel: string;
  answeredByName: string | null;
  answeredAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  dueAt: string;
  overdue: boolean;
  knowledgeId: string | null;
  version: number;
  canAnswer: boolean;
  canReview: boolean;
  history?: { action: string; from: string | null; to: string; actorName: string; opinion: string | null; at: string }[];
}

export interface Page<T> {
  items: T[];
  next: string | null;
}
