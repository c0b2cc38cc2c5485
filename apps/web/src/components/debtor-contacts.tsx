import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebtorChanged } from "../hooks/use-debtor-changed.ts";
import type { DebtorDetail } from "../lib/api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ConfirmButton } from "./confirm-button.tsx";
import { ContactForm } from "./contact-form.tsx";
import { ErrorMessage } from "./error-message.tsx";

type Contact = DebtorDetail["contacts"][number];

/**
 * Whom to write to or call at the debtor, and how each prefers to be reached. Those who keep the ledger add, change
 * and remove contacts here; everyone else reads them.
 */
export function DebtorContacts({ debtorId, contacts, canEdit }: { debtorId: string; contacts: Contact[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changed = useDebtorChanged();
  // "new", a contact being changed, or nothing
  const [editing, setEditing] = useState<"new" | Contact | null>(null);
  const remove = useMutation(
    trpc.debtors.removeContact.mutationOptions({ onSuccess: changed }),
  );
  return (
    <section className="card" aria-labelledby="debtor-contacts-title" data-testid="debtor-contacts">
      <h2 id="debtor-contacts-title">{t("debtor.contactsTitle")}</h2>
      {contacts.length === 0 ? (
        <p className="empty">{t("debtor.noContacts")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("debtor.contactName")}</th>
                <th scope="col">{t("debtor.contactRole")}</th>
                <th scope="col">{t("debtor.contactEmail")}</th>
                <th scope="col">{t("debtor.contactPhone")}</th>
                <th scope="col">{t("debtor.contactChannel")}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t("debtor.contactActions")}</span></th>}
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id} data-testid="contact-row">
                  <th scope="row">{c.name}</th>
                  <td>{t(`debtor.contactRoles.${c.role}`)}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—"}</td>
                  <td>{c.phone ? <a href={`tel:${c.phone.replace(/[^+\d]/g, "")}`}>{c.phone}</a> : "—"}</td>
                  <td>
                    <span className="badge" data-testid="contact-channel">
                      {t(`debtor.channels.${c.preferredChannel}`)}
                    </span>
                  </td>
                  {canEdit && (
                    <td>
                      <span className="confirm-group">
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t("debtor.editContactTitle", { name: c.name })}
                          data-testid="contact-edit"
                          onClick={() => setEditing(c)}
                        >
                          {t("debtor.editContact")}
                        </button>
                        <ConfirmButton
                          label={t("debtor.removeContact")}
                          ariaLabel={t("debtor.removeContactOf", { name: c.name })}
                          confirmLabel={t("debtor.removeContactConfirm")}
                          disabled={remove.isPending}
                          testId="contact-remove"
                          onConfirm={() => remove.mutate({ debtorId, contactId: c.id })}
                        />
                      </span>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {canEdit &&
        (editing === null ? (
          <div className="actions-row">
            <button type="button" className="button" data-testid="contact-add" onClick={() => setEditing("new")}>
              {t("debtor.addContact")}
            </button>
          </div>
        ) : (
          <ContactForm
            key={editing === "new" ? "new" : editing.id}
            debtorId={debtorId}
            contact={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ))}
    </section>
  );
}
