import { accountRouter } from "./routers/account.ts";
import { authRouter } from "./routers/auth.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { membersRouter } from "./routers/members.ts";
import { organizationRouter } from "./routers/organization.ts";
import { receivablesRouter } from "./routers/receivables.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  members: membersRouter,
  organization: organizationRouter,
  invitations: invitationsRouter,
  receivables: receivablesRouter,
});

export type AppRouter = typeof appRouter;
