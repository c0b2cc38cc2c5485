import { updateUserLocale } from "@relance/db";
import type { Locale } from "@relance/domain";
import type { Actor, ServiceDeps } from "../deps.ts";

/** Remembers the language the user chose, for every device they sign in from. */
export const setLocale = async (deps: ServiceDeps, actor: Actor, locale: Locale): Promise<void> =>
  updateUserLocale(deps.db.sql, actor.userId, locale);
