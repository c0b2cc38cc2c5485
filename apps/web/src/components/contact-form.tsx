import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DebtorDetail } from "../lib/api-types.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { fieldErrorsOf } from "./field-errors.ts";

type Contact = DebtorDetail["contacts"][number];
const ROLES = ["accounts_payable", "buyer", "management", "other"] as const satisfies readonly Contact["role"][];
const CHANNELS = ["email", "letter", "sms", "phone"] as const satisfies readonly Contact["preferredChannel"][];
const LANGUAGES = ["fr", "en", "de", "it"] as const;

interface Values {
  name: string;
  role: Contact["role"];
  email: string;
  phone: string;
  preferredChannel: Contact["preferredChannel"];
  language: string;
}
const EMPTY: Values = { name: "", role: "accounts_payable", email: "", phone: "", preferredChannel: "email", language: "" };
const valuesOf = (c: Contact): Values => ({ ...c, email: c.email ?? "", phone: c.phone ?? "", language: c.language ?? "" });

/**
 * Adds a contact to the debtor, or changes `contact` when given. Empty fields are sent as such: the server says which
 * one the chosen channel needs, under that field.
 */
export function ContactForm({ debtorId, contact, onDone }: { debtorId: string; contact?: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [values, setValues] = useState<Values>(contact ? valuesOf(contact) : EMPTY);
  const saved = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.debtors.get.queryKey({ debtorId }) });
      onDone();
    },
  };
  const add = useMutation(trpc.debtors.addContact.mutationOptions(saved));
  const update = useMutation(trpc.debtors.updateContact.mutationOptions(saved));
  const save = contact ? update : add;
  const errors = fieldErrorsOf(save.error);
  const otherError = save.isError && errors.size === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { ...values, language: values.language === "" ? null : values.language };
    if (contact) update.mutate({ debtorId, contactId: contact.id, contact: fields });
    else add.mutate({ debtorId, contact: fields });
  };
  const set = (field: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const fieldProps = (field: keyof Values) => {
    const error = errors.get(`contact.${field}`);
    return {
      id: `${id}-${field}`,
      "data-testid": `contact-${field}`,
      value: values[field],
      onChange: set(field),
      "aria-invalid": error !== undefined,
      "aria-describedby": error !== undefined ? `${id}-${field}-error` : undefined,
    };
  };
  const errorOf = (field: keyof Values) => {
    const error = errors.get(`contact.${field}`);
    return error === undefined ? null : (
      <p id={`${id}-${field}-error`} className="field-error" data-testid={`contact-${field}-error`}>
        {error}
      </p>
    );
  };

  return (
    <form className="form contact-form" onSubmit={submit} noValidate data-testid="contact-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{contact ? t("debtor.editContactTitle", { name: contact.name }) : t("debtor.addContact")}</h3>
      <div className="form form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("debtor.contactName")}</label>
          <input type="text" maxLength={200} autoComplete="off" {...fieldProps("name")} />
          {errorOf("name")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("debtor.contactRole")}</label>
          <select {...fieldProps("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`debtor.contactRoles.${r}`)}
              </option>
            ))}
          </select>
          {errorOf("role")}
        </div>
      </div>
      <div className="form form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("debtor.contactEmail")}</label>
          <input type="email" maxLength={320} autoComplete="off" {...fieldProps("email")} />
          {errorOf("email")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t("debtor.contactPhone")}</label>
          <input type="tel" maxLength={30} autoComplete="off" {...fieldProps("phone")} />
          {errorOf("phone")}
        </div>
      </div>
      <div className="form form-row form-row-top">
        <div className="field">
          <label htmlFor={`${id}-preferredChannel`}>{t("debtor.contactChannel")}</label>
          <select {...fieldProps("preferredChannel")}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`debtor.channels.${c}`)}
              </option>
            ))}
          </select>
          {errorOf("preferredChannel")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t("debtor.contactLanguage")}</label>
          <select {...fieldProps("language")}>
            <option value="">{t("debtor.none")}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`debtor.contactLanguages.${l}`)}
              </option>
            ))}
          </select>
          {errorOf("language")}
        </div>
      </div>
      {otherError && <ErrorMessage error={save.error} />}
      <div className="actions-row">
        <button type="submit" className="button" disabled={save.isPending} data-testid="contact-save">
          {save.isPending ? t("debtor.savingContact") : t("debtor.saveContact")}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t("debtor.cancel")}
        </button>
      </div>
    </form>
  );
}
