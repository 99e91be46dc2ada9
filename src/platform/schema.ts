// The database as Kysely sees it: the union of every capability's tables.
import type { OrganisationTables } from '../organisations/tables.js';
import type { StaffTables } from '../staff/tables.js';
import type { VenueTables } from '../venues/tables.js';
import type { ProductionTables } from '../productions/tables.js';
import type { PricingTables } from '../pricing/tables.js';
import type { JobTables } from './jobs-tables.js';
import type { InventoryTables } from '../inventory/tables.js';
import type { BasketTables } from '../baskets/tables.js';
import type { CustomerTables } from '../customers/tables.js';
import type { OrderTables } from '../orders/tables.js';
import type { DipTables } from '../connectors/dip/tables.js';
import type { UitpasTables } from '../connectors/uitpas/tables.js';
import type { UitdatabankTables } from '../connectors/uitdatabank/tables.js';
import type { MollieTables } from '../connectors/mollie/tables.js';
import type { PaymentTables } from '../payments/tables.js';
import type { PackTables } from '../packs/tables.js';
import type { StreamTables } from '../streams/tables.js';
import type { CatalogueTables } from '../catalogue/tables.js';
import type { ReportTables } from '../reports/tables.js';
import type { ShopTables } from '../shop/tables.js';
import type { CheckinTables } from '../checkin/tables.js';
import type { MailTables } from '../mail/tables.js';
import type { MyOrderTables } from '../my-order/tables.js';
import type { PrivacyTables } from '../privacy/tables.js';
import type { FeeTables } from '../fees/tables.js';
import type { VoucherTables } from '../vouchers/tables.js';
import type { ShiftTables } from '../shifts/tables.js';
import type { AuditTables } from '../audit/tables.js';

export interface Database
  extends OrganisationTables,
    StaffTables,
    VenueTables,
    ProductionTables,
    PricingTables,
    JobTables,
    InventoryTables,
    BasketTables,
    CustomerTables,
    OrderTables,
    DipTables,
    UitpasTables,
    UitdatabankTables,
    MollieTables,
    PaymentTables,
    PackTables,
    StreamTables,
    CatalogueTables,
    ReportTables,
    ShopTables,
    CheckinTables,
    MailTables,
    MyOrderTables,
    PrivacyTables,
    FeeTables,
    VoucherTables,
    ShiftTables,
    AuditTables {}
