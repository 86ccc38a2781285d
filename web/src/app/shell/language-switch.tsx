import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n.ts';

const CHOICES: { lang: Language; label: string }[] = [
  { lang: 'zh-CN', label: '中文' },
  { lang: 'en', label: 'English' },
];

/** 中文 / English, remembered in localStorage. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label="Language / 语言">
      {CHOICES.map((c) => (
        <button
          key={c.lang}
          type="button"
          aria-pressed={i18n.language === c.lang}
          onClick={() => changeLanguage(c.lang)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
