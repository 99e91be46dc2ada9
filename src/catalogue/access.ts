// Who a /v1 request acts as: an application (its signed key) and, for scanners and printers, one of
// the organisation's door devices named by `deviceid` (the second access kind).
import type { Db } from '../platform/db.js';
import { UtickError } from './envelope.js';
import { optionalId, type Params } from './params.js';
import { authenticateApplication } from './signature.js';

export interface Access {
  orgId: string;
  keyId: string;
  keyLabel: string;
  orgName: string;
  device?: { id: string; name: string; doorId: string };
}

/**
 * The signature is always required: a device id alone is shown on a manager's screen and in logs, so
 * it names the device but proves nothing. A device of another organisation, a revoked one or an
 * unknown one is refused alike.
 */
export async function authenticate(db: Db, p: Params, now: Date): Promise<Access> {
  const deviceId = optionalId(p, 'deviceid');
  const { orgId, keyId, keyLabel } = await authenticateApplication(db, p, now);
  const org = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const access: Access = { orgId, keyId, keyLabel, orgName: org.name };
  if (deviceId) {
    const d = await db.selectFrom('checkin_devices').select(['id', 'name', 'door_id', 'revoked_at'])
      .where('id', '=', deviceId).where('organisation_id', '=', orgId).executeTakeFirst();
    if (!d || d.revoked_at) throw new UtickError(401, 'device-unknown');
    access.device = { id: d.id, name: d.name, doorId: d.door_id };
  }
  return access;
}

/** `system/authenticate`: the application and whose it is (Utick's Application with its Client), and the device. */
export const applicationObject = (a: Access) => ({
  id: a.keyId.toUpperCase(), label: a.keyLabel,
  client: { id: a.orgId.toUpperCase(), label: a.orgName },
  device: a.device ? { id: a.device.id.toUpperCase(), label: a.device.name, client: { id: a.orgId.toUpperCase(), label: a.orgName } } : null,
});
