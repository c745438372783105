import type { Role } from '../staff/roles';

export interface StaffActor {
  kind: 'staff';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface CitizenActor {
  kind: 'citizen';
  chatId: string;
}

export type Actor = StaffActor | CitizenActor;
