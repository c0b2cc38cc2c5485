import type { Locale } from "@relance/domain";
import { useMutation } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { rememberLocale, toLocale } from "../lib/locale.ts";
import { updateMe } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useOptionalMe } from "./use-me.ts";

export interface ChangeLocale {
  locale: Locale;
  change: (locale: Locale) => void;
  /** The save to the account, when signed in. */
  saving: boolean;
  saved: boolean;
  error: unknown;
}

/**
 * Switches the interface language at once, remembers it on this device, and, when signed in, saves it to the
 * account (`account.setLocale`) so that it follows the user to other devices.
 */
export const useChangeLocale = (): ChangeLocale => {
  const { i18n } = useTranslation();
  const me = useOptionalMe();
  const trpc = useTRPC();
  const setLocale = useMutation(
    trpc.account.setLocale.mutationOptions({
      onSuccess: ({ locale }) => updateMe((current) => ({ ...current, user: { ...current.user, locale } })),
    }),
  );
  const { mutate } = setLocale;
  const signedIn = me !== null;

  const change = useCallback(
    (locale: Locale) => {
      rememberLocale(locale);
      void i18n.changeLanguage(locale);
      if (signedIn) mutate({ locale });
    },
    [i18n, mutate, signedIn],
  );

  return {
    locale: toLocale(i18n.language),
    change,
    saving: setLocale.isPending,
    saved: setLocale.isSuccess,
    error: setLocale.error,
  };
};
