import { z } from 'zod';
import { cursor, id, int4, limit } from '../../platform/http/schemas.ts';
import { ARTICLE_KINDS } from './knowledge.tables.ts';

const tag = z.string().trim().min(1).max(20);

export const Article = z.object({
  id,
  categoryId: id,
  categoryName: z.string(),
  kind: z.enum(ARTICLE_KINDS),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  authorId: id,
  authorName: z.string(),
  version: z.number(),
  questionId: id.nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof Article>;

const ArticleFields = z.object({
  categoryId: id,
  kind: z.enum(ARTICLE_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(100_000),
  tags: z.array(tag).max(20),
  status: z.enum(['draft', 'published']),
});
export const ArticleInput = ArticleFields.extend({
  kind: ArticleFields.shape.kind.default('faq'),
  tags: ArticleFields.shape.tags.default([]),
  status: ArticleFields.shape.status.default('draft'),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

// No defaults here: a field left out of an edit keeps its value.
export const ArticleUpdate = ArticleFields.partial().extend({
  /** The version the editor started from; someone else's save in between is a conflict, not an overwrite. */
  version: int4,
});
export type ArticleUpdate = z.infer<typeof ArticleUpdate>;

export const ArticleQuery = z.object({
  categoryId: id.optional(),
  kind: z.enum(ARTICLE_KINDS).optional(),
  status: z.enum(['draft', 'published']).optional(),
  tag: tag.optional(),
  limit,
  cursor,
});
export type ArticleQuery = z.infer<typeof ArticleQuery>;

export const ArticleVersion = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  status: z.string(),
  editorName: z.string(),
  editedAt: z.string(),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const SearchHit = z.object({
  id,
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
  kind: z.enum(ARTICLE_KINDS),
  categoryName: z.string(),
});

export const Category = z.object({ id, name: z.string(), nameEn: z.string() });
export const CategoryInput = z.object({
  name: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(50),
  position: int4.min(0).default(0),
});

export const QuestionInput = z.object({
  title: z.string().trim().min(2).max(200),
  body: z.string().trim().max(20_000).default(''),
});
export const AnswerInput = z.object({ body: z.string().trim().min(1).max(20_000) });
export const Answer = z.object({
  id,
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  best: z.boolean(),
});
export const Question = z.object({
  id,
  title: z.string(),
  body: z.string(),
  askerId: id,
  askerName: z.string(),
  bestAnswerId: id.nullable(),
  articleId: id.nullable(),
  answerCount: z.number(),
  createdAt: z.string(),
});
export const QuestionDetail = Question.extend({ answers: z.array(Answer) });
export const PromoteInput = z.object({
  categoryId: id,
  kind: z.enum(ARTICLE_KINDS).default('faq'),
  status: z.enum(['draft', 'published']).default('published'),
});
