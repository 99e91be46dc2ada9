// The camera's decoder where the browser has no BarcodeDetector: zxing, loaded only then (its own
// chunk), and only its QR code and Code 128 readers (e-tickets and printed tickets hold the same value).
import type * as Zxing from '@zxing/library';
// The package's esm/ files are ES modules without "type": "module": TypeScript reads them as CommonJS,
// so each default export is taken from its namespace and typed by the package's index.
import * as binaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import * as decodeHintType from '@zxing/library/esm/core/DecodeHintType.js';
import * as rgbLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import * as hybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import * as code128Reader from '@zxing/library/esm/core/oned/Code128Reader.js';
import * as qrCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';

const def = <T,>(m: unknown): T => (m as { default: T }).default;
const BinaryBitmap = def<typeof Zxing.BinaryBitmap>(binaryBitmap);
const DecodeHintType = def<typeof Zxing.DecodeHintType>(decodeHintType);
const RGBLuminanceSource = def<typeof Zxing.RGBLuminanceSource>(rgbLuminanceSource);
const HybridBinarizer = def<typeof Zxing.HybridBinarizer>(hybridBinarizer);
const QRCodeReader = def<typeof Zxing.QRCodeReader>(qrCodeReader);
const Code128Reader = def<typeof Zxing.Code128Reader>(code128Reader);

const qr = new QRCodeReader();
const code128 = new Code128Reader();
const hints = new Map<Zxing.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);

/** The code in a frame, or null. */
export function decodeFrame(frame: ImageData): string | null {
  const { data, width, height } = frame;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < luminance.length; i++, j += 4) luminance[i] = (data[j] * 77 + data[j + 1] * 150 + data[j + 2] * 29) >> 8;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  for (const reader of [qr, code128]) {
    try {
      return reader.decode(bitmap, hints).getText();
    } catch {
      // not this kind of code, or nothing readable in this frame
    } finally {
      reader.reset();
    }
  }
  return null;
}
