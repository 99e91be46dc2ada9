export interface OrderLinkTable {
  order_id: string;
  organisation_id: string;
  /** 256 random bits, base64url: whoever has it may see the order and its tickets. */
  token: string;
  created_at: string;
}

export interface MyOrderTables {
  order_links: OrderLinkTable;
}
