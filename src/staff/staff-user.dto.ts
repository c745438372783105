import type { Role } from './roles';
import type { AgentStatus, StaffUserEntity } from './staff-user.entity';

export interface StaffUserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface StaffMemberDto extends StaffUserDto {
  status: AgentStatus;
  disabled: boolean;
}

export const mapStaffUser = (user: StaffUserEntity): StaffUserDto => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

export const mapStaffMember = (user: StaffUserEntity): StaffMemberDto => ({
  ...mapStaffUser(user),
  status: user.status,
  disabled: user.disabled,
});
