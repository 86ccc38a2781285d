import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, type Page } from '../../../app/api-client.ts';

/** Shapes of src/modules/knowledge/knowledge.schema.ts. */
export const KINDS = ['faq', 'product', 'script'] as const;
export interface Article {
  id: string;
  categoryId: string;
  categoryName: string;
  kind: string;
  title: string;
  body: string;
  tags: string[];
  status: 'draft' | 'published';
  authorId: string;
  authorName: string;
  version: number;
  questionId: string | null;
  publishedAt: string | null;
  updatedAt: string;
}
export interface ArticleInput {
  categoryId: string;
  kind: string;
  title: string;
  body: string;
  tags: string[];
  status: 'draft' | 'published';
}
export interface Version {
  version: number;
  title: string;
  body: string;
  tags: string[];
  status: string;
  editorName: string;
  editedAt: string;
}
export interface Hit {
  id: string;
  title: string;
  snippet: string;
  score: number;
  kind: string;
  categoryName: string;
}
export interface Category {
  id: string;
  name: string;
  nameEn: string;
}
export interface Answer {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  best: boolean;
}
export interface Question {
  id: string;
  title: string;
  body: string;
  askerId: string;
  askerName: string;
  bestAnswerId: string | null;
  articleId: string | null;
  answerCount: number;
  createdAt: string;
}
export interface QuestionDetail extends Question {
  answers: Answer[];
}

export function useCategories() {
  return useQuery({
    queryKey: ['kb', 'categories'],
    staleTime: 5 * 60_000,
    queryFn: () => get<{ items: Category[] }>('/api/knowledge/categories').then((r) => r.items),
  });
}
export function useSearch(q: string) {
  return useQuery({
    queryKey: ['kb', 'search', q],
    enabled: q.length > 0,
    queryFn: () => get<{ items: Hit[] }>('/api/knowledge/search', { q, limit: 20 }).then((r) => r.items),
  });
}
export function useArticles(f: { categoryId?: string; status?: string }) {
  return useQuery({
    queryKey: ['kb', 'articles', f],
    queryFn: () => get<Page<Article>>('/api/knowledge/articles', { ...f, limit: 50 }),
  });
}
export function useArticle(id: string) {
  return useQuery({ queryKey: ['kb', 'article', id], queryFn: () => get<Article>(`/api/knowledge/articles/${id}`) });
}
export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['kb', 'article', id, 'versions'],
    enabled,
    queryFn: () => get<{ items: Version[] }>(`/api/knowledge/articles/${id}/versions`).then((r) => r.items),
  });
}
export function useSaveArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: ArticleInput & { id?: string; version?: number }) =>
      id
        ? patch<Article>(`/api/knowledge/articles/${id}`, { ...body, version })
        : post<Article>('/api/knowledge/articles', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['kb'] }),
  });
}
export function useQuestions() {
  return useQuery({
    queryKey: ['kb', 'questions'],
    queryFn: () => get<{ items: Question[] }>('/api/knowledge/questions').then((r) => r.items),
  });
}
export function useQuestion(id: string) {
  return useQuery({
    queryKey: ['kb', 'question', id],
    queryFn: () => get<QuestionDetail>(`/api/knowledge/questions/${id}`),
  });
}
function useKbMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['kb'] }) });
}
export const useAsk = () =>
  useKbMutation((body: { title: string; body: string }) => post<QuestionDetail>('/api/knowledge/questions', body));
export const useAnswer = (id: string) =>
  useKbMutation((body: string) => post<QuestionDetail>(`/api/knowledge/questions/${id}/answers`, { body }));
export const useBestAnswer = (id: string) =>
  useKbMutation((answerId: string) => post<QuestionDetail>(`/api/knowledge/questions/${id}/best-answer`, { answerId }));
export const usePromote = (id: string) =>
  useKbMutation((body: { categoryId: string }) => post<Article>(`/api/knowledge/questions/${id}/promote`, body));
