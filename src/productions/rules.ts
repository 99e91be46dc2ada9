// Performance states and what may follow what.
import type { PerformanceStatus } from './tables.js';

const TRANSITIONS: Record<PerformanceStatus, readonly PerformanceStatus[]> = {
  draft: ['on_sale', 'cancelled'],
  on_sale: ['sold_out', 'cancelled', 'draft'],
  sold_out: ['on_sale', 'cancelled'],
  cancelled: [],
};

export const canTransition = (from: PerformanceStatus, to: PerformanceStatus): boolean =>
  from === to || TRANSITIONS[from].includes(to);

export const DIP_PRODUCTION_ID = '^NL-\\d{2}-\\d{3}-\\d{3,10}$';
