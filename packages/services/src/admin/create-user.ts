import { addMembershipIfAbsent, findOrganizationBySlug, findUserByEmail, insertUser } from "@relance/db";
import { AppError, type Locale, type Role, emailSchema, newPasswordSchema } from "@relance/domain";
import { hashPassword } from "../auth/password-hashing.ts";
import { generateSecretToken } from "../auth/session-tokens.ts";
import type { ServiceDeps } from "../deps.ts";
import { parseOrThrow } from "../parse-or-throw.ts";

export interface CreatedUser {
  userId: string;
  email: string;
  org: string;
  role: Role;
  /** Present only when the password was generated here: shown once, never stored in clear. */
  generatedPassword?: string;
  existingAccount: boolean;
}

/** Creates an account (or reuses one with that e-mail) and makes it a member of the organization. */
export const createUserInOrganization = async (
  deps: ServiceDeps,
  input: { orgSlug: string; email: string; role: Role; displayName?: string | undefined; password?: string | undefined; locale?: Locale | undefined },
): Promise<CreatedUser> => {
  const email = parseOrThrow(emailSchema, input.email, "email");
  const org = await findOrganizationBySlug(deps.db.sql, input.orgSlug);
  if (!org) throw new AppError("NOT_FOUND", `No organization with slug "${input.orgSlug}".`, { fields: [{ path: "org", message: "Unknown organization" }] });
  const existing = await findUserByEmail(deps.db.sql, email);
  let generatedPassword: string | undefined;
  let userId = existing?.id;
  if (!existing) {
    const password = input.password ?? (generatedPassword = generateSecretToken().slice(0, 16));
    parseOrThrow(newPasswordSchema, password, "password");
    const user = await insertUser(deps.db.sql, {
      email,
      displayName: input.displayName?.trim() || email.split("@")[0]!,
      passwordHash: await hashPassword(password),
      locale: input.locale ?? "fr",
    });
    userId = user.id;
  }
  await addMembershipIfAbsent(deps.db.sql, { orgId: org.id, userId: userId!, role: input.role });
  return {
    userId: userId!,
    email,
    org: org.slug,
    role: input.role,
    existingAccount: Boolean(existing),
    ...(generatedPassword ? { generatedPassword } : {}),
  };
};
