// A venue's colour and logo, as its tickets and the shop show them. Rules without I/O.
import type { FieldError } from '../platform/problems.js';

export const COLOUR_PATTERN = '^#[0-9a-fA-F]{6}$';
/** The logo's bytes at most; a data: URL is a third longer. */
export const LOGO_MAX_BYTES = 150_000;
export const LOGO_PATTERN = '^data:image/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$';
export const LOGO_MAX_LENGTH = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 'data:image/jpeg;base64,'.length;

const MAGIC: Record<string, number[]> = { png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], jpeg: [0xff, 0xd8, 0xff] };

/** The image inside a logo data: URL, or undefined when it is not the PNG or JPEG it says it is. */
export function logoImage(dataUrl: string): { type: 'png' | 'jpeg'; bytes: Buffer } | undefined {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  if (!m) return undefined;
  const type = m[1] as 'png' | 'jpeg';
  const bytes = Buffer.from(m[2], 'base64');
  return MAGIC[type].every((b, i) => bytes[i] === b) ? { type, bytes } : undefined;
}

export function logoErrors(logo: string | null | undefined): FieldError[] {
  if (logo == null || logoImage(logo)) return [];
  return [{ field: 'logo', message: { en: 'not a PNG or JPEG image', nl: 'geen PNG- of JPEG-afbeelding', fr: 'pas une image PNG ou JPEG' } }];
}

/** What the audit trail keeps of a logo: not the image, only that there is one and its size. */
export const logoSummary = (logo: string | null): string | null =>
  logo ? `${logo.slice(5, logo.indexOf(';'))}, ${Math.round((logo.length - logo.indexOf(',') - 1) * 0.75 / 1024)} KB` : null;
