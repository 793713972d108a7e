import { createI18n } from 'vue-i18n'
import type { Language } from 'element-plus/es/locale'
import elEn from 'element-plus/es/locale/lang/en'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import en from './langs/en.json'
import zhCN from './langs/zh-CN.json'

export type MessageSchema = typeof zhCN
export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'zh-CN'

const storageKey = 'laifang.locale'

const elementLocales: Record<Locale, Language> = { 'zh-CN': elZhCn, en: elEn }

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v)
}

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(storageKey)
    if (isLocale(v)) return v
  } catch {
    // storage unavailable: use the default
  }
  return defaultLocale
}

export function createLaifangI18n(locale: Locale = savedLocale()) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    messages: { 'zh-CN': zhCN, en },
  })
}

export type LaifangI18n = ReturnType<typeof createLaifangI18n>

/** Remembers the language for the next start. */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale)
  } catch {
    // not remembered; the switch still applies
  }
}

/** Element Plus' own texts (date pickers, pagination…) in the given language. */
export function elementLocale(locale: string): Language {
  return isLocale(locale) ? elementLocales[locale] : elZhCn
}
