import type { Generated } from 'kysely';

export const ARTICLE_KINDS = ['faq', 'product', 'script'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export type ArticleStatus = 'draft' | 'published';

export interface KbArticlesTable {
  id: Generated<string>;
  category_id: string;
  kind: ArticleKind;
  title: string;
  body: string;
  tags: string[];
  status: ArticleStatus;
  author_id: string;
  version: Generated<number>;
  search_vector: string;
  title_vector: Generated<string>;
  question_id: string | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db.ts' {
  interface Database {
    kb_categories: {
      id: Generated<string>;
      name: string;
      name_en: string;
      position: Generated<number>;
      created_at: Generated<Date>;
    };
    kb_articles: KbArticlesTable;
    kb_article_versions: {
      article_id: string;
      version: number;
      title: string;
      body: string;
      tags: string[];
      status: ArticleStatus;
      editor_id: string;
      edited_at: Generated<Date>;
    };
    kb_questions: {
      id: Generated<string>;
      title: string;
      body: string;
      asker_id: string;
      best_answer_id: string | null;
      article_id: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    kb_answers: {
      id: Generated<string>;
      question_id: string;
      body: string;
      author_id: string;
      created_at: Generated<Date>;
    };
  }
}
