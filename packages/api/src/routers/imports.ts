import { CANONICAL_COLUMNS, LEDGER_WRITERS } from "@relance/domain";
import { columnMappingSchema, fileSourceFromBytes, getImport, listImports, listMappings, getMapping, previewOpenItemsCsv, saveMapping } from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso, uuidSchema } from "../schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

const writer = roleProcedure(LEDGER_WRITERS);
/** The browser sends the start of the file for the preview, never the whole file. */
const MAX_SAMPLE_BYTES = 256 * 1024;

const runOutput = z.object({
  id: z.string(),
  kind: z.enum(["csv", "fec", "camt"]),
  fileName: z.string(),
  status: z.enum(["running", "succeeded", "rejected", "partial", "failed"]),
  asOf: z.string(),
  startedAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  summary: z.record(z.string(), z.unknown()),
});
const toRun = <R extends { startedAt: Date; finishedAt: Date | null; createdBy: string | null }>({ createdBy: _c, ...run }: R) => ({
  ...run,
  startedAt: toIso(run.startedAt),
  finishedAt: run.finishedAt ? toIso(run.finishedAt) : null,
});

export const importsRouter = router({
  /** The canonical columns, for the mapping step and the documentation. */
  columns: writer
    .output(z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })))
    .query(() => CANONICAL_COLUMNS.map((c) => ({ name: c.name, required: c.required, description: c.description }))),

  preview: writer
    .input(
      z.object({
        fileName: z.string().trim().min(1).max(200),
        sampleBase64: z.base64().max(Math.ceil((MAX_SAMPLE_BYTES * 4) / 3) + 4, "The sample is larger than 256 KiB"),
        complete: z.boolean(),
        mapping: columnMappingSchema.optional(),
        mappingName: z.string().trim().min(1).max(100).optional(),
      }),
    )
    .output(
      z.object({
        header: z.array(z.string()),
        delimiter: z.string().nullable(),
        mapping: columnMappingSchema,
        missingRequired: z.array(z.string()),
        unusedColumns: z.array(z.string()),
        rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), errors: z.array(z.string()) })),
        mappingProblem: z.string().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const mapping = input.mapping ?? (input.mappingName ? await getMapping(ctx.deps, ctx.actor.orgId, input.mappingName) : undefined);
      const bytes = Buffer.from(input.sampleBase64, "base64");
      return previewOpenItemsCsv(fileSourceFromBytes(input.fileName, bytes), mapping, input.complete);
    }),

  list: writer.output(z.array(runOutput)).query(async ({ ctx }) => (await listImports(ctx.deps, ctx.actor)).map(toRun)),

  get: writer
    .input(z.object({ importId: uuidSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }))
    .output(
      z.object({
        run: runOutput,
        rejections: z.array(z.object({ line: z.number().int().nullable(), path: z.string().nullable(), field: z.string().nullable(), message: z.string() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { run, rejections } = await getImport(ctx.deps, ctx.actor, input);
      return { run: toRun(run), rejections };
    }),

  mappings: writer
    .output(z.array(z.object({ sourceName: z.string(), updatedAt: isoInstant })))
    .query(async ({ ctx }) => (await listMappings(ctx.deps, ctx.actor)).map((m) => ({ ...m, updatedAt: toIso(m.updatedAt) }))),

  mapping: writer
    .input(z.object({ sourceName: z.string().trim().min(1).max(100) }))
    .output(columnMappingSchema)
    .query(({ ctx, input }) => getMapping(ctx.deps, ctx.actor.orgId, input.sourceName)),

  saveMapping: writer
    .input(z.object({ sourceName: z.string().trim().min(1).max(100), mapping: columnMappingSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await saveMapping(ctx.deps, ctx.actor, input.sourceName, input.mapping);
      return { ok: true as const };
    }),
});
