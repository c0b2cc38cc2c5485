import { errorCodeOf } from "../lib/errors.ts";
import { ErrorMessage } from "./error-message.tsx";

export interface RecordLoadErrorProps {
  error: unknown;
  notFoundText: string;
  testId: string;
}

/**
 * Why a record page (case, debtor) could not load. Another tenant's record, one outside the reader's scope and a
 * malformed id all read "not found or no access"; anything else is shown as the error it is.
 */
export function RecordLoadError({ error, notFoundText, testId }: RecordLoadErrorProps) {
  const code = errorCodeOf(error);
  if (code !== "NOT_FOUND" && code !== "BAD_REQUEST") return <ErrorMessage error={error} />;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>{notFoundText}</p>
    </div>
  );
}
