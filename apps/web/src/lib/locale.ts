import { DEFAULT_LOCALE, type Locale, isLocale } from "@relance/domain";

/** Where the language chosen before sign-in (and the last one used) is remembered on this device. */
export const LOCALE_STORAGE_KEY = "relance.locale";

const readStorage = (): string | null => {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
};

export const rememberLocale = (locale: Locale): void => {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage can be disabled (private mode, policies): the choice then lasts for this page only
  }
};

/** The language of a visitor before sign-in: the remembered one, else the browser's, else French. */
export const detectInitialLocale = (): Locale => {
  const stored = readStorage();
  if (stored && isLocale(stored)) return stored;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of languages) {
    const base = tag?.toLowerCase().split("-")[0] ?? "";
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
};

/** The current i18next language narrowed to one we support. */
export const toLocale = (language: string | undefined): Locale => {
  const base = language?.toLowerCase().split("-")[0] ?? "";
  return isLocale(base) ? base : DEFAULT_LOCALE;
};
