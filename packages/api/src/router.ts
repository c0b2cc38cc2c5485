import { accountRouter } from "./routers/account.ts";
import { authRouter } from "./routers/auth.ts";
import { importsRouter } from "./routers/imports.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { membersRouter } from "./routers/members.ts";
import { organizationRouter } from "./routers/organization.ts";
import { paymentsRouter } from "./routers/payments.ts";
import { receivablesRouter } from "./routers/receivables.ts";
import { debtorsRouter } from "./routers/debtors.ts";
import { invoicesRouter } from "./routers/invoices.ts";
import { viewsRouter } from "./routers/views.ts";
import { casesRouter } from "./routers/cases.ts";
import { chatRouter, notificationsRouter } from "./routers/chat.ts";
import { disputesRouter } from "./routers/disputes.ts";
import { worklistRouter } from "./routers/worklist.ts";
import { senderDetailsRouter } from "./routers/sender-details.ts";
import { outboxRouter } from "./routers/outbox.ts";
import { collectionSettingsRouter } from "./routers/collection-settings.ts";
import { alertsRouter, legalProceedingsRouter } from "./routers/alerts.ts";
import { kpiRouter } from "./routers/kpi.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  members: membersRouter,
  organization: organizationRouter,
  invitations: invitationsRouter,
  receivables: receivablesRouter,
  debtors: debtorsRouter,
  invoices: invoicesRouter,
  views: viewsRouter,
  imports: importsRouter,
  payments: paymentsRouter,
  cases: casesRouter,
  chat: chatRouter,
  notifications: notificationsRouter,
  disputes: disputesRouter,
  worklist: worklistRouter,
  kpi: kpiRouter,
  senderDetails: senderDetailsRouter,
  outbox: outboxRouter,
  collectionSettings: collectionSettingsRouter,
  alerts: alertsRouter,
  legalProceedings: legalProceedingsRouter,
});

export type AppRouter = typeof appRouter;
