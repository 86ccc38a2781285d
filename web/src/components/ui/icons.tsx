import type { ReactNode } from 'react';

/** Line icons for the nav, drawn inline (emoji fonts are not on every front-desk PC). Unknown names render as text. */
const PATHS: Record<string, ReactNode> = {
  users: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5" />
      <path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18 13.8c2.1.9 3.5 3 3.5 5.7" />
    </>
  ),
  'user-plus': (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5M19 8v6M16 11h6" />
    </>
  ),
  contact: (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="2.5" />
      <circle cx="12" cy="10" r="3" />
      <path d="M7 17.5c.8-2.2 2.7-3.5 5-3.5s4.2 1.3 5 3.5" />
    </>
  ),
  merge: (
    <>
      <path d="M6 4v5a5 5 0 0 0 5 5h7M18 14l-3-3M18 14l-3 3M6 20v-4" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" />
    </>
  ),
  log: (
    <>
      <path d="M6 3.5h9l3.5 3.5v13.5H6z" />
      <path d="M9 10h6M9 13.5h6M9 17h4" />
    </>
  ),
  chart: (
    <>
      <path d="M4 20V4M4 20h16" />
      <path d="M8 16v-5M12 16V8M16 16v-3" />
    </>
  ),
  phone: (
    <>
      <path d="M5 3.5h3.5l1.5 4-2 1.5a11 11 0 0 0 5 5l1.5-2 4 1.5V17a2 2 0 0 1-2 2A15 15 0 0 1 3 5.5a2 2 0 0 1 2-2z" />
    </>
  ),
  box: (
    <>
      <path d="M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5z" />
      <path d="M3.5 7.5 12 12l8.5-4.5M12 12v9" />
    </>
  ),
  bill: (
    <>
      <path d="M6 3h12v18l-3-2-3 2-3-2-3 2z" />
      <path d="M9 8h6M9 12h6" />
    </>
  ),
  ticket: (
    <>
      <path d="M3.5 7.5h17v3a2 2 0 0 0 0 3v3h-17v-3a2 2 0 0 0 0-3z" />
    </>
  ),
  megaphone: (
    <>
      <path d="M3.5 10v4h3l8 4.5v-13l-8 4.5z" />
      <path d="M18 9.5a3.5 3.5 0 0 1 0 5" />
    </>
  ),
};

/** Emoji other features may have given, drawn as the matching line icon. */
const ALIASES: Record<string, string> = {
  '👥': 'users',
  '⚙': 'settings',
  '⚙️': 'settings',
  '📜': 'log',
  '📊': 'chart',
  '📈': 'chart',
  '📞': 'phone',
  '☎': 'phone',
  '📦': 'box',
  '🧾': 'bill',
  '🎫': 'ticket',
  '📣': 'megaphone',
  '📇': 'contact',
};

export function Icon({ name }: { name: string }) {
  const path = PATHS[ALIASES[name] ?? name];
  if (!path) return <span aria-hidden="true">{name}</span>;
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {path}
    </svg>
  );
}
