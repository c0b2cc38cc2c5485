import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** The canonical header, as documented in the README. */
export const BENCH_HEADER =
  "debtor_external_id,debtor_name,debtor_country,debtor_segment,invoice_external_id,invoice_number,issue_date,due_date,amount,open_amount,currency,payment_reference";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const dayToIso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Writes `rows` invoices over `debtors` debtors, streamed (never held whole), deterministic. */
export const generateOpenItemsCsv = async (path: string, rows: number, debtors: number): Promise<number> => {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${BENCH_HEADER}\n`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const d = i % debtors;
    const issue = (i * 7) % 600;
    const amount = 10_000 + ((i * 7919) % 5_000_000);
    const open = i % 5 === 0 ? Math.floor(amount / 2) : amount;
    const swiss = d % 8 === 0;
    chunk += `D${pad(d, 6)},Client ${pad(d, 6)} ${swiss ? "SA" : "SAS"},${swiss ? "CH" : "FR"},b2b,INV${pad(i, 8)},FA-${pad(i, 8)},${dayToIso(issue)},${dayToIso(issue + 30)},${Math.floor(amount / 100)}.${pad(amount % 100, 2)},${Math.floor(open / 100)}.${pad(open % 100, 2)},${swiss ? "CHF" : "EUR"},\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
  return bytes;
};
