import { DunningPolicyEditor } from "../components/dunning-policy-editor.tsx";
import { RateTablesEditor } from "../components/rate-tables-editor.tsx";
import { RequireAdmin } from "../components/require-admin.tsx";
import "../styles/case-work.css";
import "../styles/outbox.css";

/** Admin: how the tenant chases (policies per segment, versioned) and the dated rates its penalties use. */
export function CollectionSettingsPage() {
  return (
    <RequireAdmin>
      <DunningPolicyEditor />
      <RateTablesEditor />
    </RequireAdmin>
  );
}
