import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { io as connect, type Socket } from "socket.io-client";

export interface RealtimeChatBenchOptions {
  sockets: number;
  rooms: number;
  messagesPerSecond: number;
  seconds: number;
}

interface Ready {
  port: number;
  tokens: string[];
  caseIds: string[];
}
interface Usage {
  cpu: { user: number; system: number };
  rss: number;
}

const startServer = async (mode: "relance" | "bare", rooms: number) => {
  const child: ChildProcess = fork(fileURLToPath(new URL("./chat-bench-server.ts", import.meta.url)), [mode, String(rooms)], {
    // CHAT_BENCH_PROF=<dir>: the server writes its CPU profile there (where a send's time goes)
    execArgv: ["--import", "tsx", ...(process.env.CHAT_BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CHAT_BENCH_PROF}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await Promise.race([once(child, "message"), once(child, "exit").then(() => Promise.reject(new Error(`${mode} server exited`)))])) as [Ready];
  const usage = async (): Promise<Usage> => {
    const reply = new Promise<Usage>((resolve) => {
      const onMessage = (m: { type: string } & Usage) => {
        if (m.type !== "usage") return;
        child.off("message", onMessage);
        resolve(m);
      };
      child.on("message", onMessage);
    });
    child.send({ type: "usage" });
    return reply;
  };
  return {
    ready,
    usage,
    stop: async () => {
      const exited = once(child, "exit");
      child.send({ type: "stop" });
      await exited;
    },
  };
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

type Client = Socket;

/**
 * `sockets` clients spread over `rooms` case rooms; `messagesPerSecond` messages for `seconds`, each from a random
 * client of its room, timed from the send to its arrival at every other client of the room (one clock: the clients
 * all live in this process, the server in its own). Answers the latency figures and the server's CPU and memory.
 */
const runLoad = async (mode: "relance" | "bare", options: RealtimeChatBenchOptions) => {
  const server = await startServer(mode, options.rooms);
  const { port, tokens, caseIds } = server.ready;
  const origin = `http://127.0.0.1:${port}`;
  const before = await server.usage();
  const clients: { socket: Client; caseId: string }[] = [];
  const latencies: number[] = [];
  let acked = 0;
  let failed = 0;
  // connect in batches: a thousand handshakes at once would measure the handshake, not the chat
  for (let i = 0; i < options.sockets; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, options.sockets - i) }, async (_, j) => {
        const index = i + j;
        const room = index % options.rooms;
        const socket = connect(origin, {
          path: "/socket.io",
          transports: ["websocket"],
          forceNew: true,
          reconnection: false,
          extraHeaders: mode === "relance" ? { origin, cookie: `relance_session=${tokens[room]}` } : {},
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const caseId = caseIds[room]!;
        const joined = (await socket.timeout(30_000).emitWithAck("chat:since", { caseId, afterSeq: null, afterRev: 0 })) as { ok: boolean };
        if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
        socket.on("chat:message", (m: { body: string }) => {
          const [sender, sentAt] = m.body.split("|");
          if (sender !== socket.id) latencies.push(performance.now() - Number(sentAt));
        });
        clients.push({ socket, caseId });
      }),
    );
  }
  const connected = await server.usage();

  const total = options.messagesPerSecond * options.seconds;
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.messagesPerSecond));
      for (; sent < due; sent++) {
        const { socket, caseId } = clients[Math.floor(Math.random() * clients.length)]!;
        socket
          .timeout(30_000)
          .emitWithAck("chat:send", { caseId, clientId: crypto.randomUUID(), body: `${socket.id}|${performance.now()}` })
          .then((r: { ok: boolean }) => (r.ok ? acked++ : failed++), () => failed++);
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const deadline = Date.now() + 30_000;
  while (acked + failed < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  const elapsed = (performance.now() - started) / 1000;
  const after = await server.usage();
  for (const c of clients) c.socket.disconnect();
  await server.stop();

  latencies.sort((a, b) => a - b);
  const cpuSeconds = (after.cpu.user + after.cpu.system - connected.cpu.user - connected.cpu.system) / 1e6;
  return {
    mode,
    messages: total,
    acked,
    failed,
    deliveries: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    serverCpuPercent: round((cpuSeconds / elapsed) * 100, 1),
    serverRssMb: round(after.rss / 1e6, 1),
    rssPerConnectionKb: round((connected.rss - before.rss) / options.sockets / 1e3, 1),
  };
};

export const runRealtimeChatBench = async (options: RealtimeChatBenchOptions): Promise<void> => {
  const load = { sockets: options.sockets, rooms: options.rooms, messagesPerSecond: options.messagesPerSecond, seconds: options.seconds };
  const bare = await runLoad("bare", options);
  console.log(JSON.stringify({ bench: "realtime-chat", ...load, ...bare }));
  const relance = await runLoad("relance", options);
  console.log(JSON.stringify({ bench: "realtime-chat", ...load, ...relance }));
  console.log(
    JSON.stringify({
      bench: "realtime-chat",
      figure: "summary",
      p50Ms: relance.p50Ms,
      p99Ms: relance.p99Ms,
      p99TargetMs: 25,
      p99MeetsTarget: relance.p99Ms <= 25,
      p50RatioToBareRelay: round(relance.p50Ms / bare.p50Ms),
      p50RatioTarget: 3,
      p50RatioMeetsTarget: relance.p50Ms / bare.p50Ms <= 3,
      p99RatioToBareRelay: round(relance.p99Ms / bare.p99Ms),
      cpuRatioToBareRelay: round(relance.serverCpuPercent / bare.serverCpuPercent),
      rssPerConnectionKb: relance.rssPerConnectionKb,
      bareRssPerConnectionKb: bare.rssPerConnectionKb,
    }),
  );
};
