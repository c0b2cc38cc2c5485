import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebtorChanged } from "../hooks/use-debtor-changed.ts";
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
const choices = <V extends string>(values: readonly V[], label: (value: V) => string) =>
  values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));

interface ControlProps {
  id: string;
  "data-testid": string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
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
  const changed = useDebtorChanged();
  const id = useId();
  const [values, setValues] = useState<Values>(contact ? valuesOf(contact) : EMPTY);
  const saved = {
    onSuccess: () => {
      changed();
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
  /** One labelled field: its control (given its value, handler and error wiring), the server's refusal underneath. */
  const field = (name: keyof Values, label: string, control: (props: ControlProps) => ReactNode) => {
    const error = errors.get(`contact.${name}`);
    const errorId = `${id}-${name}-error`;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({
          id: `${id}-${name}`,
          "data-testid": `contact-${name}`,
          value: values[name],
          onChange: (e) => setValues((v) => ({ ...v, [name]: e.target.value })),
          "aria-invalid": error !== undefined,
          "aria-describedby": error !== undefined ? errorId : undefined,
        })}
        {error !== undefined && (
          <p id={errorId} className="field-error" data-testid={`contact-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="form contact-form" onSubmit={submit} noValidate data-testid="contact-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{contact ? t("debtor.editContactTitle", { name: contact.name }) : t("debtor.addContact")}</h3>
      <div className="form form-row form-row-top">
        {field("name", t("debtor.contactName"), (p) => <input type="text" maxLength={200} autoComplete="off" {...p} />)}
        {field("role", t("debtor.contactRole"), (p) => <select {...p}>{choices(ROLES, (r) => t(`debtor.contactRoles.${r}`))}</select>)}
      </div>
      <div className="form form-row form-row-top">
        {field("email", t("debtor.contactEmail"), (p) => <input type="email" maxLength={320} autoComplete="off" {...p} />)}
        {field("phone", t("debtor.contactPhone"), (p) => <input type="tel" maxLength={30} autoComplete="off" {...p} />)}
      </div>
      <div className="form form-row form-row-top">
        {field("preferredChannel", t("debtor.contactChannel"), (p) => <select {...p}>{choices(CHANNELS, (c) => t(`debtor.channels.${c}`))}</select>)}
        {field("language", t("debtor.contactLanguage"), (p) => (
          <select {...p}>
            <option value="">{t("debtor.none")}</option>
            {choices(LANGUAGES, (l) => t(`debtor.contactLanguages.${l}`))}
          </select>
        ))}
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
