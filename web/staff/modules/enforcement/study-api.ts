import { http } from '../../shared/api.ts';
import type { QuestionKind } from '../../../../src/modules/enforcement/study/study-inputs.ts';
export {
  JUDGE_OPTIONS,
  LETTERS,
  REFERENCE_LAWS,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  type QuestionKind,
} from '../../../../src/modules/enforcement/study/study-inputs.ts';

type Page<T> = { items: T[]; total: number };
export type SessionRow = {
  id: string;
  heldOn: string;
  topic: string;
  lawTitle: string;
  lawRef: string | null;
  presenter: string;
  hours: number;
  materials: string | null;
  orgName: string;
  attendance: number;
};
export type PlanRow = { id: string; year: number; title: string; orgName: string; targetHours: number; heldHours: number; content: string };
export type UnitStat = {
  orgUnitId: string;
  orgName: string;
  officers: number;
  sessionsHeld: number;
  hours: number;
  avgHours: number;
  planHours: number | null;
  examsPassed: number;
};
export type PersonStat = {
  id: string;
  name: string;
  certNo: string;
  orgName: string;
  sessions: number;
  hours: number;
  examsPassed: number;
  qualificationPassedOn: string | null;
};
export type ExamRow = {
  id: string;
  title: string;
  year: number;
  qualification: boolean;
  passMark: number;
  questions: number;
  closesOn: string | null;
  closed: boolean;
  questionIds: string[];
  /** How many have submitted it: then its questions, pass mark, year and 资格考试 flag are fixed. */
  taken: number;
  myAttempt: { id: string; score: number; passed: boolean; certificateNo: string | null; submittedOn: string } | null;
};
export type BankQuestion = {
  id: string;
  kind: QuestionKind;
  kindLabel: string;
  stem: string;
  options: string[];
  answer: string[];
  basis: string;
  version: number;
};
export type PaperQuestion = { no: number; id: string; kind: 'single' | 'multiple' | 'judge'; kindLabel: string; stem: string; options: string[] };
export type Paper = { id: string; title: string; qualification: boolean; passMark: number; closesOn: string | null; questions: PaperQuestion[] };
export type Attempt = {
  id: string;
  title: string;
  qualification: boolean;
  passMark: number;
  officerName: string;
  certNo: string;
  orgName: string;
  correct: number;
  total: number;
  score: number;
  passed: boolean;
  submittedOn: string;
  certificate: { no: string; text: string; issuer: string; documentId: string | null } | null;
  questions: Array<PaperQuestion & { given: string[]; answer: string[]; right: boolean; basis: string }>;
};

export const studyApi = {
  plans: (year: number) => http.get<Page<PlanRow>>('/api/enforcement/study/plans', { year }),
  sessions: (year?: number) => http.get<Page<SessionRow>>('/api/enforcement/study/sessions', { year }),
  stats: (year: number) => http.get<{ year: number; units: UnitStat[]; people: PersonStat[] }>('/api/enforcement/study/stats', { year }),
  exams: () => http.get<Page<ExamRow> & { officer: { name: string; examApplicant: boolean } | null }>('/api/enforcement/exams'),
  paper: (id: string) => http.get<Paper>(`/api/enforcement/exams/${id}/paper`),
  submit: (id: string, answers: Record<string, string[]>) => http.post<Attempt>(`/api/enforcement/exams/${id}/submit`, { answers }),
  questions: () => http.get<Page<BankQuestion>>('/api/enforcement/study/questions'),
  recordSession: (input: unknown) => http.post<{ id: string; attendees: number }>('/api/enforcement/study/sessions', input),
  createPlan: (input: unknown) => http.post<{ id: string }>('/api/enforcement/study/plans', input),
  addQuestion: (input: unknown) => http.post<{ id: string }>('/api/enforcement/study/questions', input),
  createExam: (input: unknown) => http.post<{ id: string }>('/api/enforcement/exams', input),
  editPlan: (id: string, input: unknown) => http.patch<{ id: string }>(`/api/enforcement/study/plans/${id}`, input),
  editQuestion: (id: string, input: unknown) =>
    http.patch<{ id: string; version: number; newVersion: boolean; papersMoved: number }>(`/api/enforcement/study/questions/${id}`, input),
  editExam: (id: string, input: unknown) => http.patch<{ id: string; taken: number }>(`/api/enforcement/exams/${id}`, input),
  attempt: (id: string) => http.get<Attempt>(`/api/enforcement/exam-attempts/${id}`),
};
