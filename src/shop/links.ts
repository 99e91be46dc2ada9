// The shop's stable page addresses, which the catalogue API (shop_url) and the box office link to.

export interface ShopLinks {
  home: string;
  performance(id: string): string;
  pack(id: string): string;
  stream(id: string): string;
}

/** `base` is the public base URL ("https://tickets.theater.nl"). */
export function shopLinks(base: string, slug: string): ShopLinks {
  const home = `${base.replace(/\/+$/, '')}/shop/${encodeURIComponent(slug)}/`;
  return {
    home,
    performance: (id) => `${home}performances/${encodeURIComponent(id)}`,
    pack: (id) => `${home}packs/${encodeURIComponent(id)}`,
    stream: (id) => `${home}streams/${encodeURIComponent(id)}`,
  };
}
