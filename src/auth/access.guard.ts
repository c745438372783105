import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, forbidden, unauthenticated } from '../common/errors';
import type { StaffActor } from './actor';
import { AuthService } from './auth.service';
import { csrfTokenMatches, SAFE_METHODS } from './csrf';
import { hasPermission, Permission } from './permissions';
import { PASSWORD_CHANGE_EXEMPT_KEY } from './password-change-exempt.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { PERMISSION_KEY } from './require-permission.decorator';

export type AuthedRequest = Request & { actor?: StaffActor };

// Deny by default: only @Public() opens a route; state-changing methods also need the session's CSRF token.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const actor = await this.auth.actorForSession(request.session);
    if (actor) request.actor = actor;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    if (!actor) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.session.csrfToken, request.headers['x-csrf-token'])) {
      throw new DomainError('FORBIDDEN', 'Missing or wrong x-csrf-token header');
    }
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_EXEMPT_KEY, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Change your password first');
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission && !hasPermission(actor.role, permission)) throw forbidden();
    return true;
  }
}
