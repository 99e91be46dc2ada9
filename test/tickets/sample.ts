import type { DocumentTicket } from '../../src/tickets/store.js';

/** A ticket as the layout gets it, for tests of the layout alone. */
export const sampleTicket = (over: Partial<DocumentTicket> = {}): DocumentTicket => ({
  id: 't1', barcode: 'K7Q2M9XRT4VB8N3PZC6H', status: 'valid', price: 3250, print_state: 'none', print_count: 0,
  performance_id: 'p1', dip_category: 'normal', vat_rate: 900, vat: 268, fee: 0, fee_vat: 0, order_number: 'F7K2-9QXM', order_status: 'paid', organisation_name: 'Stadsschouwburg Utrecht',
  zone_id: null, section: 'Parterre', row_label: '7', seat_label: '12',
  name_nl: 'Normaal', name_fr: 'Plein tarif', name_en: 'Standard',
  title: 'Hamlet', starts_at: '2055-01-15T19:15:00.000Z', doors_open_minutes: 45, duration_minutes: 150,
  hall_name: 'Grote Zaal', venue_name: 'Stadsschouwburg', venue_address: 'Lucasbolwerk 24', venue_postal_code: '3512 EJ',
  venue_city: 'Utrecht', time_zone: 'Europe/Amsterdam', venue_id: 'v1', venue_colour: null, venue_logo: null,
  ...over,
});
