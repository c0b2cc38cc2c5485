import { invalidValue } from "../ledger-errors.ts";
import { detectDelimiter, type CsvDelimiter } from "./detect-delimiter.ts";

/**
 * A streaming RFC 4180 tokenizer: push string chunks of any size, receive each record once complete. Quoted fields
 * may hold delimiters, doubled quotes and line breaks; records end at LF, CRLF or a lone CR. Only the record being
 * read is held, plus, with "auto", the first line until the delimiter is known.
 */
export interface CsvRecord {
  /** 1-based physical line where the record starts (a quoted line break makes a record span several lines). */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvParserOptions {
  readonly delimiter?: CsvDelimiter | "auto";
  readonly onRecord: (record: CsvRecord) => void;
  /** Guards against an unterminated quote swallowing the whole file. */
  readonly maxRecordChars?: number;
  /** False for formats without a quoting convention (FEC): a `"` is then an ordinary character. */
  readonly quoting?: boolean;
}

export interface CsvParser {
  push(chunk: string): void;
  /** Emits the last record; throws if a quoted field is still open. */
  end(): void;
  /** The delimiter in use, once known. */
  readonly delimiter: CsvDelimiter | undefined;
}

type State = "fieldStart" | "unquoted" | "quoted" | "quoteInQuoted";

const DEFAULT_MAX_RECORD_CHARS = 1_000_000;
const AUTO_SAMPLE_LIMIT = 64 * 1024;

class CsvTokenizer {
  private state: State = "fieldStart";
  private field = "";
  private fieldQuoted = false;
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private afterCR = false;
  private recordChars = 0;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly maxRecordChars: number,
    private readonly quoting: boolean,
  ) {}

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        // The LF of a CRLF: the line was already counted (and the record ended) at the CR.
        if (char === "\n") {
          if (this.state === "quoted") this.field += char;
          continue;
        }
      }
      if (++this.recordChars > this.maxRecordChars) {
        throw invalidValue(`line ${this.recordLine}: record longer than ${this.maxRecordChars} characters (is a quote left open?)`, "ledger.csvRecordTooLong");
      }
      if (this.state === "unquoted" || (this.state === "fieldStart" && !(char === '"' && this.quoting))) {
        // the run of ordinary characters up to the next delimiter or line end is taken as one slice: a million-row
        // file would otherwise build every field one character (and one string) at a time
        const end = this.ordinaryRunEnd(text, i);
        if (end > i + 1) {
          this.recordChars += end - i - 1;
          if (this.recordChars > this.maxRecordChars) continue;
          this.state = "unquoted";
          this.field += text.slice(i, end);
          i = end - 1;
          continue;
        }
      }
      this.step(char);
    }
  }

  /** The index after the last character, from `start`, that is neither the delimiter nor a line break. */
  private ordinaryRunEnd(text: string, start: number): number {
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13 || text[end] === this.delimiter) break;
      end += 1;
    }
    return end;
  }

  finish(): void {
    if (this.state === "quoted") throw invalidValue(`line ${this.recordLine}: a quoted field is never closed`, "ledger.csvUnclosedQuote");
    if (this.fields.length > 0 || this.field !== "" || this.fieldQuoted) this.endRecord();
  }

  private step(char: string): void {
    switch (this.state) {
      case "fieldStart":
        if (char === '"' && this.quoting) {
          this.state = "quoted";
          this.fieldQuoted = true;
          return;
        }
        this.state = "unquoted";
        return this.stepUnquoted(char);
      case "unquoted":
        return this.stepUnquoted(char);
      case "quoted":
        if (char === '"') this.state = "quoteInQuoted";
        else this.appendQuoted(char);
        return;
      case "quoteInQuoted":
        if (char === '"') {
          this.field += '"';
          this.state = "quoted";
          return;
        }
        // Lenient: text after a closing quote continues the field, as spreadsheet tools read it.
        this.state = "unquoted";
        return this.stepUnquoted(char);
    }
  }

  private appendQuoted(char: string): void {
    if (char === "\n") this.line += 1;
    else if (char === "\r") {
      this.line += 1;
      this.afterCR = true;
    }
    this.field += char;
  }

  private stepUnquoted(char: string): void {
    if (char === this.delimiter) {
      this.fields.push(this.field);
      this.field = "";
      this.fieldQuoted = false;
      this.state = "fieldStart";
    } else if (char === "\n" || char === "\r") {
      // A blank line is no record at all.
      if (this.fields.length > 0 || this.field !== "" || this.fieldQuoted) this.endRecord();
      this.line += 1;
      this.afterCR = char === "\r";
      this.recordLine = this.line;
      this.recordChars = 0;
      this.state = "fieldStart";
    } else {
      this.field += char;
    }
  }

  private endRecord(): void {
    this.fields.push(this.field);
    const record: CsvRecord = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = "";
    this.fieldQuoted = false;
    this.onRecord(record);
  }
}

export const createCsvParser = (options: CsvParserOptions): CsvParser => {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let tokenizer: CsvTokenizer | undefined;
  let delimiter: CsvDelimiter | undefined;
  let started = false;
  let sample = "";
  const start = (chosen: CsvDelimiter): CsvTokenizer => {
    delimiter = chosen;
    tokenizer = new CsvTokenizer(chosen, options.onRecord, maxRecordChars, options.quoting !== false);
    return tokenizer;
  };
  if (options.delimiter !== undefined && options.delimiter !== "auto") start(options.delimiter);
  const flushSample = (): CsvTokenizer => {
    const active = tokenizer ?? start(detectDelimiter(sample));
    const text = sample;
    sample = "";
    active.feed(text);
    return active;
  };
  return {
    get delimiter() {
      return delimiter;
    },
    push(chunk: string) {
      if (!started) {
        if (chunk === "") return;
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      if (tokenizer !== undefined) return tokenizer.feed(chunk);
      sample += chunk;
      if (/[\r\n]/.test(sample) || sample.length >= AUTO_SAMPLE_LIMIT) flushSample();
    },
    end() {
      (tokenizer ?? flushSample()).finish();
    },
  };
};

/** Convenience for small texts and tests: all records of a complete text. */
export const parseCsvText = (text: string, delimiter: CsvDelimiter | "auto" = "auto"): CsvRecord[] => {
  const records: CsvRecord[] = [];
  const parser = createCsvParser({ delimiter, onRecord: (record) => records.push(record) });
  parser.push(text);
  parser.end();
  return records;
};
