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

/** Distinct words of what someone typed, in order. */
export function queryWords(q: string): string[] {
  return [...new Set(words(jieba.cut(q, true)))];
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
