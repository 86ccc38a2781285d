import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  key: string;
  label: string;
  render: () => ReactNode;
}

/** WAI-ARIA tabs: arrow keys move between tabs, only the chosen panel is rendered. */
export function Tabs({ tabs, active, onChange }: { tabs: TabItem[]; active: string; onChange: (key: string) => void }) {
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.key === active) ?? tabs[0];

  function onKeyDown(e: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.key === current?.key);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    onChange(next.key);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-key="${next.key}"]`)?.focus();
  }

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            data-key={t.key}
            id={`${baseId}-${t.key}`}
            aria-selected={t.key === current?.key}
            aria-controls={`${baseId}-${t.key}-panel`}
            tabIndex={t.key === current?.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          className="tabs__panel"
          role="tabpanel"
          id={`${baseId}-${current.key}-panel`}
          aria-labelledby={`${baseId}-${current.key}`}
        >
          {current.render()}
        </div>
      )}
    </div>
  );
}
