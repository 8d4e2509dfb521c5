// Puts the caller's session on the request for routes that need one. The cookie is HttpOnly and
// SameSite=Strict, so page scripts cannot read it and other sites cannot send it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService, AuthenticatedSession } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'gw_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unless the request carries a live session. */
    requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export function installSessionGuard(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('session', null);
  app.decorate('requireSession', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      request.session = await auth.authenticate(request.cookies[SESSION_COOKIE]);
    } catch (error) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw error;
    }
  });
}

/** The session of a route guarded by requireSession. */
export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.session) throw new TypeError('route is missing the requireSession guard');
  return request.session;
}
