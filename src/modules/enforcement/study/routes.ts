import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { ExamEditInput, ExamInput, PlanEditInput, PlanInput, QuestionEditInput, QuestionInput, SessionInput, StatsQuery, SubmitInput } from './study-inputs.ts';
import { editPlan } from './edit-plan.ts';
import { editQuestion } from './edit-question.ts';
import { editExam } from './edit-exam.ts';
import { createPlan, recordSession } from './sessions.ts';
import { getSession, listPlans, listSessions } from './session-queries.ts';
import { addQuestion, listQuestions } from './questions.ts';
import { createExam, getPaper, listExams } from './exams.ts';
import { submitExam } from './submit-exam.ts';
import { getAttempt } from './attempts.ts';
import { studyStats } from './stats.ts';

/** 学法用法 API: plans, 集体学法, the question bank, exams and their scoring, statistics. */
export async function registerStudyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const Id = z.object({ id: z.uuid('ID 格式不正确') });

  app.get('/api/enforcement/study/plans', { schema: { tags, summary: '年度学法计划（按数据范围）', querystring: StatsQuery } }, async (req) =>
    listPlans(ctx, actorOf(req), req.query),
  );
  app.post('/api/enforcement/study/plans', { schema: { tags, summary: '登记年度学法计划', body: PlanInput } }, async (req, reply) =>
    reply.status(201).send(await createPlan(ctx, actorOf(req), req.body)),
  );
  app.patch('/api/enforcement/study/plans/:id', { schema: { tags, summary: '修改年度学法计划', params: Id, body: PlanEditInput } }, async (req) =>
    editPlan(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/enforcement/study/sessions', { schema: { tags, summary: '集体学法记录（按数据范围）', querystring: StatsQuery } }, async (req) =>
    listSessions(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/enforcement/study/sessions',
    { schema: { tags, summary: '登记集体学法（主题、所学法规、主讲人、参学人员）', body: SessionInput } },
    async (req, reply) => reply.status(201).send(await recordSession(ctx, actorOf(req), req.body)),
  );
  app.get('/api/enforcement/study/sessions/:id', { schema: { tags, summary: '集体学法详情（参学人员）', params: Id } }, async (req) =>
    getSession(ctx, actorOf(req), req.params.id),
  );
  app.get('/api/enforcement/study/questions', { schema: { tags, summary: '题库（含答案和法律依据，仅组卷人员）' } }, async (req) =>
    listQuestions(ctx, actorOf(req)),
  );
  app.post(
    '/api/enforcement/study/questions',
    { schema: { tags, summary: '新增试题（单选、多选、判断，注明法律依据）', body: QuestionInput } },
    async (req, reply) => reply.status(201).send(await addQuestion(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/enforcement/study/questions/:id',
    { schema: { tags, summary: '修改试题（已被作答的试题另存为新版本，未考试卷随之更新）', params: Id, body: QuestionEditInput } },
    async (req) => editQuestion(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/enforcement/study/stats', { schema: { tags, summary: '学法统计（按单位、按人员）', querystring: StatsQuery } }, async (req) =>
    studyStats(ctx, actorOf(req), req.query),
  );
  app.get('/api/enforcement/exams', { schema: { tags, summary: '考试列表（含本人成绩）' } }, async (req) => listExams(ctx, actorOf(req)));
  app.post('/api/enforcement/exams', { schema: { tags, summary: '从题库组卷（固定试卷，可标记为资格考试）', body: ExamInput } }, async (req, reply) =>
    reply.status(201).send(await createExam(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/enforcement/exams/:id',
    { schema: { tags, summary: '修改试卷（已有人交卷后试题、及格分、年度和资格考试标记不能再改）', params: Id, body: ExamEditInput } },
    async (req) => editExam(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/enforcement/exams/:id/paper', { schema: { tags, summary: '试卷（不含答案）', params: Id } }, async (req) =>
    getPaper(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/enforcement/exams/:id/submit',
    { schema: { tags, summary: '交卷（服务器评分，合格出具结业证明）', params: Id, body: SubmitInput } },
    async (req, reply) => reply.status(201).send(await submitExam(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/enforcement/exam-attempts/:id', { schema: { tags, summary: '考试成绩与结业证明', params: Id } }, async (req) =>
    getAttempt(ctx, actorOf(req), req.params.id),
  );
}
