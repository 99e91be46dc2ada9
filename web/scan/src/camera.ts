// Reads codes from the camera: the browser's BarcodeDetector where there is one, zxing otherwise.
interface Detector { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> }
interface DetectorClass { new (opts: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> }

export type DecoderName = 'barcode-detector' | 'zxing';

async function nativeDetector(): Promise<Detector | null> {
  const D = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!D) return null;
  try {
    const supported = (await D.getSupportedFormats?.()) ?? ['qr_code'];
    if (!supported.includes('qr_code')) return null;
    return new D({ formats: ['qr_code', 'code_128'].filter((f) => supported.includes(f)) });
  } catch {
    return null;
  }
}

export interface CameraScan {
  decoder: DecoderName;
  stop(): void;
}

/** Starts the camera in `video` and calls `onCode` with every code it reads, a few times a second. */
export async function startCamera(video: HTMLVideoElement, onCode: (code: string) => void): Promise<CameraScan> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const native = await nativeDetector();
  const zxing = native ? null : await import('./zxing.js');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (!running) return;
    try {
      if (video.readyState >= 2 && video.videoWidth) {
        let code: string | null = null;
        if (native) {
          code = (await native.detect(video))[0]?.rawValue ?? null;
        } else if (zxing && ctx) {
          // A centred square of at most 640 px: fast enough on a phone, large enough for a ticket held up.
          const side = Math.min(video.videoWidth, video.videoHeight);
          const size = Math.min(side, 640);
          canvas.width = size;
          canvas.height = size;
          ctx.drawImage(video, (video.videoWidth - side) / 2, (video.videoHeight - side) / 2, side, side, 0, 0, size, size);
          code = zxing.decodeFrame(ctx.getImageData(0, 0, size, size));
        }
        if (code && running) onCode(code);
      }
    } catch {
      // a frame that could not be read: try the next one
    }
    if (running) timer = setTimeout(tick, 150);
  };
  void tick();
  return {
    decoder: native ? 'barcode-detector' : 'zxing',
    stop() {
      running = false;
      clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
