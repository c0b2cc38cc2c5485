import { type Ack, type AppErrorCode, isAppError } from "@relance/domain";
import type { z } from "zod";

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const failure = (code: AppErrorCode, message: string, key: string | null): Ack<never> => ({ ok: false, error: { code, message, key } });

/**
 * Wraps an inbound socket event: parses the payload, runs the handler, and answers through the ack with the same
 * `{ ok, data | error }` shape for every event. Domain errors keep their code and translation key; anything else is
 * logged and hidden.
 */
export const socketHandler =
  <S extends z.ZodType, R>(schema: S, run: (payload: z.output<S>) => Promise<R>, logger: Logger, event: string) =>
  async (payload: unknown, ack: unknown): Promise<void> => {
    const reply = typeof ack === "function" ? (ack as (result: Ack<R>) => void) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply(failure("BAD_REQUEST", `Invalid ${event} payload: ${issue?.path.join(".") || "(payload)"}: ${issue?.message ?? "invalid"}`, null));
    }
    try {
      reply({ ok: true, data: await run(parsed.data) });
    } catch (error) {
      if (isAppError(error)) return reply(failure(error.code, error.message, error.details.key ?? null));
      const ref = crypto.randomUUID();
      logger.error("socket handler failed", { event, ref, error: error instanceof Error ? error.stack : String(error) });
      reply(failure("INTERNAL", `Something went wrong on our side (request ${ref}).`, null));
    }
  };
