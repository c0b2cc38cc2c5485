import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** The last resort when rendering a route throws: say so, and offer a way back. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <div className="page-center">
      <div className="alert alert-error" role="alert" data-testid="error-message">
        <p>{t("errors.title")}</p>
        <p className="alert-detail">{message}</p>
      </div>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </div>
  );
}
