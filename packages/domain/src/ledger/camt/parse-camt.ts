import type { CamtStatement } from "./camt-types.ts";
import { createCamtXmlReader } from "./camt-xml-reader.ts";

/** Yields each statement (053) or notification (054) as soon as its closing tag is read. */
export async function* parseCamt(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CamtStatement> {
  const reader = createCamtXmlReader();
  for await (const chunk of chunks) yield* reader.write(chunk);
  yield* reader.close();
}

export const collectCamt = async (chunks: AsyncIterable<string> | Iterable<string>): Promise<CamtStatement[]> => {
  const statements: CamtStatement[] = [];
  for await (const statement of parseCamt(chunks)) statements.push(statement);
  return statements;
};
