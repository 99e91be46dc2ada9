// The on-sale rush itself, the same for HTTP and in-process: concurrent buyers each take a basket,
// ask for the best 1-4 seats and check out paid, until the performance is sold out.

/** One way to buy: over HTTP against a server process, or by calling the services directly. */
export interface Shop {
  basket(): Promise<string>;
  /** 'ok' when held, 'none' when that many seats are no longer available. */
  add(basketId: string, quantity: number): Promise<'ok' | 'none'>;
  /** Seats in the order. */
  checkout(basketId: string): Promise<number>;
}

export interface RushResult {
  seconds: number;
  buys: number;
  seatsSold: number;
  /** Requests that got no answer, a 5xx, or an unexpected refusal. */
  failures: number;
  firstFailure?: string;
  /** Opening a basket: under overload, the wait at the door (src/platform/gate.ts). */
  basket: number[];
  hold: number[];
  checkout: number[];
  soldOut: boolean;
}

export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function rush(shop: Shop, buyers: number, maxSeconds: number): Promise<RushResult> {
  const r: RushResult = { seconds: 0, buys: 0, seatsSold: 0, failures: 0, basket: [], hold: [], checkout: [], soldOut: false };
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let soldOutSeen = false;
  const timed = async <T>(into: number[], f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const v = await f();
    into.push(performance.now() - t);
    return v;
  };
  const buyer = async (n: number) => {
    let round = 0;
    while (!soldOutSeen && performance.now() < deadline) {
      try {
        const basket = await timed(r.basket, () => shop.basket());
        let quantity = 1 + ((n * 7 + round++) % 4);
        let got = await timed(r.hold, () => shop.add(basket, quantity));
        if (got === 'none' && quantity > 1) {
          quantity = 1;
          got = await timed(r.hold, () => shop.add(basket, 1));
        }
        if (got === 'none') {
          soldOutSeen = true;
          break;
        }
        const sold = await timed(r.checkout, () => shop.checkout(basket));
        r.seatsSold += sold;
        r.buys++;
      } catch (e) {
        r.failures++;
        r.firstFailure ??= String(e instanceof Error ? e.message : e);
        if (r.failures > 100) break;
      }
    }
  };
  await Promise.all(Array.from({ length: buyers }, (_, i) => buyer(i)));
  r.seconds = (performance.now() - started) / 1000;
  r.soldOut = soldOutSeen;
  return r;
}
