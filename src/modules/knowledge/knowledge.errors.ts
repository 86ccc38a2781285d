import { defineErrors } from '../../platform/errors.ts';

export const knowledgeError = defineErrors({
  ARTICLE_NOT_FOUND: { status: 404, zh: '文章不存在', en: 'Article not found' },
  CATEGORY_NOT_FOUND: { status: 400, zh: '分类不存在', en: 'No such category' },
  QUESTION_NOT_FOUND: { status: 404, zh: '问题不存在', en: 'Question not found' },
  ANSWER_NOT_FOUND: { status: 400, zh: '该回答不属于这个问题', en: 'That answer does not belong to this question' },
  NOT_THE_ASKER: {
    status: 403,
    zh: '只有提问人可以选择最佳答案',
    en: 'Only the person who asked can choose the best answer',
  },
  NO_BEST_ANSWER: {
    status: 409,
    zh: '请先选出最佳答案，再转为文章',
    en: 'Choose a best answer before turning it into an article',
  },
  ALREADY_PROMOTED: { status: 409, zh: '该问题已转为文章', en: 'This question is already an article' },
  NOT_THE_AUTHOR: { status: 403, zh: '只能修改自己写的文章', en: 'You can only change articles you wrote' },
});
