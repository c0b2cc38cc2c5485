import { findOrganizationBySlug, insertOrganization, type OrganizationRow } from "@relance/db";
import { AppError, type Country, defaultCurrencyOf, orgNameSchema, orgSlugSchema } from "@relance/domain";
import type { ServiceDeps } from "../deps.ts";
import { parseOrThrow } from "../parse-or-throw.ts";

export const createOrganization = async (
  deps: ServiceDeps,
  input: { slug: string; name: string; country: Country },
): Promise<OrganizationRow> => {
  const slug = parseOrThrow(orgSlugSchema, input.slug, "slug");
  const name = parseOrThrow(orgNameSchema, input.name, "name");
  if (await findOrganizationBySlug(deps.db.sql, slug)) {
    throw new AppError("CONFLICT", `An organization with slug "${slug}" already exists.`, { fields: [{ path: "slug", message: "Already taken" }] });
  }
  return insertOrganization(deps.db.sql, { slug, name, country: input.country, defaultCurrency: defaultCurrencyOf(input.country) });
};
