import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { knowledgeError } from './knowledge.errors.ts';
import { insertArticle } from './articles.service.ts';
import type { Article } from './knowledge.schema.ts';

type Conn = Db | Trx;

function questionSelect(db: Conn) {
  return db
    .selectFrom('kb_questions as q')
    .innerJoin('employees as e', 'e.id', 'q.asker_id')
    .select([
      'q.id',
      'q.title',
      'q.body',
      'q.asker_id',
      'e.name as asker_name',
      'q.best_answer_id',
      'q.article_id',
      'q.created_at',
    ])
    .select(sql<number>`(SELECT count(*)::int FROM kb_answers a WHERE a.question_id = q.id)`.as('answer_count'));
}
type QuestionRow = Awaited<ReturnType<ReturnType<typeof questionSelect>['executeTakeFirstOrThrow']>>;
const toQuestion = (r: QuestionRow) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  askerId: r.asker_id,
  askerName: r.asker_name,
  bestAnswerId: r.best_answer_id,
  articleId: r.article_id,
  answerCount: r.answer_count,
  createdAt: r.created_at.toISOString(),
});

export async function listQuestions(db: Db, filter: { unanswered?: boolean }) {
  let query = questionSelect(db);
  if (filter.unanswered) query = query.where('q.best_answer_id', 'is', null);
  return { items: (await query.orderBy('q.id', 'desc').limit(100).execute()).map(toQuestion) };
}

export async function getQuestion(db: Conn, id: string) {
  const row = await questionSelect(db).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw knowledgeError('QUESTION_NOT_FOUND');
  const answers = await db
    .selectFrom('kb_answers as a')
    .innerJoin('employees as e', 'e.id', 'a.author_id')
    .select(['a.id', 'a.body', 'e.name', 'a.created_at'])
    .where('a.question_id', '=', id)
    .orderBy('a.id')
    .execute();
  return {
    ...toQuestion(row),
    answers: answers.map((a) => ({
      id: a.id,
      body: a.body,
      authorName: a.name,
      createdAt: a.created_at.toISOString(),
      best: a.id === row.best_answer_id,
    })),
  };
}

export function askQuestion(db: Db, ctx: RequestContext, input: { title: string; body: string }) {
  return withTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('kb_questions')
      .values({ title: input.title, body: input.body, asker_id: ctx.employeeId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'ask',
      entity: 'kb_question',
      entityId: id,
      changes: { title: [null, input.title] },
    });
    return getQuestion(trx, id);
  });
}

export function answerQuestion(db: Db, ctx: RequestContext, questionId: string, body: string) {
  return withTransaction(db, async (trx) => {
    await getQuestion(trx, questionId);
    const { id } = await trx
      .insertInto('kb_answers')
      .values({ question_id: questionId, body, author_id: ctx.employeeId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'answer',
      entity: 'kb_question',
      entityId: questionId,
      changes: { answerId: [null, id] },
    });
    return getQuestion(trx, questionId);
  });
}

/** Only the asker decides which answer solved their problem. */
export function chooseBestAnswer(db: Db, ctx: RequestContext, questionId: string, answerId: string) {
  return withTransaction(db, async (trx) => {
    const question = await trx
      .selectFrom('kb_questions')
      .select(['asker_id', 'best_answer_id'])
      .where('id', '=', questionId)
      .forUpdate()
      .executeTakeFirst();
    if (!question) throw knowledgeError('QUESTION_NOT_FOUND');
    if (question.asker_id !== ctx.employeeId) throw knowledgeError('NOT_THE_ASKER');
    const answer = await trx
      .selectFrom('kb_answers')
      .select('id')
      .where('id', '=', answerId)
      .where('question_id', '=', questionId)
      .executeTakeFirst();
    if (!answer) throw knowledgeError('ANSWER_NOT_FOUND', undefined, { answerId: 'not an answer to this question' });
    await trx
      .updateTable('kb_questions')
      .set({ best_answer_id: answerId, updated_at: new Date() })
      .where('id', '=', questionId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'best-answer',
      entity: 'kb_question',
      entityId: questionId,
      changes: { bestAnswerId: [question.best_answer_id, answerId] },
    });
    return getQuestion(trx, questionId);
  });
}

/** The question and its best answer become an article, linked back to the question. */
export function promoteToArticle(
  db: Db,
  ctx: RequestContext,
  questionId: string,
  input: { categoryId: string; kind: 'faq' | 'product' | 'script'; status: 'draft' | 'published' },
): Promise<Article> {
  return withTransaction(db, async (trx) => {
    const question = await trx
      .selectFrom('kb_questions as q')
      .leftJoin('kb_answers as a', 'a.id', 'q.best_answer_id')
      .select(['q.title', 'q.body', 'q.article_id', 'a.body as answer'])
      .where('q.id', '=', questionId)
      .forUpdate('q')
      .executeTakeFirst();
    if (!question) throw knowledgeError('QUESTION_NOT_FOUND');
    if (question.article_id) throw knowledgeError('ALREADY_PROMOTED');
    if (question.answer === null) throw knowledgeError('NO_BEST_ANSWER');
    const body = [question.body, question.answer].filter(Boolean).join('\n\n');
    const article = await insertArticle(trx, ctx, { ...input, title: question.title, body, tags: [] }, questionId);
    await trx
      .updateTable('kb_questions')
      .set({ article_id: article.id, updated_at: new Date() })
      .where('id', '=', questionId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'promote',
      entity: 'kb_question',
      entityId: questionId,
      changes: { articleId: [null, article.id] },
    });
    return article;
  });
}
