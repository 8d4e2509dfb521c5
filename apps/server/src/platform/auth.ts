// Puts the caller's session on the request for routes that need one, and checks the caller's
// permission from the core table. The cookie is HttpOnly and SameSite=Strict, so page scripts
// cannot read it and other sites cannot send it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, can, type Permission } from '@gridwork/core';
import { actorOf, type AuthService, type AuthenticatedSession } from '../modules/auth/auth.service.js';
import type { AuditTrail } from './audit.js';

export const SESSION_COOKIE = 'gw_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unless the request carries a live session. */
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: a live session whose role has the permission, else 403 (audited). */
    requirePermission: (
      permission: Permission,
    ) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyContextConfig {
    /** Reachable while the account must still change its password (me, sign-out, change it). */
    allowPendingPasswordChange?: boolean;
  }
}

export function originOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

export function installSessionGuard(app: FastifyInstance, auth: AuthService, audit: AuditTrail): void {
  app.decorateRequest('session', null);

  async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      request.session = await auth.authenticate(request.cookies[SESSION_COOKIE]);
    } catch (error) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw error;
    }
    if (request.session.user.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
  }

  // A signed-in caller who asks for a record outside their scope (or one that does not exist: the
  // answer is the same 404 on purpose) is recorded, so that the audit admin sees someone probing.
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND' || !request.session) return;
    const params = request.params as Record<string, unknown> | undefined;
    await audit.appendAlone(actorOf(request.session, originOf(request)), {
      action: 'access.not_found',
      outcome: 'denied',
      ...(typeof params?.['id'] === 'string' ? { objectId: params['id'] } : {}),
      details: { route: `${request.method} ${request.routeOptions.url ?? ''}` },
    });
  });

  app.decorate('requireSession', requireSession);
  app.decorate(
    'requirePermission',
    (permission: Permission) => async (request: FastifyRequest, reply: FastifyReply) => {
      await requireSession(request, reply);
      const session = sessionOf(request);
      if (!can(session.user.role, permission)) {
        await audit.appendAlone(actorOf(session, originOf(request)), {
          action: 'access.denied',
          outcome: 'denied',
          details: { permission, route: `${request.method} ${request.routeOptions.url ?? ''}` },
        });
        throw new DomainError('FORBIDDEN', { permission });
      }
    },
  );
}

/** The session of a route guarded by requireSession or requirePermission. */
export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.session) throw new TypeError('route is missing the requireSession guard');
  return request.session;
}
