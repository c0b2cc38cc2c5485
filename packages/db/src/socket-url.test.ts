import { describe, expect, it } from "vitest";
import { splitSocketHost } from "./socket-url.ts";

describe("splitSocketHost", () => {
  it("takes libpq's socket directory out of the query", () => {
    expect(splitSocketHost("postgresql://relance@/relance?host=/var/run/postgresql")).toEqual({
      url: "postgresql://relance@localhost/relance",
      socketDir: "/var/run/postgresql",
    });
    expect(splitSocketHost("postgres:///relance?host=%2Ftmp&application_name=x")).toEqual({
      url: "postgres://localhost/relance?application_name=x",
      socketDir: "/tmp",
    });
  });

  it("leaves TCP URLs alone", () => {
    for (const url of ["postgres://u:p@db.internal:5432/relance", "postgres://u@h/relance?sslmode=require", "postgres://u@h/r?host=db2"]) {
      expect(splitSocketHost(url)).toEqual({ url });
    }
  });
});
