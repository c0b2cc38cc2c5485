import { invalidValue } from "../ledger-errors.ts";

/** A small element tree for one captured subtree (a statement header or one entry); names are local (no prefix). */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly children: XmlNode[];
  readonly line: number;
  readonly path: string;
}

/** Every node at a slash-separated path of local names below `node`. */
export const findAll = (node: XmlNode, path: string): XmlNode[] =>
  path.split("/").reduce<XmlNode[]>((nodes, name) => nodes.flatMap((n) => n.children.filter((c) => c.name === name)), [node]);

export const find = (node: XmlNode, path: string): XmlNode | undefined => findAll(node, path)[0];

/** Trimmed text at the first matching path, or null when absent or empty. */
export const textAt = (node: XmlNode, ...paths: string[]): string | null => {
  for (const path of paths) {
    const value = find(node, path)?.text.trim();
    if (value) return value;
  }
  return null;
};

export const camtError = (node: XmlNode, reason: string) =>
  invalidValue(`camt: ${node.path}: ${reason} (line ${node.line})`, "ledger.invalidCamt");

export const requiredText = (node: XmlNode, path: string): string => {
  const value = textAt(node, path);
  if (value === null) throw camtError(node, `${path} is missing`);
  return value;
};
