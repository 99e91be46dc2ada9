/** Per organisation: publiq's Search API v3 and the client id Foyer identifies itself with (x-client-id). */
export interface UitdatabankSettingsTable {
  organisation_id: string;
  search_url: string;
  client_id: string;
  updated_at: string;
}

export interface UitdatabankTables {
  uitdatabank_settings: UitdatabankSettingsTable;
}
