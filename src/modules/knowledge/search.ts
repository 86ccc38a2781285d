import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { highlight, plainText, queryWords, toTsQuery } from './segmenter.ts';

export interface SearchHit { id: string; title: string; snippet: string; score: number; kind: 'faq' | 'product' | 'script'; categoryName: string }

/**
 * Published articles for a query, best first. Relevance is ts_rank over jieba words (title A outranks tags B
 * and body C, more matched words rank higher) plus the title's trigram word-similarity, which also brings in
 * titles with a typo or a partial model name that no whole word matches.
 */
export async function searchArticles(db: Db, ctx: RequestContext, q: string, limit: number): Promise<{ items: SearchHit[] }> {
  const qWords = queryWords(q);
  const lowered = q.trim().toLowerCase();
  if (qWords.length === 0 && lowered.length < 3) return { items: [] };
  const tsq = sql`to_tsquery('simple', ${toTsQuery(qWords)})`;
  const rows = await db.selectFrom('kb_articles as a').innerJoin('kb_categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.title', 'a.body', 'a.kind', ctx.locale === 'en' ? 'c.name_en as category_name' : 'c.name as category_name'])
    .select(sql<number>`(ts_rank(a.search_vector, ${tsq}, 1) + 0.5 * word_similarity(${lowered}, lower(a.title)))::float8`.as('score'))
    .where('a.status', '=', 'published')
    .where((eb) => eb.or([
      ...(qWords.length ? [sql<boolean>`a.search_vector @@ ${tsq}`] : []),
      sql<boolean>`lower(a.title) %> ${lowered}`,
    ]))
    .orderBy('score', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  const marks = qWords.length ? qWords : [lowered];
  return {
    items: rows.map((r) => ({
      id: r.id, title: r.title, kind: r.kind, categoryName: r.category_name, score: Math.round(r.score * 10_000) / 10_000,
      snippet: highlight(plainText(r.body), marks),
    })),
  };
}
