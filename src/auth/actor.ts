import type { Role } from '../staff/roles';

/** Who is acting: a logged-in staff member, or a citizen holding a chat token. */
export interface StaffActor {
  kind: 'staff';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Only log-out, the own session and the password change are allowed until it is changed. */
  mustChangePassword: boolean;
}

export interface CitizenActor {
  kind: 'citizen';
  chatId: string;
}

export type Actor = StaffActor | CitizenActor;
