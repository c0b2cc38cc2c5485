import { fileURLToPath } from "node:url";
import { z } from "zod";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting the server reads, parsed once. Names are the same in the README, Docker and compose files. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  DATA_DIR: z.string().min(1).default(`${REPO_ROOT}.data`),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  COOKIE_SECURE: flag.optional(),
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  WEB_DIST: z.string().default(`${REPO_ROOT}apps/web/dist`),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  SMS_PROVIDER_URL: z.url().optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  CHAT_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  MENTION_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).default(300),
  SESSION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  INBOUND_EMAIL_TOKEN: z.string().regex(/^\S{24,}$/, "must be at least 24 characters, without spaces").optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  allowedOrigins: string[];
  cookieSecure: boolean | undefined;
  seedDemo: "auto" | "true" | "false";
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error";
  webDist: string;
  /** Outgoing mail; without it, messages are recorded in the outbox only. */
  smtpUrl: string | undefined;
  /** Whether this process runs the durable jobs (daily dunning); any number of nodes may. */
  scheduler: boolean;
  /** SMS provider (HTTP); without it, SMS are recorded in the outbox only. */
  sms: { providerUrl?: string; apiKey?: string };
  /** Largest chat attachment, and how long an unread mention of an offline member waits before it is e-mailed. */
  chat: { attachmentMaxBytes: number; mentionEmailDelayMs: number };
  /** How often each node checks that the sessions of its open connections still stand (expiry, deletion). */
  sessionSweepMs: number;
  /** Bearer token of POST /api/inbound-email (replies and bounces from a mail provider); without it the route is off. */
  inboundEmailToken: string | undefined;
}

export class ConfigError extends Error {}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const allowedOrigins = [
    ...(e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).origin] : []),
    ...(e.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
  ];
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins,
    cookieSecure: e.COOKIE_SECURE,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    smtpUrl: e.SMTP_URL,
    scheduler: e.SCHEDULER === "on",
    chat: { attachmentMaxBytes: e.CHAT_ATTACHMENT_MAX_BYTES, mentionEmailDelayMs: e.MENTION_EMAIL_DELAY_SECONDS * 1000 },
    sessionSweepMs: e.SESSION_SWEEP_SECONDS * 1000,
    inboundEmailToken: e.INBOUND_EMAIL_TOKEN,
    sms: { ...(e.SMS_PROVIDER_URL ? { providerUrl: e.SMS_PROVIDER_URL } : {}), ...(e.SMS_API_KEY ? { apiKey: e.SMS_API_KEY } : {}) },
  };
};
