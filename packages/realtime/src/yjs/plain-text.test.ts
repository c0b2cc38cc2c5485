import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentPlainText } from "./plain-text.ts";

/** The server only ever sees a document through updates: its root types are bare AbstractTypes. */
const asServerSees = (doc: Y.Doc): Y.Doc => {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  return server;
};

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  return p;
};

describe("documentPlainText", () => {
  it("reads the editor's XmlFragment as one line per block", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("default");
    fragment.insert(0, [paragraph("Invoice 42 disputed."), paragraph("Customer says: paid")]);
    const list = new Y.XmlElement("bulletList");
    const item = new Y.XmlElement("listItem");
    item.insert(0, [paragraph("first"), paragraph("second")]);
    list.insert(0, [item]);
    fragment.insert(2, [list]);
    // Formatting and a deletion must not leak into the text.
    const textOf = (index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
    textOf(0).format(0, 7, { bold: true });
    textOf(1).delete(14, 5);
    const expected = "Invoice 42 disputed.\nCustomer says:\nfirst\nsecond";
    expect(documentPlainText(doc)).toBe(expected);
    expect(documentPlainText(asServerSees(doc))).toBe(expected);
  });

  it("reads a Y.Text named default", () => {
    const doc = new Y.Doc();
    const text = doc.getText("default");
    text.insert(0, "hello world");
    text.format(0, 5, { italic: true });
    text.delete(5, 6);
    text.insert(5, "!");
    expect(documentPlainText(doc)).toBe("hello!");
    expect(documentPlainText(asServerSees(doc))).toBe("hello!");
  });

  it("puts default first and skips empty or non-text roots", () => {
    const doc = new Y.Doc();
    doc.getText("aside").insert(0, "aside");
    doc.getMap("meta").set("k", "v");
    doc.getText("default").insert(0, "main");
    expect(documentPlainText(asServerSees(doc))).toBe("main\naside");
    expect(documentPlainText(new Y.Doc())).toBe("");
  });
});
