// A Foyer service's refusal (a Problem: seats taken, basket closed, payment refused…) in the /v1 error
// envelope: the same words the box office and the shop show, in the request's language.
import { Problem, renderProblem } from '../platform/problems.js';
import { UtickError } from './envelope.js';
import type { Texts } from './messages.js';

function textIn(p: Problem, lang: 'nl' | 'fr' | 'en'): string {
  const doc = renderProblem(p, lang);
  const fields = doc.errors?.map((f) => `${f.field}: ${f.message}`).join('; ');
  return fields ? `${doc.detail} (${fields})` : doc.detail;
}

/** Foyer has no German texts: German readers get English. */
export function fromProblem(p: Problem): UtickError {
  const text: Texts = { en: textIn(p, 'en'), fr: textIn(p, 'fr'), nl: textIn(p, 'nl'), de: textIn(p, 'en') };
  return new UtickError(renderProblem(p, 'en').status, 'foyer-problem', { text });
}
