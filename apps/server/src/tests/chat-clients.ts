import type { Ack, ClientToServerEvents, ServerToClientEvents } from "@relance/domain";
import { openTestSocket, type TestSocket } from "./socket-clients.ts";

export type ChatClient = TestSocket;
type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type AckData<E extends keyof ClientToServerEvents> = AckOf<E> extends Ack<infer T> ? T : never;

/** A Socket.IO client of a test server, signed in with a session token. */
export const openChatClient = openTestSocket;

/** Emits an event and resolves with its ack. */
export const ask = <E extends keyof ClientToServerEvents>(socket: ChatClient, event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>> =>
  new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, (r) => resolve(r as AckOf<E>));
  });

/** Resolves with the ack's data, failing the test with the error otherwise. */
export const expectOk = async <T>(pending: Promise<Ack<T>>): Promise<T> => {
  const result = await pending;
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};

/** Everything a client receives of one event, as it arrives. */
export const collect = <E extends keyof ServerToClientEvents>(socket: ChatClient, event: E): Parameters<ServerToClientEvents[E]>[0][] => {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket.on as (e: string, l: (x: unknown) => void) => void)(event, (x) => seen.push(x as Parameters<ServerToClientEvents[E]>[0]));
  return seen;
};

/** The next `event` matching `predicate`. */
export const nextEvent = <E extends keyof ServerToClientEvents>(
  socket: ChatClient, event: E, predicate: (x: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> =>
  new Promise((resolve) => {
    const listener = (x: unknown) => {
      const value = x as Parameters<ServerToClientEvents[E]>[0];
      if (!predicate(value)) return;
      (socket.off as (e: string, l: (x: unknown) => void) => void)(event, listener);
      resolve(value);
    };
    (socket.on as (e: string, l: (x: unknown) => void) => void)(event, listener);
  });
