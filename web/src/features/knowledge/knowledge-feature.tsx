import type { Feature } from '../../app/feature-types.ts';
import { KnowledgePage } from './components/knowledge-page.tsx';
import { ArticlePage } from './components/article-page.tsx';
import { ArticleEditor } from './components/article-editor.tsx';
import { QuestionPage, QuestionsPage } from './components/questions-page.tsx';

export const knowledgeFeature: Feature = {
  id: 'knowledge',
  routes: [
    { path: '/knowledge', element: <KnowledgePage />, permission: 'knowledge:view' },
    { path: '/knowledge/new', element: <ArticleEditor />, permission: 'knowledge:create' },
    { path: '/knowledge/articles/:id', element: <ArticlePage />, permission: 'knowledge:view' },
    { path: '/knowledge/questions', element: <QuestionsPage />, permission: 'knowledge:view' },
    { path: '/knowledge/questions/:id', element: <QuestionPage />, permission: 'knowledge:view' },
  ],
  nav: [
    {
      to: '/knowledge',
      label: { zh: '知识库', en: 'Knowledge base' },
      icon: 'log',
      permission: 'knowledge:view',
      order: 35,
    },
  ],
};
