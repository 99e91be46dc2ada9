// The till's answers, taken from the server's schemas (type-only: nothing of src/ is bundled).
export interface MethodLine { method: string; taken: number; refunded: number; count: number; expected: number; counted: number | null; difference: number | null }
export interface CashUp {
  id: string; status: 'open' | 'closed'; venue: { id: string; name: string; timeZone: string }; cashier: { id: string; name: string };
  openedAt: string; closedAt: string | null; float: number; note: string | null; orders: number; methods: MethodLine[];
  vouchersSold: { count: number; value: number }; net: number; difference: number | null;
}
export interface DailyClosing {
  venue: { id: string; name: string; timeZone: string }; day: string; openShifts: number; methods: MethodLine[]; net: number;
  vouchersSold: { count: number; value: number };
  cashiers: { cashier: { id: string; name: string }; shifts: number; methods: MethodLine[]; net: number; vouchersSold: number }[];
  shifts: CashUp[];
}
export interface Voucher {
  id: string; code: string; value: number; balance: number; state: 'valid' | 'spent' | 'expired' | 'cancelled';
  expiresAt: string | null; lastDay: string | null; orderId: string; createdAt: string;
  uses?: { kind: 'redeem' | 'return'; amount: number; orderId: string; orderNumber: string; createdAt: string }[];
}
