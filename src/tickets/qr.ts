// QR codes of ticket barcodes: a module matrix to draw in PDFs, and SVG for screens. The code holds
// exactly the ticket's barcode, which is what the door scans.

// Loaded on first use, like pdfkit: a server that never prints should not carry it.
const lib = async () => (await import('bwip-js')).default;

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** dark[y * size + x] is true for a dark module. */
  dark: boolean[];
}

/** The QR code of `text` (error correction M: a smudged print or a cracked phone screen still scans). */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const [sym] = (await lib()).raw('qrcode', text, 'eclevel=M') as { pixs: number[]; pixx: number; pixy: number }[];
  return { size: sym.pixx, dark: sym.pixs.map((p) => p === 1) };
}

/** An SVG of the QR code with a quiet zone of 4 modules, black on white, scaling without blur. */
export async function qrSvg(text: string): Promise<string> {
  const { size, dark } = await qrMatrix(text);
  const q = 4;
  const n = size + 2 * q;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (dark[y * size + x]) path += `M${x + q} ${y + q}h1v1h-1z`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">`
    + `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
