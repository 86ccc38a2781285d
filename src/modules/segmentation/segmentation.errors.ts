import { defineErrors } from '../../platform/errors.ts';

export const segmentationError = defineErrors({
  RUN_NOT_FOUND: { status: 404, zh: '细分运行记录不存在', en: 'Segmentation run not found' },
  NO_CUSTOMERS: {
    status: 400,
    zh: '所选月份和筛选条件下没有客户的使用数据',
    en: 'No customer has usage data for this month and filter',
  },
  TOO_FEW_CUSTOMERS: {
    status: 400,
    zh: '客户数（{count}）太少，无法分成 {k} 类',
    en: 'Too few customers ({count}) to form {k} clusters',
  },
  RUN_NOT_FINISHED: {
    status: 409,
    zh: '细分尚未完成，不能发布或改名',
    en: 'The run has not finished; it cannot be published or renamed yet',
  },
  DUPLICATE_CLUSTER_NAMES: { status: 400, zh: '各类的名称不能重复', en: 'Each cluster needs a different name' },
});
