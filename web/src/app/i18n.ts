import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setApiLanguage } from './api-client.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lianxi.language';

function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  resources: {},
});
setApiLanguage(i18n.language);
document.documentElement.lang = i18n.language;

export function changeLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export interface Translations {
  [key: string]: string | Translations;
}

/**
 * Each feature keeps its own strings in an i18next namespace: `export const useCustomersT = registerTranslations('customers', {...})`.
 * The returned hook gives `t` bound to that namespace (`t('list.title')`).
 */
export function registerTranslations(namespace: string, resources: { 'zh-CN': Translations; en: Translations }) {
  i18n.addResourceBundle('zh-CN', namespace, resources['zh-CN'], true, true);
  i18n.addResourceBundle('en', namespace, resources.en, true, true);
  return () => useTranslation(namespace);
}

/** Text given in both languages by the data itself (nav labels, org-unit names). */
export function pick(text: { zh: string; en?: string | null }, lang: string): string {
  return lang === 'en' && text.en ? text.en : text.zh;
}
