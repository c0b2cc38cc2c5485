import { describe, expect, it } from "vitest";
import { collaboratorColor } from "./collaborator-color.ts";

describe("collaboratorColor", () => {
  it("gives a user the same colour every time, and spreads users over the palette", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(ids.map(collaboratorColor)).toEqual(ids.map(collaboratorColor));
    expect(new Set(ids.map(collaboratorColor)).size).toBeGreaterThan(5);
    for (const id of ids) expect(collaboratorColor(id)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
