import type { Insertable, Selectable } from 'kysely';

/** `door`: check-in at the doors only (the /api/checkin routes). */
export const ROLES = ['admin', 'boxoffice', 'reporting', 'door'] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
}
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;

export interface SessionTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  organisation_id: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface ApiClientTable {
  id: string;
  organisation_id: string;
  client_id: string;
  /** sha256 of the secret: secrets are long random strings, so a fast hash is enough. */
  secret_hash: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}
export type ApiClient = Selectable<ApiClientTable>;

/** A one-time password reset code a manager gave a user (staff/reset.ts); only its hash is kept. */
export interface PasswordResetTable {
  user_id: string;
  organisation_id: string;
  code_hash: string;
  expires_at: string;
  created_by: string;
  created_at: string;
}

export interface StaffTables {
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  api_clients: ApiClientTable;
  password_resets: PasswordResetTable;
}
