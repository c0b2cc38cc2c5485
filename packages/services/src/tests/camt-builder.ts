/** Builds a small camt.053.001.08 statement for tests: booked credit entries with the details matching looks at. */
export interface TestCamtEntry {
  ref: string;
  amount: string;
  currency?: string;
  payer?: string;
  iban?: string;
  structuredRef?: string;
  text?: string;
  status?: "BOOK" | "PDNG";
  reversal?: boolean;
  creditDebit?: "CRDT" | "DBIT";
}

const escapeXml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

export const buildCamt053 = (statementId: string, entries: TestCamtEntry[], bookingDate = "2026-03-31"): string => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${statementId}-MSG</MsgId><CreDtTm>${bookingDate}T18:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${statementId}</Id>
      <CreDtTm>${bookingDate}T18:00:00</CreDtTm>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
${entries
  .map(
    (e) => `      <Ntry>
        <Amt Ccy="${e.currency ?? "EUR"}">${e.amount}</Amt>
        <CdtDbtInd>${e.creditDebit ?? "CRDT"}</CdtDbtInd>
        ${e.reversal ? "<RvslInd>true</RvslInd>" : ""}
        <Sts><Cd>${e.status ?? "BOOK"}</Cd></Sts>
        <BookgDt><Dt>${bookingDate}</Dt></BookgDt>
        <ValDt><Dt>${bookingDate}</Dt></ValDt>
        <AcctSvcrRef>${e.ref}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>${e.ref}-1</AcctSvcrRef></Refs>
          <Amt Ccy="${e.currency ?? "EUR"}">${e.amount}</Amt>
          <RltdPties>
            ${e.payer ? `<Dbtr><Pty><Nm>${escapeXml(e.payer)}</Nm></Pty></Dbtr>` : ""}
            ${e.iban ? `<DbtrAcct><Id><IBAN>${e.iban}</IBAN></Id></DbtrAcct>` : ""}
          </RltdPties>
          <RmtInf>
            ${e.text ? `<Ustrd>${escapeXml(e.text)}</Ustrd>` : ""}
            ${e.structuredRef ? `<Strd><CdtrRefInf><Ref>${e.structuredRef}</Ref></CdtrRefInf></Strd>` : ""}
          </RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
  )
  .join("\n")}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
