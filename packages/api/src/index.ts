export { appRouter, type AppRouter } from "./router.ts";
export type { ApiContext, RequestMeta, SessionCookieWriter } from "./context.ts";
export type { ErrorData } from "./errors.ts";
export { createCallerFactory } from "./trpc.ts";
