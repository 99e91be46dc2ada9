// "Open in the web shop": the performance's booking page, for a caller the cashier sends there.
import { useEffect, useState } from 'react';
import { get } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { shopLinksFromHome } from '../../../src/shop/links.js';

let asked: Promise<string | null> | undefined;
/** The shop's home address, asked once per page load (null while the shop is off). */
const shopHome = (): Promise<string | null> =>
  (asked ??= get<{ home: string | null }>('/api/shop-links').then((r) => r.home, () => { asked = undefined; return null; }));

export function ShopLink({ performanceId }: { performanceId: string }) {
  const { t } = useI18n();
  const [home, setHome] = useState<string | null>(null);
  useEffect(() => { let live = true; void shopHome().then((h) => { if (live) setHome(h); }); return () => { live = false; }; }, []);
  if (!home) return null;
  return (
    <a className="shop-link" href={shopLinksFromHome(home).performance(performanceId)} target="_blank" rel="noopener noreferrer">
      {t('openInShop')}
    </a>
  );
}
