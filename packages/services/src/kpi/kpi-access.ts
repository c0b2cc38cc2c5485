import { AppError, hasRole, KPI_ROLES } from "@relance/domain";
import type { Actor } from "../deps.ts";

/** KPIs are tenant-wide figures: admin, credit manager, billing and (read-only) manager; never a sales rep. */
export const requireKpiReader = (actor: Actor): void => {
  if (!hasRole(actor.role, KPI_ROLES)) throw new AppError("FORBIDDEN", "Your role does not allow the dashboards.", { key: "errors.forbidden" });
};
