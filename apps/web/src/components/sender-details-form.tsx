import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorDataOf } from "../lib/errors.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { Loading } from "./loading.tsx";
import "../styles/case-work.css";

const FIELDS = [
  "legalName", "street", "buildingNumber", "postalCode", "town", "addressCountry", "phone", "email", "companyIdentifier", "iban", "qrIban",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = Object.fromEntries(FIELDS.map((f) => [f, ""])) as Values;
const INPUT_TYPES: Partial<Record<Field, string>> = { email: "email", phone: "tel" };

/** Admin: the creditor's name, address, contact, SIREN/UID and accounts printed on letters and the QR-bill. */
export function SenderDetailsForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const details = useQuery(trpc.senderDetails.get.queryOptions());
  const [values, setValues] = useState<Values>(EMPTY);
  useEffect(() => {
    if (details.data) setValues(Object.fromEntries(FIELDS.map((f) => [f, details.data[f] ?? ""])) as Values);
  }, [details.data]);
  const save = useMutation(
    trpc.senderDetails.save.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(trpc.senderDetails.get.queryKey(), data) }),
  );
  if (details.isPending) return <Loading />;
  if (details.error) return <ErrorMessage error={details.error} />;
  const fieldErrors = new Map((errorDataOf(save.error)?.fields ?? []).map((f) => [f.path, f.message]));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("senderDetails.title")}</h2>
      <p className="muted">{t("senderDetails.intro")}</p>
      <form onSubmit={onSubmit} className="form" noValidate data-testid="sender-details-form">
        {FIELDS.map((field) => {
          const error = fieldErrors.get(field);
          return (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>{t(`senderDetails.${field}`)}</label>
              <input
                id={`${id}-${field}`}
                name={field}
                type={INPUT_TYPES[field] ?? "text"}
                data-testid={`sender-${field}`}
                value={values[field]}
                aria-invalid={error !== undefined}
                aria-describedby={error !== undefined ? `${id}-${field}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
              />
              {error !== undefined && (
                <p id={`${id}-${field}-error`} className="field-error" data-testid={`sender-${field}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <button type="submit" className="button" data-testid="sender-details-save" disabled={save.isPending}>
          {t("senderDetails.save")}
        </button>
        {save.isSuccess && (
          <p role="status" className="muted" data-testid="sender-details-saved">
            {t("senderDetails.saved")}
          </p>
        )}
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </section>
  );
}
