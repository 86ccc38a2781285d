import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { createArticle } from './articles.service.ts';
import { answerQuestion, askQuestion, chooseBestAnswer } from './questions.service.ts';
import type { ArticleKind } from './knowledge.tables.ts';

/** Articles a branch's service desk really keeps: fault FAQs, device notes, package facts, sales scripts. */
export const DEMO_ARTICLES: { category: string; kind: ArticleKind; title: string; tags: string[]; body: string }[] = [
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '宽带无法上网的排查步骤',
    tags: ['宽带', '故障'],
    body: '## 先问清楚\n- 光猫指示灯状态\n- 是否欠费停机\n\n## 再排查\n1. 重启光猫和路由器\n2. 检查网线是否松动\n3. 仍无法上网则派单到接入网维护中心',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '光猫 LOS 灯红色闪烁怎么办',
    tags: ['光猫', '光纤'],
    body: 'LOS 灯**红色闪烁**表示光信号中断，多为入户光纤弯折或断开。请用户检查光纤是否被压住，无法恢复时派单上门。',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '宽带网速慢的常见原因',
    tags: ['宽带', '网速'],
    body: '晚高峰拥塞、WiFi 信号弱、路由器老旧、后台下载都会导致网速慢。建议用网线直连测速，对比签约带宽。',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '固话没有拨号音的处理',
    tags: ['固话'],
    body: '先确认话机电源和电话线，换一部话机测试；仍无拨号音则为线路故障，派单到接入网维护中心。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: '室内或地下车库手机没有信号',
    tags: ['信号', '无线'],
    body: '记录用户具体位置（小区、楼栋、楼层），派单到无线维护中心评估是否需要增加室分覆盖。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: '手机能打电话但无法上网',
    tags: ['流量', '手机'],
    body: '检查移动数据开关和 APN 设置，确认流量套餐未用尽；重启手机后仍无法上网再报障。',
  },
  {
    category: '终端设备',
    kind: 'product',
    title: '华为 Mate 60 Pro 开启 5G 的方法',
    tags: ['华为', '5G', '终端'],
    body: '设置 → 移动网络 → 移动数据 → 启用 5G。需开通 5G 套餐并在 5G 覆盖区域内。',
  },
  {
    category: '终端设备',
    kind: 'product',
    title: 'iPhone 15 设置 VoLTE 高清通话',
    tags: ['苹果', 'VoLTE', '终端'],
    body: '设置 → 蜂窝网络 → 蜂窝数据选项 → 语音与数据，选择 4G 或 5G 并打开 VoLTE。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '融合套餐包含哪些内容',
    tags: ['套餐'],
    body: '融合套餐包含 **宽带 + 手机 + 固话 + IPTV**，主副卡共享流量，宽带速率随档位提升。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '计费有争议时如何处理',
    tags: ['计费', '投诉'],
    body: '调取详单核对，确认无误的向用户解释；确有错误的提交计费争议工单并告知用户退费时限。',
  },
  {
    category: '营销话术',
    kind: 'script',
    title: '宽带到期续约话术',
    tags: ['续约', '宽带', '话术'],
    body: '您好，您的宽带将于本月到期，现在续约可享受提速到千兆且月费不变……',
  },
  {
    category: '政企业务',
    kind: 'product',
    title: '数字电路中断的应急处理',
    tags: ['专线', '政企'],
    body: '政企客户数字电路中断属于高优先级，立即派单到政企支撑中心，并每 30 分钟向客户通报进展。',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '宽带账号密码重置',
    tags: ['宽带', '密码'],
    body: '核实机主身份（身份证或服务密码）后，在营业系统重置宽带拨号密码，新密码以短信发给机主；光猫内的拨号密码同步修改。',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: 'IPTV 机顶盒黑屏或提示无信号',
    tags: ['IPTV', '机顶盒', '电视'],
    body: '确认电视信号源选对（HDMI/AV），重启机顶盒；提示网络连接失败时检查机顶盒到光猫的网线，仍不行派单。',
  },
  {
    category: '宽带与固话',
    kind: 'faq',
    title: '宽带移机办理流程',
    tags: ['宽带', '移机', '搬家'],
    body: '客户搬家需要移机时，先查新地址是否有光纤资源，有资源即受理移机工单，预约装维上门，旧地址设备可带走。',
  },
  {
    category: '终端设备',
    kind: 'product',
    title: '修改路由器 WiFi 名称和密码',
    tags: ['路由器', 'WiFi', '密码'],
    body: '浏览器打开 192.168.1.1，用路由器背面的管理密码登录，在无线设置中修改 WiFi 名称（SSID）和密码，保存后重新连接。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '手机欠费停机后如何复机',
    tags: ['停机', '复机', '缴费'],
    body: '缴清欠费后系统自动复机，一般 10 分钟内恢复；缴费后仍停机的，核查是否为挂失停机或违章停机。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '话费账单和余额查询方法',
    tags: ['话费', '账单', '余额'],
    body: '客户可发短信 CXHF 到 10001 查询余额，或在自助服务的账单页查看每月账单明细；营业厅可打印详单。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '流量超出套餐后的收费标准',
    tags: ['流量', '资费'],
    body: '超出套餐的国内流量按 5 元/GB 计费，当月封顶；建议流量经常超出的客户升级套餐或加装流量包。',
  },
  {
    category: '套餐资费',
    kind: 'faq',
    title: '电子发票开具说明',
    tags: ['发票'],
    body: '缴费后可在自助服务申请电子发票，填写抬头和税号；企业客户按月开具增值税专用发票，需提供开票资料。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: '携号转网办理条件',
    tags: ['携号转网'],
    body: '号码在网满 120 天、无欠费、无未到期合约的可办理携号转网；发短信 SQXZW#姓名#证件号 到 10001 获取授权码。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: 'SIM 卡丢失挂失和补卡',
    tags: ['SIM卡', '补卡', '挂失'],
    body: '手机或 SIM 卡丢失应先挂失停机，再由机主本人持身份证到营业厅补卡，原号码和套餐不变。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: '出国前开通国际漫游',
    tags: ['漫游', '出国'],
    body: '出国前确认已开通国际及港澳台漫游功能，可订购目的地流量包；境外接听和拨打按漫游资费计费。',
  },
  {
    category: '移动业务',
    kind: 'faq',
    title: '骚扰电话和诈骗短信的拦截',
    tags: ['骚扰电话', '拦截', '诈骗'],
    body: '为客户开通来电拦截服务，可拦截标记为骚扰或诈骗的号码；收到诈骗短信可转发到 12321 举报。',
  },
  {
    category: '营销话术',
    kind: 'script',
    title: '客户要求销户时的挽留话术',
    tags: ['销户', '挽留', '话术'],
    body: '先了解客户想销户的原因：资费贵可推荐更合适的套餐，网络差先派单处理，并告知在网积分和合约权益。',
  },
  {
    category: '营销话术',
    kind: 'script',
    title: '推荐升级 5G 套餐的话术',
    tags: ['5G', '升级', '话术'],
    body: '您现在每月流量都用超，升级到 5G 套餐后流量翻倍、网速更快，月费只多 20 元，还送一年视频会员……',
  },
  {
    category: '政企业务',
    kind: 'product',
    title: '互联网专线开通流程',
    tags: ['专线', '政企', '开通'],
    body: '政企客户申请互联网专线：客户经理提交需求 → 资源勘查 → 签订合同 → 施工开通 → 客户验收，一般 15 个工作日。',
  },
];

export async function seedKnowledgeDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const categories = new Map(
    (await db.selectFrom('kb_categories').select(['id', 'name']).execute()).map((c) => [c.name, c.id]),
  );
  for (const a of DEMO_ARTICLES) {
    await createArticle(db, demo.ctx, {
      categoryId: categories.get(a.category)!,
      kind: a.kind,
      title: a.title,
      tags: a.tags,
      body: a.body,
      status: 'published',
    });
  }
  const asker = demo.employees.get('chenjie');
  const answerer = demo.employees.get('gaojun');
  if (!asker || !answerer) return;
  const question = await askQuestion(
    db,
    { ...demo.ctx, employeeId: asker, name: '陈杰' },
    { title: '用户光猫所有灯都不亮怎么处理？', body: '用户说光猫完全没反应。' },
  );
  const answered = await answerQuestion(
    db,
    { ...demo.ctx, employeeId: answerer, name: '高军' },
    question.id,
    '先确认电源适配器和插座，换一个适配器试试；仍不亮就是光猫坏了，预约上门更换。',
  );
  await chooseBestAnswer(db, { ...demo.ctx, employeeId: asker, name: '陈杰' }, question.id, answered.answers[0].id);
}
