import { initTRPC, TRPCError } from "@trpc/server";
import { AppError, hasRole, type Role } from "@relance/domain";
import type { Actor, SessionContext } from "@relance/services";
import type { ApiContext } from "./context.ts";
import { describeError, toTrpcError } from "./errors.ts";

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const { message, data } = describeError(error, ctx?.meta.requestId ?? null);
    return { message, code: shape.code, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...data } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Narrows the context: handlers get a non-null session and the acting member, and never check for them. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue.", cause: new AppError("UNAUTHORIZED", "Sign in to continue.", { key: "errors.unauthorized" }) });
  const session: SessionContext = ctx.session;
  const actor: Actor = { userId: session.user.id, orgId: session.org.id, role: session.role };
  return next({ ctx: { ...ctx, session, actor } });
});

/** Only members holding one of `roles` get past; the others get FORBIDDEN. */
export const roleProcedure = (roles: readonly Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor.role, roles)) {
      const error = new AppError("FORBIDDEN", "Your role does not allow this.", { key: "errors.forbidden" });
      throw new TRPCError({ code: "FORBIDDEN", message: error.message, cause: error });
    }
    return next();
  });
