// Assertions on problem documents, shared by the foundation tests.
import { expect } from 'vitest';
import { problemMessage } from '../../src/platform/messages.js';
import type { Answer } from '../helpers/server.js';

export type Lang = 'en' | 'nl' | 'fr';

/** The answer is an RFC 9457 problem document of `code` with `status`, titled in `lang`. */
export function expectProblem(res: Answer, status: number, code: string, lang: Lang = 'en'): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  expect(res.body.type).toBe(`/problems/${code}`);
  expect(res.body.status).toBe(status);
  expect(res.body.title).toBe(problemMessage(code)?.title[lang]);
  expect(typeof res.body.detail).toBe('string');
}

/** Fields named in the problem's `errors`. */
export const fieldsOf = (res: Answer): string[] => (res.body.errors ?? []).map((e: { field: string }) => e.field);

/**
 * Sends the same bad request in English, Dutch and French and checks that each answers the same
 * problem, with `errors` naming every field in `fields`, and with title, detail and every field
 * message in the request's language (the nl and fr texts differ from the English ones).
 */
export async function expectRejected(
  send: (lang: Lang) => Promise<Answer>,
  status: number,
  code: string,
  fields: string[],
): Promise<Answer> {
  const en = await send('en');
  const nl = await send('nl');
  const fr = await send('fr');
  expectProblem(en, status, code, 'en');
  expectProblem(nl, status, code, 'nl');
  expectProblem(fr, status, code, 'fr');
  for (const f of fields) expect(fieldsOf(en), JSON.stringify(en.body)).toContain(f);
  expect(fieldsOf(nl)).toEqual(fieldsOf(en));
  expect(fieldsOf(fr)).toEqual(fieldsOf(en));
  if (fields.length) expect(en.body.errors.length).toBeGreaterThan(0);
  for (const [other, lang] of [[nl, 'nl'], [fr, 'fr']] as const) {
    expect(other.body.detail, `detail in ${lang}`).not.toBe(en.body.detail);
    (other.body.errors ?? []).forEach((e: { message: string }, i: number) => {
      expect(e.message, `errors[${i}] in ${lang}: ${JSON.stringify(other.body.errors)}`).not.toBe(en.body.errors[i].message);
    });
  }
  return en;
}
