import type { Selectable } from 'kysely';

export const ITEM_STATUSES = ['free', 'held', 'reserved', 'sold', 'blocked'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const BLOCK_KINDS = ['definitive', 'conditional'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/**
 * One row per sellable place of a performance: a numbered seat, or one place of a general-admission
 * zone (item_id "<zone>#<n>"). Every sale claims rows by a conditional UPDATE, so contention stays at
 * the level of single places and there is no per-performance counter to fight over.
 */
export interface InventoryTable {
  performance_id: string;
  item_id: string;
  organisation_id: string;
  /** null for a numbered seat; the zone id for a general-admission place. */
  zone_id: string | null;
  rank: number;
  section: string;
  row_label: string;
  seat_label: string;
  /** Position of the seat within its row, for adjacency (0, 1, 2, …). */
  pos: number;
  /** Position in the whole map (front rows first), the order of "best". */
  sort: number;
  status: ItemStatus;
  /** The basket holding it while status is 'held'. */
  hold_id: string | null;
  hold_expires_at: string | null;
  /** The order it is reserved or sold in. */
  order_id: string | null;
  block_id: string | null;
}
export type InventoryItem = Selectable<InventoryTable>;

export interface BlockTable {
  id: string;
  organisation_id: string;
  performance_id: string;
  kind: BlockKind;
  reason: string;
  /** The staff user or API client who made it; null for blocks older than this column. */
  created_by: string | null;
  created_at: string;
  released_at: string | null;
}
export type Block = Selectable<BlockTable>;

export interface InventoryTables {
  inventory: InventoryTable;
  blocks: BlockTable;
}
