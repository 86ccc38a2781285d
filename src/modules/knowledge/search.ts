import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { highlight, plainText, queryWords, toTsQuery } from './segmenter.ts';

export interface SearchHit {
  id: string;
  title: string;
  snippet: string;
  score: number;
  kind: 'faq' | 'product' | 'script';
  categoryName: string;
}

/** How many matches of each kind are ranked: ranking every body match of a common word (宽带) would not stay fast. */
const CANDIDATES = 200;

/**
 * Published articles for a query, best first. Candidates come in tiers, each capped: every word in the title,
 * every word anywhere, any word in the title, any word anywhere, and titles that are trigram-similar (a typo or
 * a partial model name). They are ranked by ts_rank over jieba words (title A outranks tags B and body C; more
 * matched words rank higher) plus a little of the title's word-similarity to what was typed: enough to order typos
 * and model names, too little to lift an article that only shares characters with the query (search-ranking.test.ts).
 */
export async function searchArticles(
  db: Db,
  ctx: RequestContext,
  q: string,
  limit: number,
): Promise<{ items: SearchHit[] }> {
  const qWords = queryWords(q);
  const lowered = q.trim().toLowerCase();
  if (qWords.length === 0 && lowered.length < 3) return { items: [] };
  const any = sql`to_tsquery('simple', ${toTsQuery(qWords)})`;
  const every = sql`to_tsquery('simple', ${toTsQuery(qWords).replaceAll(' | ', ' & ')})`;
  const tier = (where: ReturnType<typeof sql>) =>
    sql`(SELECT id FROM kb_articles WHERE status = 'published' AND ${where} LIMIT ${CANDIDATES})`;
  const tiers = [
    ...(qWords.length > 1 ? [tier(sql`title_vector @@ ${every}`), tier(sql`search_vector @@ ${every}`)] : []),
    ...(qWords.length ? [tier(sql`title_vector @@ ${any}`), tier(sql`search_vector @@ ${any}`)] : []),
    tier(sql`lower(title) %> ${lowered}`),
  ];
  const rows = await db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_categories as c', 'c.id', 'a.category_id')
    .select([
      'a.id',
      'a.title',
      'a.body',
      'a.kind',
      ctx.locale === 'en' ? 'c.name_en as category_name' : 'c.name as category_name',
    ])
    .select(
      sql<number>`(${qWords.length ? sql`ts_rank(a.search_vector, ${any}, 1)` : sql`0`} + 0.05 * word_similarity(${lowered}, lower(a.title)))::float8`.as(
        'score',
      ),
    )
    .where('a.id', 'in', sql<string>`(${sql.join(tiers, sql` UNION `)})`)
    .orderBy('score', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  const marks = qWords.length ? qWords : [lowered];
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      categoryName: r.category_name,
      score: Math.round(r.score * 10_000) / 10_000,
      snippet: highlight(plainText(r.body), marks),
    })),
  };
}
