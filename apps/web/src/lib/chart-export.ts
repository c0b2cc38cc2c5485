/** A chart's data as CSV: a header row then one row per point; fields quoted when they need it (RFC 4180). */
export const toCsv = (header: string[], rows: (string | number | null)[][]): string => {
  const field = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
};

/** Minor units as a plain decimal for spreadsheets (no grouping, dot separator): 123456 → "1234.56". */
export const minorAsDecimal = (minor: number): string => {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

const download = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};

export const downloadCsv = (csv: string, fileName: string): void =>
  download(new Blob([`\uFEFF${csv}`], { type: "text/csv;charset=utf-8" }), fileName);

/** Draws the chart's SVG on a canvas (white background, device pixel ratio) and downloads it as PNG. */
export const downloadSvgAsPng = async (svg: SVGSVGElement, fileName: string): Promise<void> => {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  // text inherits the page font; the standalone SVG needs it spelled out
  clone.style.fontFamily = getComputedStyle(svg).fontFamily;
  const source = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The chart could not be drawn"));
      image.src = url;
    });
    const scale = window.devicePixelRatio || 1;
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No canvas available");
    context.scale(scale, scale);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The chart could not be exported");
    download(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
};
