import { MEMBER_ADMINS } from "@relance/domain";
import { getSenderDetails, saveSenderDetails, senderDetailsInput } from "@relance/services";
import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";

const senderDetailsOutput = z.object({
  orgName: z.string(),
  country: z.enum(["FR", "CH"]),
  legalName: z.string().nullable(),
  street: z.string().nullable(),
  buildingNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  town: z.string().nullable(),
  addressCountry: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  companyIdentifier: z.string().nullable(),
  iban: z.string().nullable(),
  qrIban: z.string().nullable(),
});

/** The creditor's details printed on letters and on the Swiss QR-bill. */
export const senderDetailsRouter = router({
  get: authedProcedure.output(senderDetailsOutput).query(({ ctx }) => getSenderDetails(ctx.deps, ctx.actor)),
  save: roleProcedure(MEMBER_ADMINS).input(senderDetailsInput).output(senderDetailsOutput).mutation(({ ctx, input }) => saveSenderDetails(ctx.deps, ctx.actor, input)),
});
