import { SAVED_VIEW_PAGES } from "@relance/domain";
import { deleteView, invoiceViewFiltersSchema, listSavedViews, savedViewNameSchema, saveView, type SavedView } from "@relance/services";
import { z } from "zod";
import { isoInstant, toIso, uuidSchema } from "../schemas.ts";
import { authedProcedure, router } from "../trpc.ts";

const pageSchema = z.enum(SAVED_VIEW_PAGES);

const viewOutput = z.object({
  id: z.string(),
  page: pageSchema,
  name: z.string(),
  filters: invoiceViewFiltersSchema,
  createdAt: isoInstant,
});

const toOutput = (view: SavedView) => ({ ...view, createdAt: toIso(view.createdAt) });

/** Each member's own saved filters per list page; nobody sees another's. */
export const viewsRouter = router({
  list: authedProcedure
    .input(z.object({ page: pageSchema }))
    .output(z.array(viewOutput))
    .query(async ({ ctx, input }) => (await listSavedViews(ctx.deps, ctx.actor, input.page)).map(toOutput)),

  /** Saving under a name the member already used on that page replaces that view. */
  save: authedProcedure
    .input(z.object({ page: pageSchema, name: savedViewNameSchema, filters: invoiceViewFiltersSchema }))
    .output(viewOutput)
    .mutation(async ({ ctx, input }) => toOutput(await saveView(ctx.deps, ctx.actor, input))),

  delete: authedProcedure
    .input(z.object({ viewId: uuidSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteView(ctx.deps, ctx.actor, input.viewId);
      return { ok: true as const };
    }),
});
