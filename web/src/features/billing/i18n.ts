import { registerTranslations } from '../../app/i18n.ts';

export const useBillingT = registerTranslations('billing', {
  'zh-CN': {
    nav: { imports: '话单与缴费导入', runs: '出账', stats: '消费统计' },
    imports: {
      title: '话单与缴费导入', kind: '导入内容', usage: '使用记录（话单）', payments: '缴费记录', file: '文件（CSV、TXT 或 xlsx）', progress: '上传进度', uploading: '正在上传 {{percent}}%（{{sent}} / {{total}} MB）', processing: '已上传 {{total}} MB，正在检查并导入…', encoding: '文件编码',
      auto: '自动识别', preview: '预览', previewTitle: '文件前 10 行（编码：{{encoding}}）', mapping: '字段对应', column: '文件中的列', none: '（不导入）',
      template: '字段模板', noTemplate: '不使用模板', templateName: '模板名称', saveTemplate: '保存为模板', templateSaved: '模板已保存', run: '开始导入',
      running: '正在导入…', done: '导入完成：成功 {{accepted}} 行，失败 {{rejected}} 行', again: '该文件以前导入过（批次 {{batches}}），重复的记录没有再计入。',
      errors: '失败的行', row: '行号', reason: '原因', more: '仅显示前 {{count}} 条',
      hint: '第一行须为表头。时间格式 2026-10-03 08:15:30。通话的数量为秒，流量为 KB，短信为条数。',
      field: { sourceId: '记录号', customer: '客户（手机号或客户编号）', kind: '业务类型', area: '通话类型', direction: '呼叫方向', startedAt: '开始时间', quantity: '数量', busy: '忙闲时', paidAt: '缴费时间', amount: '金额', place: '缴费地点', method: '缴费方式' },
    },
    runs: {
      title: '出账', month: '账期', run: '出账', running: '正在出账…', done: '{{month}} 已出账：{{customers}} 位客户，合计 ¥{{total}}', unrated: '{{count}} 条记录没有对应套餐，未计费',
      history: '出账记录', reason: '类型', reasonRun: '出账', reasonRerate: '迟到话单重算', customers: '客户数', total: '金额', startedAt: '时间', startedBy: '操作人',
      rule: '按自然月计费：月费 + 超出套餐部分；月中变更套餐按天折算。重复出账会得到相同账单。',
    },
    stats: {
      title: '消费统计', from: '起始月份', to: '截止月份', apply: '查询', export: '导出 Excel', print: '打印', byMonth: '月收入与 ARPU', byProduct: '按产品收入',
      byRegion: '按地区收入', top: '消费排行', month: '月份', revenue: '收入', customers: '客户数', arpu: 'ARPU', product: '产品', region: '地区', customer: '客户', spend: '消费', empty: '该期间没有账单',
    },
    tab: {
      bills: '账单', usage: '使用量', payments: '缴费',
      noBills: '还没有账单', month: '账期', total: '金额', revision: '版本', item: '项目', product: '套餐', quantity: '用量', included: '套餐内', rate: '单价', amount: '金额',
      noPayments: '还没有缴费记录', paidAt: '时间', receipt: '票据号', place: '地点', method: '方式',
      balanceNow: '当前余额', arrears: '欠费', billed: '应收', paid: '实收', balance: '余额', chart: '近 12 个月账务',
      usageChart: '近 12 个月使用量', minutes: '通话分钟', dataGb: '流量 (GB)', records: '{{month}} 使用记录', noRecords: '该月没有使用记录',
      time: '时间', kind: '类型', area: '通话类型', direction: '方向', busy: '时段', qty: '数量', voiceSpend: '语音费', internetSpend: '上网费', baseFee: '月费',
    },
    code: { base_fee: '套餐月费', voice_domestic: '国内语音（超出部分）', voice_incoming: '接听', voice_international: '国际长途', voice_roaming: '国际漫游通话', data_domestic: '国内流量（超出部分）', data_roaming: '国际漫游流量', sms: '短信彩信' },
    kind: { call: '通话', data: '流量', sms: '短信' },
    area: { local: '本地', provincial_ld: '省内长途', domestic_ld: '国内长途', international: '国际长途', provincial_roaming: '省内漫游', domestic_roaming: '国内漫游', international_roaming: '国际漫游' },
    dir: { out: '主叫', in: '被叫' }, period: { busy: '忙时', idle: '闲时' }, unit: { min: '分钟', KB: 'KB', msg: '条', day: '天' },
  },
  en: {
    nav: { imports: 'Usage & payment imports', runs: 'Billing runs', stats: 'Consumption' },
    imports: {
      title: 'Usage and payment imports', kind: 'What to import', usage: 'Usage records', payments: 'Payments', file: 'File (CSV, TXT or xlsx)', progress: 'Upload progress', uploading: 'Uploading {{percent}}% ({{sent}} / {{total}} MB)', processing: 'Uploaded {{total}} MB; checking and importing…', encoding: 'Encoding',
      auto: 'Detect', preview: 'Preview', previewTitle: 'First 10 rows (encoding: {{encoding}})', mapping: 'Field mapping', column: 'Column in the file', none: '(not imported)',
      template: 'Mapping template', noTemplate: 'No template', templateName: 'Template name', saveTemplate: 'Save as template', templateSaved: 'Template saved', run: 'Import',
      running: 'Importing…', done: 'Imported: {{accepted}} rows accepted, {{rejected}} rejected', again: 'This file was imported before (batch {{batches}}); repeated records were not counted again.',
      errors: 'Rejected rows', row: 'Row', reason: 'Reason', more: 'Showing the first {{count}}',
      hint: 'The first row must be the header. Times like 2026-10-03 08:15:30. Quantity: seconds for calls, KB for data, messages for SMS.',
      field: { sourceId: 'Record id', customer: 'Customer (phone or customer no.)', kind: 'Type', area: 'Call type', direction: 'Direction', startedAt: 'Start time', quantity: 'Quantity', busy: 'Busy/idle', paidAt: 'Paid at', amount: 'Amount', place: 'Place', method: 'Method' },
    },
    runs: {
      title: 'Billing runs', month: 'Month', run: 'Run billing', running: 'Billing…', done: '{{month}} billed: {{customers}} customers, ¥{{total}} in total', unrated: '{{count}} records had no package and were not rated',
      history: 'Runs', reason: 'Kind', reasonRun: 'Run', reasonRerate: 'Late usage re-rated', customers: 'Customers', total: 'Total', startedAt: 'At', startedBy: 'By',
      rule: 'Calendar-month bills: base fee plus usage beyond the allowances; a mid-month package change is prorated by days. Running a month again gives the same bills.',
    },
    stats: {
      title: 'Consumption statistics', from: 'From', to: 'To', apply: 'Show', export: 'Export Excel', print: 'Print', byMonth: 'Revenue and ARPU by month', byProduct: 'Revenue by product',
      byRegion: 'Revenue by region', top: 'Top spenders', month: 'Month', revenue: 'Revenue', customers: 'Customers', arpu: 'ARPU', product: 'Product', region: 'Region', customer: 'Customer', spend: 'Spend', empty: 'No bills in this period',
    },
    tab: {
      bills: 'Bills', usage: 'Usage', payments: 'Payments',
      noBills: 'No bills yet', month: 'Month', total: 'Total', revision: 'Revision', item: 'Item', product: 'Package', quantity: 'Used', included: 'Included', rate: 'Rate', amount: 'Amount',
      noPayments: 'No payments yet', paidAt: 'At', receipt: 'Receipt', place: 'Place', method: 'Method',
      balanceNow: 'Balance', arrears: 'Arrears', billed: 'Billed', paid: 'Paid', balance: 'Balance', chart: 'Last 12 months',
      usageChart: 'Usage, last 12 months', minutes: 'Minutes', dataGb: 'Data (GB)', records: 'Records of {{month}}', noRecords: 'No records this month',
      time: 'Time', kind: 'Type', area: 'Call type', direction: 'Direction', busy: 'Period', qty: 'Quantity', voiceSpend: 'Voice', internetSpend: 'Internet', baseFee: 'Base fee',
    },
    code: { base_fee: 'Monthly fee', voice_domestic: 'Domestic calls (beyond allowance)', voice_incoming: 'Incoming calls', voice_international: 'International calls', voice_roaming: 'International roaming calls', data_domestic: 'Domestic data (beyond allowance)', data_roaming: 'International roaming data', sms: 'SMS/MMS' },
    kind: { call: 'Call', data: 'Data', sms: 'SMS' },
    area: { local: 'Local', provincial_ld: 'Provincial LD', domestic_ld: 'Domestic LD', international: 'International', provincial_roaming: 'Provincial roaming', domestic_roaming: 'Domestic roaming', international_roaming: 'International roaming' },
    dir: { out: 'Out', in: 'In' }, period: { busy: 'Busy', idle: 'Idle' }, unit: { min: 'min', KB: 'KB', msg: 'msg', day: 'days' },
  },
});
