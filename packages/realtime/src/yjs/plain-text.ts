import * as Y from "yjs";

/**
 * Text of a type, walking its item list directly instead of calling `doc.getXmlFragment` / `doc.getText`: on the
 * server a root type that only arrived through updates is a bare AbstractType of unknown kind, and casting it would
 * change the live document's share map (and throw if the guess is wrong). Elements (paragraphs, list items…) become
 * lines; text runs and text nodes stay inline; formatting marks, embeds and attributes are ignored.
 */
// `any`: AbstractType is invariant in its event type, and roots, elements and text nodes all come through here.
const typeText = (type: Y.AbstractType<any>): string => {
  const lines: string[] = [];
  let inline = "";
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) {
      inline += content.str;
    } else if (content instanceof Y.ContentType) {
      if (content.type instanceof Y.XmlElement) {
        if (inline !== "") lines.push(inline);
        inline = "";
        lines.push(typeText(content.type));
      } else {
        inline += typeText(content.type);
      }
    }
  }
  if (inline !== "") lines.push(inline);
  return lines.join("\n");
};

/**
 * Plain text of a whole document, for search and export: every root type (the editor's `Y.XmlFragment` "default",
 * or a `Y.Text` "default"), "default" first, one after the other.
 */
export const documentPlainText = (doc: Y.Doc): string => {
  const roots = [...doc.share.entries()].sort(([a], [b]) => Number(b === "default") - Number(a === "default"));
  return roots
    .map(([, type]) => typeText(type))
    .filter((text) => text !== "")
    .join("\n");
};
