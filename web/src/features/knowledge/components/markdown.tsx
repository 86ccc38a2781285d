import type { ReactNode } from 'react';

/** **bold** inside a line, as React elements. */
function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, i) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : (
        part
      ),
    );
}

/**
 * The small Markdown subset articles are written in (## headings, **bold**, - and 1. lists, paragraphs),
 * rendered to React elements: nothing an author types can become HTML or script.
 */
export function Markdown({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(<p key={blocks.length}>{inline(paragraph.join(' '))}</p>);
    paragraph = [];
    if (list) {
      const items = list.items.map((item, i) => <li key={i}>{inline(item)}</li>);
      blocks.push(list.ordered ? <ol key={blocks.length}>{items}</ol> : <ul key={blocks.length}>{items}</ul>);
    }
    list = null;
  };
  for (const line of text.split('\n')) {
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    const bullet = line.match(/^\s*[-*]\s+(.*)$/);
    const numbered = line.match(/^\s*\d+\.\s+(.*)$/);
    if (heading) {
      flush();
      blocks.push(
        heading[1].length === 1 ? (
          <h2 key={blocks.length}>{inline(heading[2])}</h2>
        ) : (
          <h3 key={blocks.length}>{inline(heading[2])}</h3>
        ),
      );
    } else if (bullet || numbered) {
      if (paragraph.length || (list && list.ordered !== !!numbered)) flush();
      list ??= { ordered: !!numbered, items: [] };
      list.items.push((bullet ?? numbered)![1]);
    } else if (!line.trim()) flush();
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return <div className="kb-article__body">{blocks}</div>;
}
