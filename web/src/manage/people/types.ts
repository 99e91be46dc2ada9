import type { StaffRole } from './words.js';

export interface StaffUser {
  id: string; email: string; name: string; role: StaffRole; disabled: boolean; createdAt: string;
  lastSignInAt: string | null; resetOpenUntil: string | null;
}
export interface SignIn { at: string; ip: string; succeeded: boolean }
export interface ApiClient { id: string; clientId: string; name: string; role: StaffRole; createdAt: string; revokedAt: string | null }
