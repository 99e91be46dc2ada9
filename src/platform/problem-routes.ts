import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pickLang } from './i18n.js';
import { allProblemCodes, problemMessage } from './messages.js';
import { Problem } from './problems.js';

/** The `type` URI of every problem document resolves here to a description of that problem. */
export const problemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/problems/:code', {
    schema: { tags: ['system'], summary: 'What a problem type means', security: [], params: Type.Object({ code: Type.String({ maxLength: 100 }) }) },
  }, async (req) => {
    const msg = problemMessage(req.params.code);
    if (!msg) throw new Problem('not-found', { what: 'problem type' });
    const lang = pickLang(req.headers['accept-language']);
    return { type: `/problems/${req.params.code}`, status: msg.status, title: msg.title[lang], detail: msg.detail[lang] };
  });
  app.get('/problems', { schema: { hide: true } }, async () => ({ items: allProblemCodes().map((c) => `/problems/${c}`) }));
};
