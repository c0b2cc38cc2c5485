import type { ServiceDeps } from "@relance/services";
import { validateSessionToken } from "@relance/services";
import { uniqueSlug } from "@relance/services/testing";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { ApiContext } from "../context.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);

/** Builds request contexts like the server's, with the cookie writes recorded, for one set of services. */
export const createRequester =
  (deps: ServiceDeps) =>
  async (token: string | null, options: { deps?: ServiceDeps; ip?: string } = {}) => {
    const cookies = { set: [] as { token: string; expiresAt: Date }[], cleared: 0 };
    const ctx: ApiContext = {
      deps: options.deps ?? deps,
      meta: { requestId: crypto.randomUUID(), ip: options.ip ?? uniqueSlug("ip"), userAgent: "vitest" },
      session: token ? await validateSessionToken(deps, token) : null,
      cookies: { set: (t, expiresAt) => cookies.set.push({ token: t, expiresAt }), clear: () => void cookies.cleared++ },
    };
    return { api: createCaller(ctx), ctx, cookies };
  };

export const trpcError = async (promise: Promise<unknown>): Promise<TRPCError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

export const expectCode = async (promise: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> => {
  const error = await trpcError(promise);
  expect(error.code).toBe(code);
  return error;
};
