import type { Locale } from "@relance/domain";
import type { Queryable } from "../database.ts";

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}
export interface UserWithPasswordRow extends UserRow {
  passwordHash: string;
}

export const insertUser = async (
  sql: Queryable,
  user: { email: string; displayName: string; passwordHash: string; locale: Locale },
): Promise<UserRow> => {
  const [row] = await sql<UserRow[]>`
    insert into users (email, display_name, password_hash, locale)
    values (${user.email}, ${user.displayName}, ${user.passwordHash}, ${user.locale})
    returning id, email, display_name as "displayName", locale`;
  return row!;
};

export const findUserByEmail = async (sql: Queryable, email: string): Promise<UserWithPasswordRow | undefined> => {
  const [row] = await sql<UserWithPasswordRow[]>`
    select id, email, display_name as "displayName", locale, password_hash as "passwordHash"
    from users where email = ${email}`;
  return row;
};

export const findUserById = async (sql: Queryable, id: string): Promise<UserWithPasswordRow | undefined> => {
  const [row] = await sql<UserWithPasswordRow[]>`
    select id, email, display_name as "displayName", locale, password_hash as "passwordHash"
    from users where id = ${id}`;
  return row;
};

export const updateUserPassword = async (sql: Queryable, id: string, passwordHash: string): Promise<void> => {
  await sql`update users set password_hash = ${passwordHash} where id = ${id}`;
};

export const updateUserLocale = async (sql: Queryable, id: string, locale: Locale): Promise<void> => {
  await sql`update users set locale = ${locale} where id = ${id}`;
};
