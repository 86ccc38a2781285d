/**
 * Labels of shared enums, in Chinese and English. Plain data, no imports: this folder is shared by the server and the
 * web app (imported there as `@shared/...`), so it must not reach into either.
 */
export type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** One language's labels, shaped for an i18next resource: `{ individual: '个人客户', ... }`. */
export function labelsIn<K extends string>(labels: Labels<K>, lang: 'zh' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries<{ zh: string; en: string }>(labels).map(([k, v]) => [k, v[lang]])) as Record<
    K,
    string
  >;
}
