import { runDunningBench } from "./dunning-bench.ts";
import { runImportBench } from "./import-bench.ts";
import { runKpiBench } from "./kpi-bench.ts";
import { runRealtimeChatBench } from "./realtime-chat-bench.ts";
import { runRealtimeNotesBench } from "@relance/realtime/bench";

/** `npm run bench -- <name>`: each benchmark prints JSON lines with its figures and the ratio to its peer. */
const BENCHES: Record<string, () => Promise<void>> = {
  kpi: () =>
    runKpiBench({
      rows: Number(process.env.BENCH_INVOICES ?? 1_000_000),
      debtors: Number(process.env.BENCH_DEBTORS ?? 50_000),
      snapshots: Number(process.env.BENCH_SNAPSHOTS ?? 300),
      payments: Number(process.env.BENCH_PAYMENTS ?? 200),
    }),
  "realtime-chat": () =>
    runRealtimeChatBench({
      sockets: Number(process.env.BENCH_SOCKETS ?? 1_000),
      rooms: Number(process.env.BENCH_ROOMS ?? 100),
      messagesPerSecond: Number(process.env.BENCH_MESSAGES_PER_SECOND ?? 200),
      seconds: Number(process.env.BENCH_SECONDS ?? 30),
    }),
  import: () =>
    runImportBench({
      rows: Number(process.env.BENCH_ROWS ?? 1_000_000),
      debtors: Number(process.env.BENCH_DEBTORS ?? 50_000),
      embeddedRows: Number(process.env.BENCH_EMBEDDED_ROWS ?? 200_000),
    }),
  dunning: () =>
    runDunningBench({
      invoices: Number(process.env.BENCH_INVOICES ?? 1_000_000),
      debtors: Number(process.env.BENCH_DEBTORS ?? 50_000),
    }),
  "realtime-notes": () =>
    runRealtimeNotesBench({
      editors: Number(process.env.BENCH_EDITORS ?? 20),
      updates: Number(process.env.BENCH_UPDATES ?? 10_000),
      loadUpdates: Number(process.env.BENCH_LOAD_UPDATES ?? 10_000),
    }),
};

/** `realtime`: every `realtime-*` benchmark, one after the other. */
BENCHES.realtime = async () => {
  for (const [key, run] of Object.entries(BENCHES)) if (key.startsWith("realtime-")) await run();
};

const name = process.argv[2];
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}>`);
  process.exit(2);
}
bench().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
