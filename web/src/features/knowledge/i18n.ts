import { registerTranslations } from '../../app/i18n.ts';

export const useKnowledgeT = registerTranslations('knowledge', {
  'zh-CN': {
    title: '知识库', search: '输入问题，例如：宽带无法上网', searchLabel: '搜索知识库', write: '写文章', questions: '问答', latest: '最新文章', allCategories: '全部分类',
    results: '找到 {{count}} 篇', noResults: '没有找到相关文章，可以到问答区提问', drafts: '我的草稿',
    kind: { faq: '常见问题', product: '产品知识', script: '营销话术' },
    status: { draft: '草稿', published: '已发布' },
    field: { category: '分类', kind: '类型', title: '标题', tags: '标签（用逗号分隔）', body: '正文', status: '状态', author: '作者', version: '版本' },
    editor: { new: '写文章', edit: '编辑文章', bold: '加粗', heading: '标题', list: '列表', preview: '预览', saveDraft: '存为草稿', publish: '发布', saved: '已保存', hint: '支持 ## 标题、**加粗**、- 列表' },
    versions: '历史版本', showVersions: '查看历史版本', edited: '{{name}} 于 {{at}} 保存',
    qa: { title: '问答', ask: '提问', askTitle: '问题', askBody: '补充说明', answers: '{{count}} 个回答', answer: '回答', yourAnswer: '您的回答', best: '最佳答案', chooseBest: '设为最佳答案',
      promote: '转为知识文章', promoted: '已转为文章', open: '未解决', solved: '已解决', empty: '还没有问题', asked: '{{name}} 提问于 {{at}}' },
  },
  en: {
    title: 'Knowledge base', search: 'Type a question, e.g. broadband cannot connect', searchLabel: 'Search the knowledge base', write: 'Write an article', questions: 'Q&A', latest: 'Latest articles', allCategories: 'All categories',
    results: '{{count}} found', noResults: 'Nothing found; ask on the Q&A board', drafts: 'My drafts',
    kind: { faq: 'FAQ', product: 'Product knowledge', script: 'Sales script' },
    status: { draft: 'Draft', published: 'Published' },
    field: { category: 'Category', kind: 'Kind', title: 'Title', tags: 'Tags (comma-separated)', body: 'Body', status: 'Status', author: 'Author', version: 'Version' },
    editor: { new: 'New article', edit: 'Edit article', bold: 'Bold', heading: 'Heading', list: 'List', preview: 'Preview', saveDraft: 'Save draft', publish: 'Publish', saved: 'Saved', hint: 'Supports ## headings, **bold**, - lists' },
    versions: 'Versions', showVersions: 'Show versions', edited: 'Saved by {{name}} at {{at}}',
    qa: { title: 'Q&A', ask: 'Ask', askTitle: 'Question', askBody: 'Details', answers: '{{count}} answers', answer: 'Answer', yourAnswer: 'Your answer', best: 'Best answer', chooseBest: 'Mark as best',
      promote: 'Turn into an article', promoted: 'Turned into an article', open: 'Open', solved: 'Solved', empty: 'No questions yet', asked: 'Asked by {{name}} at {{at}}' },
  },
});
