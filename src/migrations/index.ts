// Migrations in order. Listed by hand (not read from disk) so they load the same under tsx,
// a bundler or a compiled build.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './2026-11-23T1000_foundation.js';
import * as jobs from './2026-11-23T1100_jobs.js';
import * as selling from './2026-11-23T1200_selling.js';
import * as dip from './2026-11-23T1300_dip.js';
import * as uitpas from './2026-11-23T1400_uitpas.js';
import * as packsStreams from './2026-11-23T1500_packs_streams.js';
import * as reports from './2026-11-23T1600_reports.js';
import * as reportRollups from './2026-11-23T1700_report_rollups.js';
import * as moneyBigint from './2026-12-02T1100_money_bigint.js';
import * as personalData from './2026-12-02T1200_personal_data.js';
import * as retention from './2026-12-02T1200_retention.js';
import * as payments from './2026-12-02T1300_payments.js';
import * as mail from './2026-12-02T1400_mail.js';
import * as shop from './2026-12-02T1500_shop.js';
import * as checkin from './2026-12-02T1600_checkin.js';
import * as dipReadBack from './2026-12-02T1700_dip_read_back.js';
import * as customerPhoneDigits from './2026-12-02T1800_customer_phone_digits.js';
import * as idempotencyLease from './2026-12-02T1810_idempotency_lease.js';
import * as blockCreatedBy from './2026-12-02T1810_block_created_by.js';
import * as feesVat from './2026-12-02T2200_fees_vat.js';
import * as reportDailyMoney from './2026-12-03T0110_report_daily_money.js';
import * as shopBuyerCancel from './2026-12-03T0111_shop_buyer_cancel.js';
import * as till from './2026-12-02T2200_till.js';
import * as textNfc from './2026-12-02T2300_text_nfc.js';
import * as uitpasPriceClassesCheckins from './2026-12-02T2200_uitpas_price_classes_checkins.js';
import * as audit from './2026-12-03T0100_audit.js';
import * as venueBranding from './2026-12-03T0140_venue_branding.js';
import * as shiftSettings from './2026-12-04T0100_shift_settings.js';
import * as passwordResets from './2026-12-04T0300_password_resets.js';
import * as uitdatabankSettings from './2026-12-03T0130_uitdatabank_settings.js';
import * as utickOrders from './2026-12-04T0400_utick_orders.js';
import * as catalogueKeyLastUsed from './2026-12-05T0400_catalogue_key_last_used.js';
import * as utickOrderVouchers from './2026-12-05T0500_utick_order_vouchers.js';
import * as season from './2026-12-04T0200_season.js';
import * as quotaCounts from './2026-12-05T0200_quota_counts.js';
import * as dipChanges from './2026-12-05T0700_dip_changes.js';
import * as ticketsIndex from './2026-12-06T0100_tickets_index.js';

const migrations: Record<string, Migration> = {
  '2026-11-23T1000_foundation': foundation,
  '2026-11-23T1100_jobs': jobs,
  '2026-11-23T1200_selling': selling,
  '2026-11-23T1300_dip': dip,
  '2026-11-23T1400_uitpas': uitpas,
  '2026-11-23T1500_packs_streams': packsStreams,
  '2026-11-23T1600_reports': reports,
  '2026-11-23T1700_report_rollups': reportRollups,
  '2026-12-02T1100_money_bigint': moneyBigint,
  '2026-12-02T1200_personal_data': personalData,
  '2026-12-02T1200_retention': retention,
  '2026-12-02T1300_payments': payments,
  '2026-12-02T1400_mail': mail,
  '2026-12-02T1500_shop': shop,
  '2026-12-02T1600_checkin': checkin,
  '2026-12-02T1700_dip_read_back': dipReadBack,
  '2026-12-02T1800_customer_phone_digits': customerPhoneDigits,
  '2026-12-02T1810_idempotency_lease': idempotencyLease,
  '2026-12-02T1810_block_created_by': blockCreatedBy,
  '2026-12-02T2200_fees_vat': feesVat,
  '2026-12-02T2200_till': till,
  '2026-12-02T2300_text_nfc': textNfc,
  '2026-12-02T2200_uitpas_price_classes_checkins': uitpasPriceClassesCheckins,
  '2026-12-03T0100_audit': audit,
  '2026-12-03T0140_venue_branding': venueBranding,
  '2026-12-03T0130_uitdatabank_settings': uitdatabankSettings,
  '2026-12-03T0110_report_daily_money': reportDailyMoney,
  '2026-12-03T0111_shop_buyer_cancel': shopBuyerCancel,
  '2026-12-04T0100_shift_settings': shiftSettings,
  '2026-12-04T0300_password_resets': passwordResets,
  '2026-12-04T0400_utick_orders': utickOrders,
  '2026-12-04T0200_season': season,
  '2026-12-05T0400_catalogue_key_last_used': catalogueKeyLastUsed,
  '2026-12-05T0500_utick_order_vouchers': utickOrderVouchers,
  '2026-12-05T0200_quota_counts': quotaCounts,
  '2026-12-05T0700_dip_changes': dipChanges,
  '2026-12-06T0100_tickets_index': ticketsIndex,
};

/** Every migration this Foyer knows, in order (a backup made by a newer Foyer has others). */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

// Kysely<any>: migrations run against the schema as it was when they were written.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Work landed in parallel can list a migration before one a database already ran; it still runs once.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
