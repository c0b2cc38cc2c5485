import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES } from "@relance/domain";
import { detectInitialLocale } from "../lib/locale.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof fr };
  }
}

const syncDocumentLanguage = (language: string): void => {
  document.documentElement.lang = language;
};

i18next.on("languageChanged", syncDocumentLanguage);

/** Initialises i18next once, before the first render; the language is then driven by `useChangeLocale` and the session. */
export const initI18n = async (): Promise<typeof i18next> => {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: detectInitialLocale(),
    fallbackLng: "fr",
    supportedLngs: [...LOCALES],
    defaultNS: "translation",
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  syncDocumentLanguage(i18next.language);
  return i18next;
};

export { i18next };
