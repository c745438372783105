import { ROLES, Role } from '../staff/roles';

export const PERMISSIONS = [
  'chat:handle', // take chats from the queue, answer, note, transfer, close
  'ticket:read',
  'ticket:write',
  'citizen:lookup',
  'citizen:search', // find a person's tickets by national identity number, without a ticket of theirs
  'desk:supervise', // live board, read-only view of any chat
  'history:read',
  'metrics:read',
  'audit:read',
  'replies:manage',
  'privacy:manage', // find, export and erase one person's records (GDPR)
  'staff:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: Permission[] = ['chat:handle', 'ticket:read', 'ticket:write', 'citizen:lookup'];
const SUPERVISOR: Permission[] = [...AGENT, 'citizen:search', 'desk:supervise', 'history:read', 'metrics:read', 'audit:read', 'replies:manage', 'privacy:manage'];
const ADMIN: Permission[] = [...SUPERVISOR, 'staff:manage'];

const BY_ROLE: Record<Role, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(ADMIN),
};

export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return BY_ROLE[role] ?? new Set();
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return permissionsFor(role).has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
