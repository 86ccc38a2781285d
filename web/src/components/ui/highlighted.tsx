/**
 * Search snippets come from the server as escaped text with <mark> around matched words. They are rendered
 * by splitting on <mark>, never as HTML, so nothing else in them can become markup.
 */
export function Highlighted({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return (
    <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{decode(p)}</mark> : <span key={i}>{decode(p)}</span>))}</>
  );
}
