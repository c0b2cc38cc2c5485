import type { Database } from "@relance/db";
import type { CollectionAlert, ImportProgress, Role } from "@relance/domain";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A fixed or steppable clock, for tests and for the CLI's `--as-of`. */
export const fixedClock = (start: Date): Clock & { advance(ms: number): void; set(date: Date): void } => {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
};

/** What services announce for the live side (progress bars, dashboards); the server relays them to sockets. */
export type DomainEvent =
  | ({ type: "import.progress"; orgId: string; userId: string | null } & ImportProgress)
  | { type: "import.finished"; orgId: string; userId: string | null; importId: string; clientRef: string | null; status: string }
  | { type: "ledger.changed"; orgId: string }
  /** A dispute of the case was opened or changed: the people on the case page refetch it. */
  | { type: "dispute.changed"; orgId: string; caseId: string; disputeId: string }
  /** Something was added to a case's timeline (a call, a note, a stage, a promise, a reply): its open pages refresh. */
  | { type: "case.changed"; orgId: string; caseId: string }
  /** A person lost access to a case: his sockets leave its room and his notes connections close. */
  | { type: "case.access-revoked"; orgId: string; caseId: string; userId: string }
  /** The daily run raised alerts for a member: pushed to his sockets. */
  | { type: "alerts.raised"; orgId: string; userId: string; alerts: CollectionAlert[] }
  /** Ended sessions: their live connections close too, on every node. */
  | { type: "sessions.ended"; sessionIds: string[] };

export interface EventSink {
  emit(event: DomainEvent): void;
}

/** What every service needs: the database, the clock, and where to announce events (none in tests and the CLI). */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  events?: EventSink;
  /** How messages leave (SMTP URL, SMS provider) for sends a person asks for; none: they are recorded in the outbox. */
  delivery?: DeliverySettings;
}

export interface DeliverySettings {
  smtpUrl?: string;
  sms?: { providerUrl?: string; apiKey?: string };
}

export const emitEvent = (deps: ServiceDeps, event: DomainEvent): void => deps.events?.emit(event);

/** The signed-in member acting inside one tenant. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
}

/** Calendar date (YYYY-MM-DD) of an instant in the tenant's zone. */
export const calendarDate = (instant: Date, timeZone = "Europe/Paris"): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
