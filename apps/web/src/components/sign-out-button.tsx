import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { clearSession } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";

export function SignOutButton() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const finish = () => {
    clearSession();
    void navigate("/login", { replace: true });
  };
  // Whatever the answer (even "already signed out"), this device is signed out afterwards.
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSettled: finish }));
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="sign-out"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      {signOut.isPending ? t("userMenu.signingOut") : t("userMenu.signOut")}
    </button>
  );
}
