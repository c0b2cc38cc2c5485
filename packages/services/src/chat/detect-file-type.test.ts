import { describe, expect, it } from "vitest";
import { detectFileType } from "./detect-file-type.ts";

const zipWith = (name: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from(name), Buffer.alloc(10)]);

describe("detectFileType", () => {
  it("recognizes the accepted kinds by their content", () => {
    expect(detectFileType(Buffer.from("%PDF-1.7\n..."), "x.bin")).toEqual({ ok: true, contentType: "application/pdf" });
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "a.png")).toEqual({ ok: true, contentType: "image/png" });
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "a.jpg")).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(detectFileType(Buffer.from("GIF89a...."), "a.gif")).toEqual({ ok: true, contentType: "image/gif" });
    expect(detectFileType(Buffer.from("RIFF\x10\0\0\0WEBPVP8 "), "a.webp")).toEqual({ ok: true, contentType: "image/webp" });
    expect(detectFileType(zipWith("[Content_Types].xml"), "offer.xlsx").ok && detectFileType(zipWith("[Content_Types].xml"), "offer.xlsx")).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(detectFileType(Buffer.from("invoice;amount\nF-1;12,50\n"), "list.csv")).toEqual({ ok: true, contentType: "text/csv; charset=utf-8" });
    expect(detectFileType(Buffer.from("Bonjour, ça va ?"), "note.txt")).toEqual({ ok: true, contentType: "text/plain; charset=utf-8" });
  });

  it("refuses other content whatever its name says", () => {
    expect(detectFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), "invoice.pdf")).toMatchObject({ ok: false });
    expect(detectFileType(zipWith("evil.exe"), "archive.zip")).toMatchObject({ ok: false, reason: expect.stringContaining("zip") });
    expect(detectFileType(zipWith("[Content_Types].xml"), "renamed.zip")).toMatchObject({ ok: false });
    expect(detectFileType(Buffer.from([0xc3, 0x28, 0x41]), "bad.txt")).toMatchObject({ ok: false });
    expect(detectFileType(Buffer.alloc(0), "empty.txt")).toEqual({ ok: false, reason: "the file is empty" });
  });
});
