import { describe, expect, it } from "vitest";
import { PREVIEW_SAMPLE_BYTES, readFileSample } from "./file-sample.ts";

describe("file sample", () => {
  it("sends a small file whole", async () => {
    const text = "debtor_name;amount\nÉtablissements Müller;12,50\n";
    const sample = await readFileSample(new Blob([text]));
    expect(sample.complete).toBe(true);
    expect(Buffer.from(sample.base64, "base64").toString("utf8")).toBe(text);
  });

  it("sends only the start of a large file", async () => {
    const bytes = new Uint8Array(PREVIEW_SAMPLE_BYTES + 10).map((_, i) => i % 251);
    const sample = await readFileSample(new Blob([bytes]));
    expect(sample.complete).toBe(false);
    expect(Buffer.from(sample.base64, "base64")).toEqual(Buffer.from(bytes.subarray(0, PREVIEW_SAMPLE_BYTES)));
  });
});
