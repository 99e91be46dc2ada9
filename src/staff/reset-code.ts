// One-time password reset codes, without I/O: easy to read out over the phone (no 0/O, 1/I/L),
// typed with or without the dash, in any case.

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // 31 letters and digits that cannot be mistaken
export const RESET_CODE_LENGTH = 10;
/** How long a code can be used (hours). */
export const RESET_HOURS = 24;

/** `random` gives bytes; each byte below 248 (8 × 31) makes one character, so every character is equally likely. */
export function makeResetCode(random: (n: number) => Uint8Array): string {
  let out = '';
  while (out.length < RESET_CODE_LENGTH) {
    for (const b of random(RESET_CODE_LENGTH * 2)) {
      if (b < 248 && out.length < RESET_CODE_LENGTH) out += ALPHABET[b % 31];
    }
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** The code as stored (hashed): upper case, without spaces or dashes. */
export const normaliseResetCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');
