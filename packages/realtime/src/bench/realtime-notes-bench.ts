import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { documentPlainText } from "../yjs/plain-text.ts";

export interface RealtimeNotesBenchOptions {
  editors: number;
  updates: number;
  loadUpdates: number;
}

interface Child {
  process: ChildProcess;
  port: number;
  database?: string;
  request<T>(message: Record<string, unknown>, replyType: string): Promise<T>;
  stop(): Promise<void>;
}

const startServer = async (mode: "relance" | "bare"): Promise<Child> => {
  const child = fork(fileURLToPath(new URL("./notes-bench-server.ts", import.meta.url)), [mode], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [{ type: string; port: number; database?: string }];
  return {
    process: child,
    port: ready.port,
    ...(ready.database ? { database: ready.database } : {}),
    request: async <T>(message: Record<string, unknown>, replyType: string) => {
      const reply = new Promise<T>((resolve) => {
        const onMessage = (m: { type: string }) => {
          if (m.type !== replyType) return;
          child.off("message", onMessage);
          resolve(m as T);
        };
        child.on("message", onMessage);
      });
      child.send(message);
      return reply;
    },
    stop: async () => {
      const exited = once(child, "exit");
      child.send({ type: "stop" });
      await exited;
    },
  };
};

const cpuMicros = (cpu: { user: number; system: number }) => cpu.user + cpu.system;
const until = async (check: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/**
 * `editors` editors on one document, each typing into its own paragraph, `updates` one-character updates in all,
 * against one server; the server's CPU time from the first update until everyone converged (and, for Relance, the
 * document was stored and unloaded after they left).
 */
const runEditors = async (child: Child, options: RealtimeNotesBenchOptions, docName: string) => {
  const url = `ws://127.0.0.1:${child.port}/yjs`;
  const providers = Array.from(
    { length: options.editors },
    () => new WebsocketProvider(url, docName, new Y.Doc(), { WebSocketPolyfill: WebSocket as never, disableBc: true }),
  );
  await until(() => providers.every((p) => p.synced), 30_000, "editors to sync");
  providers.forEach((p, i) => p.awareness.setLocalStateField("user", { name: `Editor ${i}`, color: "#1f4e8c" }));
  // Each editor's paragraph, created one after the other so that nobody types into a paragraph not yet seen.
  const texts: Y.XmlText[] = [];
  for (const provider of providers) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const fragment = provider.doc.getXmlFragment("default");
    fragment.insert(fragment.length, [paragraph]);
    texts.push(text);
    await until(() => providers.every((p) => p.doc.getXmlFragment("default").length === texts.length), 30_000, "paragraphs");
  }
  const before = cpuMicros(await child.request<{ user: number; system: number }>({ type: "cpu" }, "cpu"));
  const started = performance.now();
  for (let i = 0; i < options.updates; i++) {
    const text = texts[i % texts.length]!;
    text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    // Let the sockets breathe once per round of all editors, as people typing would.
    if (i % texts.length === texts.length - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const expectedLength = options.updates + (texts.length - 1);
  await until(
    () => providers.every((p) => documentPlainText(p.doc).length === expectedLength),
    120_000,
    "every editor to have every update",
  );
  const convergedMs = performance.now() - started;
  const reference = documentPlainText(providers[0]!.doc);
  const converged = providers.every((p) => documentPlainText(p.doc) === reference);
  for (const provider of providers) provider.destroy();
  const after = cpuMicros(await child.request<{ user: number; system: number }>({ type: "cpu", afterIdle: true }, "cpu"));
  return { cpuMicros: after - before, convergedMs, converged, text: reference };
};

/** `npm run bench -- realtime-notes`: JSON lines with the figures and their ratios to the bare relay and the budget. */
export const runRealtimeNotesBench = async (options: RealtimeNotesBenchOptions): Promise<void> => {
  // Each provider listens for the process's exit.
  process.setMaxListeners(options.editors * 2 + 10);
  const print = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "realtime-notes", ...line }));
  const results: Record<string, Awaited<ReturnType<typeof runEditors>>> = {};
  // The baseline first, then Relance; a warm-up round on each so that JIT compilation is not what is measured.
  for (const mode of ["bare", "relance"] as const) {
    const child = await startServer(mode);
    try {
      await runEditors(child, { ...options, updates: Math.min(1_000, options.updates) }, `dispute-warmup-${mode}`);
      results[mode] = await runEditors(child, options, `dispute-bench-${mode}`);
      const r = results[mode];
      print({
        server: mode,
        ...(child.database ? { database: child.database } : {}),
        editors: options.editors,
        updates: options.updates,
        converged: r.converged,
        convergedMs: Math.round(r.convergedMs),
        serverCpuMs: Math.round(r.cpuMicros / 1000),
        serverCpuMicrosPerUpdate: Number((r.cpuMicros / options.updates).toFixed(1)),
      });
      if (mode === "relance") {
        type Loads = { times: number[]; looseUpdates: number };
        const load = await child.request<{ asStored: Loads; uncompacted: Loads }>(
          { type: "load", updates: options.loadUpdates, runs: 7, edited: `dispute-bench-${mode}` },
          "load",
        );
        const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
        const asStored = median(load.asStored.times);
        print({
          figure: "load note of the benchmark's updates, as the server stored it",
          updates: options.updates,
          looseUpdatesAfterSnapshot: load.asStored.looseUpdates,
          medianMs: Number(asStored.toFixed(1)),
          budgetMs: 50,
          ratioToBudget: Number((asStored / 50).toFixed(2)),
          withinBudget: asStored <= 50,
        });
        const uncompacted = median(load.uncompacted.times);
        print({
          figure: "load note of uncompacted updates (worst case, never produced by the server)",
          looseUpdates: load.uncompacted.looseUpdates,
          medianMs: Number(uncompacted.toFixed(1)),
          budgetMs: 50,
          ratioToBudget: Number((uncompacted / 50).toFixed(2)),
        });
      }
    } finally {
      await child.stop();
    }
  }
  const bare = results.bare!;
  const relance = results.relance!;
  const ratio = relance.cpuMicros / bare.cpuMicros;
  print({
    figure: "server CPU per update, Relance / bare relay",
    ratio: Number(ratio.toFixed(2)),
    budgetRatio: 1.5,
    withinBudget: ratio <= 1.5,
    allConverged: bare.converged && relance.converged,
  });
};
