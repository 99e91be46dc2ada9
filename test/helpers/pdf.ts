// Reads what Foyer's PDFs (pdfkit, standard fonts) show: the text of each page, and the QR codes drawn
// on it, decoded with ZXing from the squares in the page's drawing, as a phone camera would read them.
import zlib from 'node:zlib';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';

/** Pages in a PDF: its "/Type /Page" objects (not "/Type /Pages"). */
export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

export const isPdf = (pdf: Buffer): boolean => pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.subarray(-6).toString('latin1').includes('%%EOF');

/** The page content streams in order (pdfkit writes each page's content when the page ends). */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const dict = m[1];
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + length);
    re.lastIndex = start + length;
    if (/\/Subtype|\/Type\s*\/(XObject|Font|FontDescriptor|Metadata)|\/Length1/.test(dict)) continue;
    const body = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    const s = body.toString('latin1');
    if (/\b(Tj|TJ|re|cm)\b/.test(s)) out.push(s);
  }
  return out;
}

// WinAnsi: Latin-1 except 0x80-0x9F (Node's TextDecoder reads windows-1252 as Latin-1 there).
const WIN_ANSI_HIGH: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };
const hexText = (hex: string) => [...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');

/** The text of each page, one string per text-showing operation joined by newlines. */
export function pdfPageTexts(pdf: Buffer): string[] {
  return contentStreams(pdf).map((s) => {
    const parts: string[] = [];
    const op = /\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    let m: RegExpExecArray | null;
    while ((m = op.exec(s))) {
      if (m[1] !== undefined) parts.push([...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hexText(x[1])).join(''));
      else parts.push(hexText(m[2]));
    }
    return parts.join('\n');
  });
}

interface Rect { x: number; y: number; w: number; h: number }

/** Squares filled black on each page, in the page's own (top-down) coordinates. */
function blackRects(content: string): Rect[] {
  const tokens = content.split(/\s+/).filter(Boolean);
  const stack: string[] = [];
  let path: Rect[] = [];
  let colour = '0 0 0';
  const out: Rect[] = [];
  for (const tok of tokens) {
    if (/^-?[\d.]+$/.test(tok) || tok.startsWith('/')) { stack.push(tok); continue; }
    if (tok === 're') path.push({ x: +stack[0], y: +stack[1], w: +stack[2], h: +stack[3] });
    else if (tok === 'scn' || tok === 'sc' || tok === 'rg') colour = stack.filter((t) => !t.startsWith('/')).join(' ');
    else if (tok === 'f' || tok === 'f*') {
      if (/^0 0 0$/.test(colour)) out.push(...path);
      path = [];
    } else if (tok === 'n' || tok === 'S' || tok === 'B') path = [];
    stack.length = 0;
  }
  return out;
}

/** Decodes the QR code drawn on each page (null where none decodes). */
export function pdfQrCodes(pdf: Buffer): (string | null)[] {
  return contentStreams(pdf).map((s) => {
    const rects = blackRects(s);
    if (!rects.length) return null;
    const module = Math.min(...rects.map((r) => r.w));
    const x0 = Math.min(...rects.map((r) => r.x));
    const y0 = Math.min(...rects.map((r) => r.y));
    const scale = 6 / module; // 6 pixels per module
    const quiet = 4 * module;
    const w = Math.ceil((Math.max(...rects.map((r) => r.x + r.w)) - x0 + 2 * quiet) * scale);
    const h = Math.ceil((Math.max(...rects.map((r) => r.y + r.h)) - y0 + 2 * quiet) * scale);
    const lum = new Uint8ClampedArray(w * h).fill(255);
    for (const r of rects) {
      const px = Math.round((r.x - x0 + quiet) * scale);
      const py = Math.round((r.y - y0 + quiet) * scale);
      const pw = Math.round(r.w * scale);
      const ph = Math.round(r.h * scale);
      for (let yy = py; yy < py + ph; yy++) lum.fill(0, yy * w + px, yy * w + px + pw);
    }
    return decodeQr(lum, w, h);
  });
}

/** A greyscale image (one byte per pixel) -> the QR code's text, or null. */
export function decodeQr(luminance: Uint8ClampedArray, width: number, height: number): string | null {
  // A rendered code is a "pure" image (the code and its quiet zone only): read it as such first;
  // ZXing's camera-image detector misjudges some perfectly sharp codes with large modules.
  for (const pure of [true, false]) {
    const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]], [DecodeHintType.TRY_HARDER, true]]);
    if (pure) hints.set(DecodeHintType.PURE_BARCODE, true);
    try {
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))), hints).getText();
    } catch {
      // try the next way
    }
  }
  return null;
}

/** Rasterises an SVG of squares (as src/tickets/qr.ts writes it: "M x y h1v1h-1z" per module) and decodes it. */
export function decodeQrSvg(svg: string): string | null {
  const n = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  if (!n) return null;
  const scale = 6;
  const w = n * scale;
  const lum = new Uint8ClampedArray(w * w).fill(255);
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x = +m[1] * scale;
    const y = +m[2] * scale;
    for (let yy = y; yy < y + scale; yy++) lum.fill(0, yy * w + x, yy * w + x + scale);
  }
  return decodeQr(lum, w, w);
}
