import { AppError } from "../../errors.ts";

/** A file that is not a workbook we can read: what is wrong, naming the part of the file at fault. */
export const workbookError = (message: string, part = "file"): AppError =>
  new AppError("BAD_REQUEST", `Excel workbook: ${message}`, { key: "imports.badWorkbook", fields: [{ path: part, message }] });
