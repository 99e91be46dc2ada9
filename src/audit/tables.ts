/** One change a person made to something a manager cares about (prices, performances, halls, users, settings). */
export interface AuditEventTable {
  id: string;
  organisation_id: string;
  at: string;
  /** user, client or device (platform/context.ts Actor.kind). */
  actor_kind: string;
  actor_id: string;
  /** The actor's name at the time (a user's name, a client's name, a device's label). */
  actor_name: string;
  /** What kind of thing changed: see AUDIT_SUBJECTS in rules.ts. */
  subject: string;
  subject_id: string;
  /** created, changed, deleted, or a verb of the subject (cancelled, password-reset, ...). */
  action: string;
  /** A short human label of the thing (a production's title, a hall's name), for the list. */
  label: string;
  /** JSON: { field: [before, after] } for the fields that changed; {} when nothing is worth showing. */
  changes: string;
}

export interface AuditTables {
  audit_events: AuditEventTable;
}
