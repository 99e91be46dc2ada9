export const LANGS = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

export type Text = Record<Lang, string>;

/** Picks the best of Foyer's languages from an Accept-Language header (English when none fits). */
export function pickLang(header: string | undefined, fallback: Lang = 'en'): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return fallback;
}

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
