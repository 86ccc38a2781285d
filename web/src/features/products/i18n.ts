import { registerTranslations } from '../../app/i18n.ts';
import { CUSTOMER_CATEGORY_LABELS, labelsIn } from '@shared/customer-enums.ts';

export const useProductsT = registerTranslations('products', {
  'zh-CN': {
    title: '产品与套餐', create: '新建产品', edit: '编辑产品', all: '全部', kind: { package: '套餐', service: '单项业务' },
    status: { draft: '草稿', testing: '测试', released: '已发布', retired: '已下线' }, to: { draft: '退回草稿', testing: '提交测试', released: '发布', retired: '下线' },
    field: {
      code: '编码', kind: '类型', name: '名称', monthlyFee: '月费 (元)', includedMinutes: '套餐内分钟', includedDataGb: '套餐内流量 (GB)', callOutRate: '主叫 (元/分钟)',
      callInRate: '被叫 (元/分钟)', dataRate: '流量 (元/GB)', smsRate: '短信 (元/条)', specialCallRate: '国际长途 (元/分钟)', specialDataRate: '特殊流量 (元/GB)',
      roamingCallRate: '国际漫游通话 (元/分钟)', roamingDataRate: '国际漫游流量 (元/GB)', regionIds: '销售地区', targetCategory: '目标客户类别', targetSegment: '目标客群', description: '产品说明', responsibility: '责任声明',
      requires: '依赖业务', bundles: '包含业务', status: '状态', subscribers: '在网用户',
    },
    category: labelsIn(CUSTOMER_CATEGORY_LABELS, 'zh'),
    allRegions: '全部地区', target: '目标客户', regionHint: '勾选可以办理此产品的地区；勾选一个市即包含其下各区县，都不勾选表示全部地区都可办理。',
    pricingLocked: '已发布的产品资费不能修改', saved: '已保存', save: '保存', cancel: '取消', statusChanged: '状态已更新', history: '生命周期',
    sub: {
      title: '订购', empty: '尚未订购任何产品', product: '产品', kind: '类型', from: '生效', until: '失效', state: '状态', current: '在用', scheduled: '待生效', ended: '已结束',
      add: '订购 / 变更套餐', choose: '选择产品', effective: '生效时间', nextMonth: '下月 1 日', today: '立即', submit: '办理', end: '退订', endConfirm: '确定退订 {{name}}？套餐默认下月 1 日起失效。',
      done: '已办理', ended2: '已退订', monthly: '月费', meantFor: '面向{{target}}',
      targetHint: '此产品面向{{target}}，与该客户不符，仅供参考，仍可办理', noneSellable: '客户所在地区没有可办理的产品',
    },
  },
  en: {
    title: 'Products and packages', create: 'New product', edit: 'Edit product', all: 'All', kind: { package: 'Package', service: 'Service' },
    status: { draft: 'Draft', testing: 'Testing', released: 'Released', retired: 'Retired' }, to: { draft: 'Back to draft', testing: 'Send to testing', released: 'Release', retired: 'Retire' },
    field: {
      code: 'Code', kind: 'Kind', name: 'Name', monthlyFee: 'Monthly fee (¥)', includedMinutes: 'Included minutes', includedDataGb: 'Included data (GB)', callOutRate: 'Outgoing (¥/min)',
      callInRate: 'Incoming (¥/min)', dataRate: 'Data (¥/GB)', smsRate: 'SMS (¥/msg)', specialCallRate: 'International (¥/min)', specialDataRate: 'Special data (¥/GB)',
      roamingCallRate: 'Intl roaming calls (¥/min)', roamingDataRate: 'Intl roaming data (¥/GB)', regionIds: 'Sales regions', targetCategory: 'Target customer category', targetSegment: 'Target segment', description: 'Description', responsibility: 'Responsibility statement',
      requires: 'Requires', bundles: 'Bundles', status: 'Status', subscribers: 'Subscribers',
    },
    category: labelsIn(CUSTOMER_CATEGORY_LABELS, 'en'),
    allRegions: 'All regions', target: 'Target', regionHint: 'Tick the regions where this product may be sold; a city includes its districts and counties. Tick none to sell it everywhere.',
    pricingLocked: 'A released product keeps its tariff', saved: 'Saved', save: 'Save', cancel: 'Cancel', statusChanged: 'Status changed', history: 'Lifecycle',
    sub: {
      title: 'Subscriptions', empty: 'No subscriptions yet', product: 'Product', kind: 'Kind', from: 'From', until: 'Until', state: 'State', current: 'Current', scheduled: 'Scheduled', ended: 'Ended',
      add: 'Subscribe / change package', choose: 'Choose a product', effective: 'Takes effect', nextMonth: '1st of next month', today: 'Now', submit: 'Confirm', end: 'Unsubscribe', endConfirm: 'Unsubscribe {{name}}? A package ends on the 1st of next month.',
      done: 'Done', ended2: 'Unsubscribed', monthly: 'Monthly fee', meantFor: 'meant for {{target}}',
      targetHint: 'This product is meant for {{target}}, which this customer is not; guidance only, it can still be sold', noneSellable: 'Nothing is on sale in the customer\'s region',
    },
  },
});
