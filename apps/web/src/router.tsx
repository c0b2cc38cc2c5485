import { createBrowserRouter, Navigate } from "react-router";
import { AppShell } from "./components/app-shell.tsx";
import { RequireAuth } from "./components/require-auth.tsx";
import { RouteError } from "./components/route-error.tsx";
import { AccountSettingsPage } from "./pages/account-settings-page.tsx";
import { CasePage } from "./pages/case-page.tsx";
import { CasesPage } from "./pages/cases-page.tsx";
import { DashboardPage } from "./pages/dashboard-page.tsx";
import { DebtorPage } from "./pages/debtor-page.tsx";
import { DebtorsPage } from "./pages/debtors-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { ImportRunPage } from "./pages/import-run-page.tsx";
import { ImportsPage } from "./pages/imports-page.tsx";
import { InvoicesPage } from "./pages/invoices-page.tsx";
import { InvitePage } from "./pages/invite-page.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { MatchingPage } from "./pages/matching-page.tsx";
import { MembersPage } from "./pages/members-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { OrganizationSettingsPage } from "./pages/organization-settings-page.tsx";
import { OutboxPage } from "./pages/outbox-page.tsx";
import { AlertsPage } from "./pages/alerts-page.tsx";
import { CollectionSettingsPage } from "./pages/collection-settings-page.tsx";
import { SettingsLayout } from "./pages/settings-layout.tsx";
import { WorklistPage } from "./pages/worklist-page.tsx";

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: "/login", element: <LoginPage /> },
      { path: "/invite/:token", element: <InvitePage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { index: true, element: <HomePage /> },
              { path: "dashboard", element: <DashboardPage /> },
              { path: "debtors", element: <DebtorsPage /> },
              { path: "debtors/:id", element: <DebtorPage /> },
              { path: "invoices", element: <InvoicesPage /> },
              { path: "cases", element: <CasesPage /> },
              { path: "cases/:id", element: <CasePage /> },
              { path: "worklist", element: <WorklistPage /> },
              { path: "outbox", element: <OutboxPage /> },
              { path: "alerts", element: <AlertsPage /> },
              { path: "imports", element: <ImportsPage /> },
              { path: "imports/:id", element: <ImportRunPage /> },
              { path: "matching", element: <MatchingPage /> },
              {
                path: "settings",
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="account" replace /> },
                  { path: "account", element: <AccountSettingsPage /> },
                  { path: "members", element: <MembersPage /> },
                  { path: "organization", element: <OrganizationSettingsPage /> },
                  { path: "collection", element: <CollectionSettingsPage /> },
                ],
              },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
