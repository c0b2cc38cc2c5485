import { randomUUID } from "node:crypto";

/**
 * Our Message-IDs carry a fixed prefix so that a bounce or a reply can be recognized as answering one of our messages
 * without a database look-up; the engine still looks the id up to find the case.
 */
const OUR_ID = /^<relance\.[0-9a-f-]{36}@[^<>@\s]+>$/i;

export const generateMessageId = (senderDomain: string): string => `<relance.${randomUUID()}@${senderDomain}>`;

/** Accepts the id with or without angle brackets, as header parsers differ on keeping them. */
export const isRelanceMessageId = (id: string): boolean => OUR_ID.test(withBrackets(id.trim()));

export const withBrackets = (id: string): string => (id.startsWith("<") ? id : `<${id}>`);

const MESSAGE_ID_SHAPE = /^<[^<>\s@]+@[^<>\s@]+>$/;

export const isMessageIdShape = (id: string): boolean => MESSAGE_ID_SHAPE.test(id);
