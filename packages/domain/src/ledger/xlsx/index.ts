export { columnIndexOf, formatNumberCell, isDateFormat, serialToIsoDate, type CellTextOptions } from "./cell-values.ts";
export { bytesSource, openWorkbook, readWorkbookRecords, type OpenedWorkbook, type RandomAccessSource } from "./read-workbook.ts";
export { isZipStart } from "./zip-directory.ts";
export { storeZip, writeWorkbook, writeWorkbookSheets, type WorkbookCell } from "./write-workbook.ts";
