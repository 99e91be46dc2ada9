// The shop's stable page addresses, which the catalogue API (shop_url) and the box office link to.

export interface ShopLinks {
  home: string;
  performance(id: string): string;
  pack(id: string): string;
  stream(id: string): string;
}

/** `base` is the public base URL ("https://tickets.theater.nl"). */
export function shopLinks(base: string, slug: string): ShopLinks {
  return shopLinksFromHome(`${base.replace(/\/+$/, '')}/shop/${encodeURIComponent(slug)}/`);
}

/** The pages under a shop's home address (which ends in a slash). */
export function shopLinksFromHome(home: string): ShopLinks {
  return {
    home,
    performance: (id) => `${home}performances/${encodeURIComponent(id)}`,
    pack: (id) => `${home}packs/${encodeURIComponent(id)}`,
    stream: (id) => `${home}streams/${encodeURIComponent(id)}`,
  };
}
