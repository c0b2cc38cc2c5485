import { useTranslation } from "react-i18next";
import type { DebtorDetail } from "../lib/api-types.ts";

/** Whom to write to or call at the debtor, and how each prefers to be reached. */
export function DebtorContacts({ contacts }: { contacts: DebtorDetail["contacts"] }) {
  const { t } = useTranslation();
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
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id} data-testid="contact-row">
                  <th scope="row">{c.name}</th>
                  <td>{t(`debtor.contactRoles.${c.role}`)}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—"}</td>
                  <td>{c.phone ? <a href={`tel:${c.phone.replace(/\s/g, "")}`}>{c.phone}</a> : "—"}</td>
                  <td>
                    <span className="badge" data-testid="contact-channel">
                      {t(`debtor.channels.${c.preferredChannel}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
