/**
 * A PostgreSQL array literal (`{1,2,3}`) for values that never need quoting: integers, uuids, ISO dates, plain
 * keywords. Passed as one text parameter and cast in SQL (`${plainArrayLiteral(ids)}::uuid[]`), it spares the client's
 * generic array serializer, which escapes every element: for the hundreds of thousands of values of a dunning run,
 * most of the client's work. Anything else is refused rather than quoted.
 */
export const plainArrayLiteral = (values: readonly (string | number)[]): string => {
  for (const value of values) {
    // an unquoted NULL would be read as a null element
    if (typeof value === "number" ? !Number.isSafeInteger(value) : !/^[A-Za-z0-9_.:-]+$/.test(value) || value.toLowerCase() === "null") {
      throw new TypeError(`plainArrayLiteral: ${String(value)} would need quoting`);
    }
  }
  return `{${values.join(",")}}`;
};
