import type { Role } from "../roles.ts";

/**
 * Who reads the receivables KPIs: the tenant-wide roles (manager read-only). Sales reps are left out: tenant-wide
 * totals would show them debtors they do not own, and a per-owner dashboard is not what they work from.
 */
export const KPI_ROLES: readonly Role[] = ["admin", "credit_manager", "manager", "billing"];
/** Who may watch the live dashboards (the same roles). */
export const KPI_WATCHERS: readonly Role[] = KPI_ROLES;

export const canWatchDashboards = (role: Role): boolean => KPI_WATCHERS.includes(role);
