import { caseDocumentName, YJS_CLOSE_SESSION_ENDED } from "@relance/domain";
import { documentPlainText } from "@relance/realtime";
import { appendParagraph, connectClient, connectRaw, waitSynced } from "@relance/realtime/testing";
import { invalidateSession, validateSessionToken } from "@relance/services";
import { buildCase, buildMember, buildOrg, signInMember } from "@relance/services/testing";
import { withTenant } from "@relance/db";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { io as connectSocket } from "socket.io-client";
import type { WebsocketProvider } from "y-websocket";
import { startTestServer, type TestServer } from "./test-server.ts";

const until = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 25 });
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A signed-in member's notes editor on a case, through a server's real `/yjs` endpoint. */
const openNotes = (server: TestServer, token: string, caseId: string): WebsocketProvider => {
  const provider = connectClient(`ws://127.0.0.1:${server.server.port}/yjs`, caseDocumentName(caseId), {
    headers: { origin: server.origin, cookie: `relance_session=${token}` },
  });
  cleanups.push(() => provider.destroy());
  return provider;
};

/** The close that ended the editor's connection for good (the y-websocket provider stops reconnecting on 44xx). */
const closedForGood = (provider: WebsocketProvider) =>
  new Promise<{ code: number; reason: string }>((resolve) => provider.once("closed", (event) => resolve(event)));

/** Ends a session the way signing out does, announcing it to the live side of `server`. */
const signOut = async (server: TestServer, token: string) => {
  const session = await validateSessionToken(server.server.deps, token);
  await invalidateSession(server.server.deps, session!.session.id);
};

const storedNote = async (server: TestServer, orgId: string, caseId: string) => {
  const rows = await withTenant(server.server.deps.db.sql, orgId, (tx) =>
    tx<{ plain_text: string }[]>`select plain_text from documents where name = ${caseDocumentName(caseId)}`,
  );
  return rows[0]?.plain_text;
};

describe("case notes on one server", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  it("refuses oversized and malformed messages with a close code and reason, leaving the other editors alone", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const token = await signInMember(deps, await buildMember(deps, org, "credit_manager"));
    const a = openNotes(t, token, caseId);
    const b = openNotes(t, token, caseId);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    const raw = () => {
      const socket = connectRaw(`ws://127.0.0.1:${t.server.port}/yjs`, caseDocumentName(caseId), {
        headers: { origin: t.origin, cookie: `relance_session=${token}` },
      });
      cleanups.push(() => socket.ws.terminate());
      return socket;
    };

    const oversized = raw();
    await oversized.opened;
    oversized.ws.send(Buffer.alloc(1_200_000));
    expect(await oversized.closed).toEqual({ code: 1009, reason: "message too big: 1200000 bytes, at most 1000000" });

    const badUpdate = raw();
    await badUpdate.opened;
    // A sync update (0, 2) whose content is not a Yjs update.
    badUpdate.ws.send(Buffer.from([0, 2, 4, 255, 255, 255, 255]));
    expect(await badUpdate.closed).toEqual({ code: 1003, reason: "malformed message" });

    const unknownType = raw();
    await unknownType.opened;
    unknownType.ws.send(Buffer.from([42]));
    expect(await unknownType.closed).toEqual({ code: 1003, reason: "malformed message" });

    appendParagraph(a.doc, "Still editing together.");
    await until(() => expect(documentPlainText(b.doc)).toBe("Still editing together."));
    expect(a.wsconnected && b.wsconnected).toBe(true);
  });

  it("closes an editor's connection with the session code when its session ends, and refuses its reconnection the same way", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const member = await buildMember(deps, org, "credit_manager");
    const token = await signInMember(deps, member);
    const otherToken = await signInMember(deps, member);
    const editor = openNotes(t, token, caseId);
    const otherDevice = openNotes(t, otherToken, caseId);
    await Promise.all([waitSynced(editor), waitSynced(otherDevice)]);

    const closed = closedForGood(editor);
    await signOut(t, token);
    expect(await closed).toEqual({ code: YJS_CLOSE_SESSION_ENDED, reason: "session ended" });
    expect(editor.shouldConnect).toBe(false);
    // the same person's other session keeps editing
    appendParagraph(otherDevice.doc, "Still here on the laptop.");
    expect(otherDevice.wsconnected).toBe(true);

    // an editor opened later with the ended session learns why at once, instead of retrying forever
    const late = openNotes(t, token, caseId);
    expect(await closedForGood(late)).toEqual({ code: YJS_CLOSE_SESSION_ENDED, reason: "session ended" });
    expect(late.synced).toBe(false);
  });

  it("stores the note's plain text for search and export when the last editor leaves", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const token = await signInMember(deps, await buildMember(deps, org, "credit_manager"));
    const editor = openNotes(t, token, caseId);
    await waitSynced(editor);
    appendParagraph(editor.doc, "Client disputes invoice F-2024-118.");
    appendParagraph(editor.doc, "Credit note requested.");
    editor.destroy();
    await until(async () => expect(await storedNote(t, org.id, caseId)).toBe("Client disputes invoice F-2024-118.\nCredit note requested."));
  });
});

const twoNodes = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);
describe.skipIf(!twoNodes)("case notes across two server nodes (needs REDIS_URL and DATABASE_URL: two servers share one database)", () => {
  let node1: TestServer;
  let node2: TestServer;
  beforeAll(async () => {
    node1 = await startTestServer();
    node2 = await startTestServer();
  });
  afterAll(async () => {
    await node1?.close();
    await node2?.close();
  });

  it("makes two editors on two nodes converge, with each other's presence, and stores the same note", async () => {
    const { deps } = node1.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const sophie = await signInMember(deps, await buildMember(deps, org, "credit_manager", { displayName: "Sophie" }));
    const lucas = await signInMember(deps, await buildMember(deps, org, "billing", { displayName: "Lucas" }));
    const onNode1 = openNotes(node1, sophie, caseId);
    const onNode2 = openNotes(node2, lucas, caseId);
    await Promise.all([waitSynced(onNode1), waitSynced(onNode2)]);

    onNode1.awareness.setLocalStateField("user", { name: "Sophie" });
    appendParagraph(onNode1.doc, "Sophie: the customer disputes the quantity.");
    appendParagraph(onNode2.doc, "Lucas: delivery note attached.");
    await until(() => {
      expect(documentPlainText(onNode1.doc)).toBe(documentPlainText(onNode2.doc));
      expect(documentPlainText(onNode2.doc)).toContain("Sophie: the customer disputes the quantity.");
      expect(documentPlainText(onNode1.doc)).toContain("Lucas: delivery note attached.");
    });
    await until(() => expect(onNode2.awareness.getStates().get(onNode1.doc.clientID)).toEqual({ user: { name: "Sophie" } }));

    const expected = documentPlainText(onNode1.doc);
    onNode1.destroy();
    onNode2.destroy();
    await until(async () => expect(await storedNote(node1, org.id, caseId)).toBe(expected));
    // A third editor, on either node, gets the same note back from the database.
    const later = openNotes(node2, sophie, caseId);
    await waitSynced(later);
    expect(documentPlainText(later.doc)).toBe(expected);
  });

  it("closes the notes of a session ended through the other node", async () => {
    const { deps } = node1.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const token = await signInMember(deps, await buildMember(deps, org, "billing"));
    const onNode2 = openNotes(node2, token, caseId);
    await waitSynced(onNode2);
    const closed = closedForGood(onNode2);
    await signOut(node1, token);
    expect(await closed).toEqual({ code: YJS_CLOSE_SESSION_ENDED, reason: "session ended" });
  });
});

describe("a session that runs out while its connections are open", () => {
  let t: TestServer;
  beforeAll(async () => {
    // the sweep every second instead of every minute
    t = await startTestServer({ SESSION_SWEEP_SECONDS: "1" });
  });
  afterAll(async () => t?.close());

  it("closes its socket and its notes editor (session code) once its expiry passes, and only those", async () => {
    const { deps } = t.fixtures;
    const org = await buildOrg(deps);
    const { caseId } = await buildCase(deps, org);
    const member = await buildMember(deps, org, "credit_manager");
    const expiring = await signInMember(deps, member);
    const standing = await signInMember(deps, member);
    const editor = openNotes(t, expiring, caseId);
    const otherEditor = openNotes(t, standing, caseId);
    await Promise.all([waitSynced(editor), waitSynced(otherEditor)]);
    const socket = connectSocket(t.origin, {
      transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { origin: t.origin, cookie: `relance_session=${expiring}` },
    });
    cleanups.push(() => socket.disconnect());
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const closed = closedForGood(editor);

    // no sign-out, no event: the session's time is simply up
    const sessionId = (await validateSessionToken(t.server.deps, expiring))!.session.id;
    await t.server.deps.db.sql`update sessions set expires_at = now() - interval '1 second' where id = ${sessionId}`;

    expect(await closed).toEqual({ code: YJS_CLOSE_SESSION_ENDED, reason: "session ended" });
    expect(await disconnected).toBe("io server disconnect");
    expect(await validateSessionToken(t.server.deps, expiring)).toBeNull();
    appendParagraph(otherEditor.doc, "The other session edits on.");
    expect(otherEditor.wsconnected).toBe(true);
    expect(await validateSessionToken(t.server.deps, standing)).not.toBeNull();
  });
});
