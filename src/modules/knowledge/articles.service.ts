import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { can } from '../../platform/access/permissions.ts';
import { diffChanges, recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { platformError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { knowledgeError } from './knowledge.errors.ts';
import type { Article, ArticleInput, ArticleQuery, ArticleUpdate } from './knowledge.schema.ts';
import { indexWords } from './segmenter.ts';
import './knowledge.tables.ts';

type Conn = Db | Trx;

/** Published articles are for everyone; a draft only for its author and for editors. */
function articleSelect(db: Conn, ctx: RequestContext) {
  const query = db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_categories as c', 'c.id', 'a.category_id')
    .innerJoin('employees as e', 'e.id', 'a.author_id')
    .select([
      'a.id',
      'a.category_id',
      'a.kind',
      'a.title',
      'a.body',
      'a.tags',
      'a.status',
      'a.author_id',
      'a.version',
      'a.question_id',
      'a.published_at',
      'a.created_at',
      'a.updated_at',
      'e.name as author_name',
    ])
    .select(ctx.locale === 'en' ? 'c.name_en as category_name' : 'c.name as category_name');
  return can(ctx, 'knowledge:edit')
    ? query
    : query.where((eb) => eb.or([eb('a.status', '=', 'published'), eb('a.author_id', '=', ctx.employeeId)]));
}
type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleSelect>['executeTakeFirstOrThrow']>>;

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    categoryId: r.category_id,
    categoryName: r.category_name,
    kind: r.kind,
    title: r.title,
    body: r.body,
    tags: r.tags,
    status: r.status,
    authorId: r.author_id,
    authorName: r.author_name,
    version: r.version,
    questionId: r.question_id,
    publishedAt: r.published_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The weighted search document: title A, tags B, body C, all as jieba words. */
export function searchVector(v: { title: string; tags: string[]; body: string }) {
  return sql<string>`setweight(to_tsvector('simple', ${indexWords(v.title)}), 'A') || setweight(to_tsvector('simple', ${indexWords(v.tags.join(' '))}), 'B') || setweight(to_tsvector('simple', ${indexWords(v.body)}), 'C')`;
}

async function requireCategory(trx: Trx, id: string): Promise<void> {
  if (!(await trx.selectFrom('kb_categories').select('id').where('id', '=', id).executeTakeFirst()))
    throw knowledgeError('CATEGORY_NOT_FOUND', undefined, { categoryId: 'no such category' });
}

async function saveVersion(trx: Trx, ctx: RequestContext, id: string): Promise<void> {
  await trx
    .insertInto('kb_article_versions')
    .columns(['article_id', 'version', 'title', 'body', 'tags', 'status', 'editor_id'])
    .expression((eb) =>
      eb
        .selectFrom('kb_articles')
        .select(['id', 'version', 'title', 'body', 'tags', 'status', eb.val(ctx.employeeId).as('editor_id')])
        .where('id', '=', id),
    )
    .execute();
}

export function createArticle(
  db: Db,
  ctx: RequestContext,
  input: ArticleInput,
  questionId: string | null = null,
): Promise<Article> {
  return withTransaction(db, (trx) => insertArticle(trx, ctx, input, questionId));
}

export async function insertArticle(
  trx: Trx,
  ctx: RequestContext,
  input: ArticleInput,
  questionId: string | null,
): Promise<Article> {
  await requireCategory(trx, input.categoryId);
  const tags = [...new Set(input.tags)];
  const { id } = await trx
    .insertInto('kb_articles')
    .values({
      category_id: input.categoryId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      tags,
      status: input.status,
      author_id: ctx.employeeId,
      search_vector: searchVector({ ...input, tags }),
      question_id: questionId,
      published_at: input.status === 'published' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await saveVersion(trx, ctx, id);
  await recordAudit(trx, ctx, {
    action: 'create',
    entity: 'kb_article',
    entityId: id,
    changes: { title: [null, input.title], status: [null, input.status] },
  });
  return toArticle(await articleSelect(trx, ctx).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** Every save is a new version; the previous ones stay readable. */
export function updateArticle(db: Db, ctx: RequestContext, id: string, input: ArticleUpdate): Promise<Article> {
  return withTransaction(db, async (trx) => {
    const before = await articleSelect(trx, ctx).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
    if (!before) throw knowledgeError('ARTICLE_NOT_FOUND');
    if (before.author_id !== ctx.employeeId && !can(ctx, 'knowledge:edit')) throw knowledgeError('NOT_THE_AUTHOR');
    if (input.version !== before.version) throw platformError('CONFLICT');
    if (input.categoryId) await requireCategory(trx, input.categoryId);
    const next = {
      title: input.title ?? before.title,
      body: input.body ?? before.body,
      tags: input.tags ? [...new Set(input.tags)] : before.tags,
    };
    const changes = diffChanges(before, {
      category_id: input.categoryId,
      kind: input.kind,
      title: input.title,
      tags: input.tags,
      status: input.status,
    });
    await trx
      .updateTable('kb_articles')
      .set({
        category_id: input.categoryId,
        kind: input.kind,
        ...next,
        status: input.status,
        search_vector: searchVector(next),
        published_at: input.status === 'published' && before.status !== 'published' ? new Date() : undefined,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await saveVersion(trx, ctx, id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'kb_article',
      entityId: id,
      changes: {
        ...changes,
        ...(input.body !== undefined && input.body !== before.body ? { body: ['…', '…'] } : {}),
        version: [before.version, before.version + 1],
      },
    });
    return toArticle(await articleSelect(trx, ctx).where('a.id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function getArticle(db: Db, ctx: RequestContext, id: string): Promise<Article> {
  const row = await articleSelect(db, ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw knowledgeError('ARTICLE_NOT_FOUND');
  return toArticle(row);
}

export async function listArticles(db: Db, ctx: RequestContext, f: ArticleQuery) {
  let query = articleSelect(db, ctx);
  if (f.categoryId) query = query.where('a.category_id', '=', f.categoryId);
  if (f.kind) query = query.where('a.kind', '=', f.kind);
  if (f.status) query = query.where('a.status', '=', f.status);
  if (f.tag) query = query.where(sql<boolean>`a.tags @> ARRAY[${f.tag}]::text[]`);
  const after = decodeCursor(f.cursor, cursorId);
  if (after) query = query.where('a.id', '<', after);
  const rows = await query.orderBy('a.id', 'desc').limit(f.limit).execute();
  return {
    items: rows.map(toArticle),
    nextCursor: rows.length === f.limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}

export async function articleVersions(db: Db, ctx: RequestContext, id: string) {
  await getArticle(db, ctx, id);
  const rows = await db
    .selectFrom('kb_article_versions as v')
    .innerJoin('employees as e', 'e.id', 'v.editor_id')
    .select(['v.version', 'v.title', 'v.body', 'v.tags', 'v.status', 'e.name', 'v.edited_at'])
    .where('v.article_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      title: r.title,
      body: r.body,
      tags: r.tags,
      status: r.status,
      editorName: r.name,
      editedAt: r.edited_at.toISOString(),
    })),
  };
}

export async function listCategories(db: Db) {
  const rows = await db
    .selectFrom('kb_categories')
    .select(['id', 'name', 'name_en'])
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en })) };
}

export function createCategory(db: Db, ctx: RequestContext, input: { name: string; nameEn: string; position: number }) {
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('kb_categories')
      .values({ name: input.name, name_en: input.nameEn, position: input.position })
      .returning(['id', 'name', 'name_en'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'kb_category',
      entityId: row.id,
      changes: { name: [null, input.name] },
    });
    return { id: row.id, name: row.name, nameEn: row.name_en };
  });
}
