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
