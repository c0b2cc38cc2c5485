export const ROLES = ["admin", "credit_manager", "billing", "sales", "manager"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Roles that may change data on receivables; `manager` only reads dashboards, `sales` only what it is brought into. */
export const LEDGER_WRITERS: readonly Role[] = ["admin", "credit_manager", "billing"];
/** Roles that see every debtor of the tenant. */
export const TENANT_WIDE_READERS: readonly Role[] = ["admin", "credit_manager", "billing", "manager"];
export const MEMBER_ADMINS: readonly Role[] = ["admin"];

export const hasRole = (role: Role, allowed: readonly Role[]): boolean => allowed.includes(role);
