import {
  addMembershipIfAbsent,
  consumeInvitation,
  findInvitationByTokenHash,
  findUserByEmail,
  insertInvitation,
  insertUser,
  listInvitations,
  revokeInvitation,
  withTenant,
  type InvitationRow,
} from "@relance/db";
import { AppError, type Locale, type Role, newPasswordSchema } from "@relance/domain";
import { hashPassword, verifyPassword } from "../auth/password-hashing.ts";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "../auth/session-tokens.ts";
import { createSession, type NewSession } from "../auth/sessions.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export const invitationStatus = (inv: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now: Date): InvitationStatus =>
  inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt <= now ? "expired" : "pending";

export interface InvitationSummary {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  status: InvitationStatus;
}

const summarize = (inv: InvitationRow, now: Date): InvitationSummary => ({
  id: inv.id,
  email: inv.email,
  role: inv.role,
  createdAt: inv.createdAt,
  expiresAt: inv.expiresAt,
  status: invitationStatus(inv, now),
});

/** Creates a single-use link that expires in 7 days. The token is returned once; only its hash is kept. */
export const inviteMember = async (
  deps: ServiceDeps,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<{ invitation: InvitationSummary; token: string }> => {
  const token = generateSecretToken();
  const now = deps.clock.now();
  const invitation = await withTenant(deps.db.sql, actor.orgId, (tx) =>
    insertInvitation(tx, {
      orgId: actor.orgId,
      email: input.email,
      role: input.role,
      tokenHash: hashSecretToken(token),
      invitedBy: actor.userId,
      now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    }),
  );
  return { invitation: summarize(invitation, now), token };
};

export const listOrgInvitations = async (deps: ServiceDeps, actor: Actor): Promise<InvitationSummary[]> => {
  const now = deps.clock.now();
  const rows = await withTenant(deps.db.sql, actor.orgId, (tx) => listInvitations(tx));
  return rows.map((r) => summarize(r, now));
};

export const revokeOrgInvitation = async (deps: ServiceDeps, actor: Actor, id: string): Promise<void> => {
  const done = await withTenant(deps.db.sql, actor.orgId, (tx) => revokeInvitation(tx, id, deps.clock.now()));
  if (!done) throw new AppError("NOT_FOUND", "Invitation not found or no longer pending", { key: "errors.notFound" });
};

export interface InvitationPreview {
  orgName: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  /** Whether the invited address already has an account (then it signs in with its password to accept). */
  accountExists: boolean;
}

const findLiveInvitation = async (deps: ServiceDeps, token: string) => {
  const invitation = isWellFormedToken(token) ? await findInvitationByTokenHash(deps.db.sql, hashSecretToken(token)) : undefined;
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.", { key: "invite.invalid" });
  return invitation;
};

export const previewInvitation = async (deps: ServiceDeps, token: string): Promise<InvitationPreview> => {
  const invitation = await findLiveInvitation(deps, token);
  const existing = await findUserByEmail(deps.db.sql, invitation.email);
  return {
    orgName: invitation.orgName,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, deps.clock.now()),
    accountExists: Boolean(existing),
  };
};

/**
 * Accepts an invitation: a new address creates its account, an existing one proves it with its password. The
 * invitation is consumed atomically (a second use fails), and the new member is signed in.
 */
export const acceptInvitation = async (
  deps: ServiceDeps,
  input: { token: string; password: string; displayName?: string | undefined; locale: Locale; ip: string | null; userAgent: string | null },
): Promise<NewSession> => {
  const invitation = await findLiveInvitation(deps, input.token);
  const now = deps.clock.now();
  const status = invitationStatus(invitation, now);
  if (status !== "pending") {
    throw new AppError("PRECONDITION_FAILED", `This invitation is ${status}.`, { key: `invite.${status}` });
  }
  const existing = await findUserByEmail(deps.db.sql, invitation.email);
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError("BAD_REQUEST", "Wrong password for this account.", {
      key: "invite.wrongPassword",
      fields: [{ path: "password", message: "Wrong password for this account." }],
    });
  }
  if (!existing) {
    const parsed = newPasswordSchema.safeParse(input.password);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Invalid password";
      throw new AppError("BAD_REQUEST", message, { fields: [{ path: "password", message }] });
    }
    if (!input.displayName?.trim()) {
      throw new AppError("BAD_REQUEST", "Your name is required.", { fields: [{ path: "displayName", message: "Your name is required." }] });
    }
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  const userId = await deps.db.sql.begin(async (tx) => {
    if (!(await consumeInvitation(tx, invitation.id, now))) {
      throw new AppError("PRECONDITION_FAILED", "This invitation was already used.", { key: "invite.accepted" });
    }
    const user =
      existing ??
      (await insertUser(tx, { email: invitation.email, displayName: input.displayName!.trim(), passwordHash: passwordHash!, locale: input.locale }));
    await addMembershipIfAbsent(tx, { orgId: invitation.orgId, userId: user.id, role: invitation.role });
    return user.id;
  });
  return createSession(deps, { userId, orgId: invitation.orgId, userAgent: input.userAgent, ip: input.ip });
};
