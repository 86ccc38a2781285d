import { registerTranslations } from '../../app/i18n.ts';
import { CUSTOMER_CATEGORY_LABELS, CUSTOMER_LEVEL_LABELS, CUSTOMER_LIFECYCLE_LABELS, labelsIn } from '@shared/customer-enums.ts';

export const useSegmentationT = registerTranslations('segmentation', {
  'zh-CN': {
    title: '客户细分',
    form: {
      title: '新建细分', month: '月份', months: '平均月数', variables: '细分变量', all: '全选', none: '全不选', k: '分类数 K', auto: '自动选择 K',
      seed: '随机种子', log: '消费和流量先取对数（长尾分布）', filter: '客户范围', region: '地区', allRegions: '全部地区', category: '客户类别',
      level: '客户等级', lifecycle: '生命周期', any: '不限', start: '开始细分', started: '细分已开始，正在后台运行',
      kHint: '2 到 8 类；自动时按轮廓系数选择', monthsHint: '1 表示只用所选月份',
    },
    history: { title: '细分历史', empty: '还没有细分记录', when: '时间', who: '发起人', params: '参数', status: '状态', customers: '客户数', quality: '轮廓系数', open: '查看', published: '已发布' },
    status: { queued: '排队中', running: '运行中', done: '已完成', failed: '失败' },
    run: {
      title: '细分结果 #{{id}}', back: '返回细分列表', progress: '进度', sizes: '各类客户数', profile: '各类画像（原始单位的均值）',
      variable: '变量', overall: '全体', name: '类名', suggested: '建议名称：{{name}}', rename: '保存类名', renamed: '类名已保存',
      publish: '发布到客户', published: '已发布：{{count}} 位客户的细分已更新', publishedAt: '发布于 {{at}}',
      publishConfirm: '发布后，所有客户的细分将以本次结果为准（原有细分将被替换）。继续？',
      scatter: '主成分散点图（PCA，抽样）', explained: '两个主成分解释了 {{share}}% 的方差', elbow: '肘部图与轮廓系数（样本 {{n}} 位客户）',
      inertia: '簇内平方和', silhouette: '轮廓系数', k: 'K', iterations: '迭代 {{n}} 次', converged: '已收敛', notConverged: '达到迭代上限',
      customers: '{{n}} 位客户', failed: '细分失败：{{error}}', viewCustomers: '查看该类客户',
    },
    unit: { yuan: '元', minutes: '分钟', gb: 'GB' },
    value: {
      ...labelsIn(CUSTOMER_CATEGORY_LABELS, 'zh'),
      ...labelsIn(CUSTOMER_LEVEL_LABELS, 'zh'),
      ...labelsIn(CUSTOMER_LIFECYCLE_LABELS, 'zh'),
    },
  },
  en: {
    title: 'Segmentation',
    form: {
      title: 'New segmentation', month: 'Month', months: 'Months averaged', variables: 'Variables', all: 'All', none: 'None', k: 'Clusters K', auto: 'Choose K for me',
      seed: 'Random seed', log: 'Take the log of spend and traffic first (heavy-tailed)', filter: 'Customers', region: 'Region', allRegions: 'All regions',
      category: 'Category', level: 'Level', lifecycle: 'Lifecycle', any: 'Any', start: 'Start segmentation', started: 'Segmentation started; it runs in the background',
      kHint: '2 to 8; "choose" picks by silhouette', monthsHint: '1 means the chosen month only',
    },
    history: { title: 'History', empty: 'No segmentation yet', when: 'When', who: 'By', params: 'Parameters', status: 'Status', customers: 'Customers', quality: 'Silhouette', open: 'Open', published: 'Published' },
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    run: {
      title: 'Segmentation #{{id}}', back: 'Back to segmentation', progress: 'Progress', sizes: 'Customers per cluster', profile: 'Cluster profiles (means, original units)',
      variable: 'Variable', overall: 'Everyone', name: 'Name', suggested: 'Suggested: {{name}}', rename: 'Save names', renamed: 'Names saved',
      publish: 'Publish to customers', published: 'Published: segments of {{count}} customers updated', publishedAt: 'Published {{at}}',
      publishConfirm: 'Publishing makes this run every customer\'s segmentation (replacing the current one). Continue?',
      scatter: 'Principal components (PCA, sample)', explained: 'The two components explain {{share}}% of the variance', elbow: 'Elbow and silhouette (sample of {{n}} customers)',
      inertia: 'Within-cluster sum of squares', silhouette: 'Silhouette', k: 'K', iterations: '{{n}} iterations', converged: 'converged', notConverged: 'iteration cap reached',
      customers: '{{n}} customers', failed: 'The run failed: {{error}}', viewCustomers: 'Customers in this cluster',
    },
    unit: { yuan: '¥', minutes: 'min', gb: 'GB' },
    value: {
      ...labelsIn(CUSTOMER_CATEGORY_LABELS, 'en'),
      ...labelsIn(CUSTOMER_LEVEL_LABELS, 'en'),
      ...labelsIn(CUSTOMER_LIFECYCLE_LABELS, 'en'),
    },
  },
});
