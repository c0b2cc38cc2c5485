import { InvitationsTable } from "../components/invitations-table.tsx";
import { InviteForm } from "../components/invite-form.tsx";
import { MembersTable } from "../components/members-table.tsx";
import { RequireAdmin } from "../components/require-admin.tsx";

export function MembersPage() {
  return (
    <RequireAdmin>
      <div className="settings-sections">
        <div className="card">
          <InviteForm />
        </div>
        <div className="card">
          <MembersTable />
        </div>
        <div className="card">
          <InvitationsTable />
        </div>
      </div>
    </RequireAdmin>
  );
}
