import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { rememberLocale } from "../lib/locale.ts";
import { useMe } from "../hooks/use-me.ts";

/** Signed in, the interface speaks the language saved on the account; it is applied whenever that changes. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const saved = useMe().user.locale;
  useEffect(() => {
    rememberLocale(saved);
    if (i18n.language !== saved) void i18n.changeLanguage(saved);
  }, [saved, i18n]);
  return null;
}
