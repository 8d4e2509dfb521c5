// HTTP for sign-in, sign-out and one's own sessions. Validation and error shapes come from the
// schemas; the rules live in the service.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ChangePasswordBodySchema,
  CurrentUserSchema,
  ErrorResponseSchema,
  SessionSchema,
  SignInBodySchema,
} from '@gridwork/core';
import { SESSION_COOKIE, originOf, sessionOf } from '../../platform/auth.js';
import type { AuthService } from './auth.service.js';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
};

export function registerAuthRoutes(
  root: FastifyInstance,
  auth: AuthService,
  cookie: { secure: boolean; absoluteHours: number },
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in with username and password',
        body: SignInBodySchema,
        response: {
          200: Type.Object({ user: CurrentUserSchema }),
          423: ErrorResponseSchema,
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await auth.signIn({ ...request.body, ...originOf(request) });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookie.secure,
        maxAge: cookie.absoluteHours * 3600,
      });
      return { user: session.user };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      preValidation: app.requireSession,
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录 Sign out', response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await auth.signOut(sessionOf(request), originOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      preValidation: app.requireSession,
      config: { allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '当前用户 The signed-in user',
        response: { 200: CurrentUserSchema, ...errors },
      },
    },
    async (request) => sessionOf(request).user,
  );

  app.post(
    '/api/auth/change-password',
    {
      preValidation: app.requireSession,
      config: { allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change my password (ends my other sessions)',
        body: ChangePasswordBodySchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await auth.changePassword(sessionOf(request), originOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      preValidation: app.requireSession,
      schema: {
        tags: ['auth'],
        summary: '我的会话 My open sessions',
        response: { 200: Type.Object({ items: Type.Array(SessionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await auth.listSessions(sessionOf(request)) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      preValidation: app.requireSession,
      schema: {
        tags: ['auth'],
        summary: '结束我的一个会话 End one of my sessions',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) }),
        response: { 204: Type.Null(), 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await auth.revokeOwnSession(sessionOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
