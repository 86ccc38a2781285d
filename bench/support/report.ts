import type { Figure } from './section.ts';

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The API figure of a scenario beside its raw ceiling, and the ratio between them. */
export function pairFigures(figures: Figure[]) {
  const rows = new Map<
    string,
    { section: string; scenario: string; connections: number; api?: Figure; raw?: Figure }
  >();
  for (const f of figures) {
    const key = `${f.section}\u0000${f.scenario}\u0000${f.connections}`;
    const row = rows.get(key) ?? { section: f.section, scenario: f.scenario, connections: f.connections };
    row[f.via] = f;
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({
    ...r,
    ratio: r.api && r.raw ? r.api.perSecond / r.raw.perSecond : undefined,
  }));
}

/** A Markdown table, so that a run's output can be pasted into docs/benchmarks.md as it is. */
export function formatTable(figures: Figure[]): string {
  const head = [
    'section',
    'scenario',
    'conns',
    'API req/s',
    'API p50 ms',
    'API p99 ms',
    'API failed',
    'raw q/s',
    'raw p50 ms',
    'raw p99 ms',
    'API ÷ raw',
    'CPU µs/req API · raw',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of pairFigures(figures)) {
    lines.push(
      `| ${[
        r.section,
        r.scenario,
        fmt(r.connections),
        fmt(r.api?.perSecond),
        fmt(r.api?.p50, 1),
        fmt(r.api?.p99, 1),
        r.api
          ? `${fmt(r.api.errors)} of ${fmt((r.api.succeeded ?? r.api.requests - r.api.errors) + r.api.errors)}`
          : '—',
        fmt(r.raw?.perSecond),
        fmt(r.raw?.p50, 1),
        fmt(r.raw?.p99, 1),
        r.ratio === undefined ? '—' : `${fmt(r.ratio * 100)} %`,
        `${fmt(r.api?.cpuPerRequest)} · ${fmt(r.raw?.cpuPerRequest)}`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
