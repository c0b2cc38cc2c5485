import { AppError } from "@relance/domain";
import { receiveInboundEmail } from "@relance/services";
import type { CommandSpec } from "./commands.ts";

/** What an MTA pipe (Postfix, Exim) takes as "try again later" (sysexits EX_TEMPFAIL): the message stays queued. */
export const EXIT_TEMPFAIL = 75;

export const mailReceiveCommand: CommandSpec = {
  usage: "relance mail receive < message.eml",
  summary: "take one raw e-mail on stdin (a reply or a bounce about one of our messages) onto its case timeline; prints the outcome as JSON",
  options: {},
  positionals: 0,
  needsSchema: true,
  readsStdin: true,
  // Only a message that is not an e-mail goes back to its sender; a database that cannot answer now is retried.
  failureExitCode: EXIT_TEMPFAIL,
  run: async (deps, _values, _positionals, env) => {
    if (env.stdin === undefined) throw new AppError("BAD_REQUEST", "mail receive reads one raw message on stdin");
    return receiveInboundEmail(deps, env.stdin);
  },
};
