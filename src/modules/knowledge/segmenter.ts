import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);

/** Words that carry no meaning for search ("的", "怎么办", "吗"). */
const STOP_WORDS = new Set([
  '的',
  '了',
  '是',
  '在',
  '和',
  '与',
  '或',
  '吗',
  '呢',
  '吧',
  '啊',
  '怎么',
  '怎么办',
  '如何',
  '为什么',
  '什么',
  '请问',
  '一下',
  '我',
  '我的',
  '你',
  '家里',
  '很',
  '太',
  '总',
  '总有',
  '有',
  '要',
  '一直',
  '您',
  'the',
  'a',
  'an',
  'of',
  'to',
  'is',
]);

function words(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (word && !STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}

/** Words for the index: search mode also emits the shorter words inside long ones (中华人民共和国 → 中华, 人民...). */
export function indexWords(text: string): string {
  return words(jieba.cutForSearch(text, true)).join(' ');
}

/**
 * How people say it at the counter, and how the articles say it: a query holding the first also searches for the
 * second ("宽带上不了网" finds 宽带无法上网的排查步骤, not every article that mentions 宽带). Tuned with
 * search-ranking.test.ts; add a line there with each line here.
 */
const COLLOQUIAL: [RegExp, string][] = [
  [/上不了网|上不去网|断网|连不上|没网|没有网|用不了网/, '无法上网'],
  [/很卡|好卡|太卡|卡顿|卡死|网慢/, '网速慢'],
  [/座机|家里电话/, '固话'],
  [/没声音|没有声音|没拨号音/, '没有拨号音'],
  [/扣错|多扣|乱扣|扣多了|收费不对|费用不对/, '计费 争议'],
  [/断了|断开|不通/, '中断'],
  [/丢了|掉了|被偷/, '丢失 挂失'],
  [/手机卡|电话卡/, 'SIM 卡'],
  [/红灯/, 'LOS 灯 红色'],
  [/续费/, '续约'],
];

/** Distinct words of what someone typed, in order; search mode splits 查话费 into 话费 as the index does. */
export function queryWords(q: string): string[] {
  const said = COLLOQUIAL.filter(([pattern]) => pattern.test(q)).map(([, meant]) => meant);
  return [...new Set(words(jieba.cutForSearch([q, ...said].join(' '), true)))];
}

/**
 * A tsquery that matches any of the words (ranking puts documents with more of them first); Latin words
 * and digits also match as a prefix, so "mate6" finds "Mate60". Words are letters and digits only, so the
 * query cannot be malformed.
 */
export function toTsQuery(qWords: string[]): string {
  return qWords.map((w) => (/^[a-z0-9]+$/.test(w) ? `${w}:*` : w)).join(' | ');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markdown markers are not shown in a snippet. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*([-*]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A window of `text` around the first word found, HTML-escaped, with every found word in <mark>.
 * The result holds no markup other than <mark>, so it can be shown as it is.
 */
export function highlight(text: string, qWords: string[], width = 80): string {
  const lower = text.toLowerCase();
  const hits = qWords.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  const piece = text.slice(start, start + width);
  const sorted = [...qWords].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = sorted.length ? piece.split(new RegExp(`(${sorted.join('|')})`, 'gi')) : [piece];
  const body = parts.map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part))).join('');
  return (start > 0 ? '…' : '') + body + (start + width < text.length ? '…' : '');
}
