import { AppError, type AppErrorCode } from "@relance/domain";

/** The provider refused the message, or could not be reached; carries what the engine needs to decide on a retry. */
export class SmsProviderError extends AppError {
  /** HTTP status of the provider's last answer; undefined when it never answered (network error, timeout). */
  readonly status: number | undefined;
  /** The provider's own explanation, when it gave one. */
  readonly providerMessage: string | null;
  /** A later attempt may succeed (5xx, 429, timeout); a 4xx will fail the same way. */
  readonly retryable: boolean;

  constructor(message: string, options: { status: number | undefined; providerMessage: string | null; retryable: boolean }) {
    super(errorCodeOf(options.status), message, { key: "channels.smsNotSent" });
    this.name = "SmsProviderError";
    this.status = options.status;
    this.providerMessage = options.providerMessage;
    this.retryable = options.retryable;
  }
}

// A refused number or text is the user's to fix; a refused API key or a provider outage is ours.
const errorCodeOf = (status: number | undefined): AppErrorCode =>
  status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429 ? "BAD_REQUEST" : "INTERNAL";
