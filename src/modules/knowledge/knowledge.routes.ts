import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { id, idParams, page } from '../../platform/http/schemas.ts';
import {
  AnswerInput,
  Article,
  ArticleInput,
  ArticleQuery,
  ArticleUpdate,
  ArticleVersion,
  Category,
  CategoryInput,
  PromoteInput,
  Question,
  QuestionDetail,
  QuestionInput,
  SearchHit,
  SearchQuery,
} from './knowledge.schema.ts';
import {
  articleVersions,
  createArticle,
  createCategory,
  getArticle,
  listArticles,
  listCategories,
  updateArticle,
} from './articles.service.ts';
import { searchArticles } from './search.ts';
import {
  answerQuestion,
  askQuestion,
  chooseBestAnswer,
  getQuestion,
  listQuestions,
  promoteToArticle,
} from './questions.service.ts';

export function knowledgeRoutes(app: App, { db }: Services): void {
  const tags = ['knowledge'];
  const view = { permission: 'knowledge:view' } as const;
  const create = { permission: 'knowledge:create' } as const;

  app.get(
    '/api/knowledge/search',
    {
      config: view,
      schema: { tags, querystring: SearchQuery, response: { 200: z.object({ items: z.array(SearchHit) }) } },
    },
    (req) => searchArticles(db, req.ctx, req.query.q, req.query.limit),
  );
  app.get(
    '/api/knowledge/categories',
    { config: view, schema: { tags, response: { 200: z.object({ items: z.array(Category) }) } } },
    () => listCategories(db),
  );
  app.post(
    '/api/knowledge/categories',
    { config: { permission: 'knowledge:admin' }, schema: { tags, body: CategoryInput, response: { 201: Category } } },
    async (req, reply) => reply.code(201).send(await createCategory(db, req.ctx, req.body)),
  );

  app.get(
    '/api/knowledge/articles',
    { config: view, schema: { tags, querystring: ArticleQuery, response: { 200: page(Article) } } },
    (req) => listArticles(db, req.ctx, req.query),
  );
  app.post(
    '/api/knowledge/articles',
    { config: create, schema: { tags, body: ArticleInput, response: { 201: Article } } },
    async (req, reply) => reply.code(201).send(await createArticle(db, req.ctx, req.body)),
  );
  app.get(
    '/api/knowledge/articles/:id',
    { config: view, schema: { tags, params: idParams, response: { 200: Article } } },
    (req) => getArticle(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/knowledge/articles/:id',
    { config: create, schema: { tags, params: idParams, body: ArticleUpdate, response: { 200: Article } } },
    (req) => updateArticle(db, req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/knowledge/articles/:id/versions',
    {
      config: view,
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(ArticleVersion) }) } },
    },
    (req) => articleVersions(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/knowledge/questions',
    {
      config: view,
      schema: {
        tags,
        querystring: z.object({ unanswered: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(Question) }) },
      },
    },
    (req) => listQuestions(db, { unanswered: req.query.unanswered === 'true' }),
  );
  app.post(
    '/api/knowledge/questions',
    { config: create, schema: { tags, body: QuestionInput, response: { 201: QuestionDetail } } },
    async (req, reply) => reply.code(201).send(await askQuestion(db, req.ctx, req.body)),
  );
  app.get(
    '/api/knowledge/questions/:id',
    { config: view, schema: { tags, params: idParams, response: { 200: QuestionDetail } } },
    (req) => getQuestion(db, req.params.id),
  );
  app.post(
    '/api/knowledge/questions/:id/answers',
    { config: create, schema: { tags, params: idParams, body: AnswerInput, response: { 201: QuestionDetail } } },
    async (req, reply) => reply.code(201).send(await answerQuestion(db, req.ctx, req.params.id, req.body.body)),
  );
  app.post(
    '/api/knowledge/questions/:id/best-answer',
    {
      config: create,
      schema: { tags, params: idParams, body: z.object({ answerId: id }), response: { 200: QuestionDetail } },
    },
    (req) => chooseBestAnswer(db, req.ctx, req.params.id, req.body.answerId),
  );
  app.post(
    '/api/knowledge/questions/:id/promote',
    {
      config: { permission: 'knowledge:edit' },
      schema: { tags, params: idParams, body: PromoteInput, response: { 201: Article } },
    },
    async (req, reply) => reply.code(201).send(await promoteToArticle(db, req.ctx, req.params.id, req.body)),
  );
}
