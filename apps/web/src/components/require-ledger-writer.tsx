import { hasRole, LEDGER_WRITERS } from "@relance/domain";
import type { ReactNode } from "react";
import { useMe } from "../hooks/use-me.ts";

/** Imports and matching are for admins, credit managers and billing; the server enforces it, this spares the others a useless page. */
export function RequireLedgerWriter({ message, children }: { message: string; children: ReactNode }) {
  const { role } = useMe();
  if (!hasRole(role, LEDGER_WRITERS)) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message">
        <p>{message}</p>
      </div>
    );
  }
  return children;
}
