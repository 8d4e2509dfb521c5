// HTTP for account administration. Permissions come from the core table; scope and rules from
// the service.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AccountListQuerySchema,
  AccountSchema,
  AssignRoleBodySchema,
  CreateAccountBodySchema,
  ErrorResponseSchema,
  HandoverBodySchema,
  HandoverResultSchema,
  ResetPasswordBodySchema,
  UpdateAccountBodySchema,
} from '@gridwork/core';
import { originOf, sessionOf } from '../../platform/auth.js';
import { actorOf } from '../auth/auth.service.js';
import type { AccountsService } from './accounts.service.js';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 36 }) });

export function registerAccountRoutes(root: FastifyInstance, accounts: AccountsService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];

  app.get(
    '/api/accounts',
    {
      preValidation: app.requirePermission('account.read'),
      schema: {
        tags,
        summary: '账号列表 Accounts in my scope',
        querystring: AccountListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(AccountSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await accounts.list(sessionOf(request), request.query) }),
  );

  app.post(
    '/api/accounts',
    {
      preValidation: app.requirePermission('account.manage'),
      schema: {
        tags,
        summary: '新建账号 Create an account (password to change at first sign-in)',
        body: CreateAccountBodySchema,
        response: { 201: AccountSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const account = await accounts.create(session, actorOf(session, originOf(request)), request.body);
      return reply.code(201).send(account);
    },
  );

  app.get(
    '/api/accounts/:id',
    {
      preValidation: app.requirePermission('account.read'),
      schema: {
        tags,
        summary: '账号详情 One account',
        params: IdParams,
        response: { 200: AccountSchema, ...errors },
      },
    },
    async (request) => accounts.get(sessionOf(request), request.params.id),
  );

  app.patch(
    '/api/accounts/:id',
    {
      preValidation: app.requirePermission('account.manage'),
      schema: {
        tags,
        summary: '修改账号 Edit name, unit or department',
        params: IdParams,
        body: UpdateAccountBodySchema,
        response: { 200: AccountSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return accounts.update(session, actorOf(session, originOf(request)), request.params.id, request.body);
    },
  );

  app.put(
    '/api/accounts/:id/role',
    {
      preValidation: app.requirePermission('account.assign_role'),
      schema: {
        tags,
        summary: '授予角色 Grant a role (security administrator)',
        params: IdParams,
        body: AssignRoleBodySchema,
        response: { 200: AccountSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return accounts.assignRole(
        session,
        actorOf(session, originOf(request)),
        request.params.id,
        request.body.role,
      );
    },
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      preValidation: app.requirePermission('account.manage'),
      schema: {
        tags,
        summary: '重置密码 Reset the password (to change at next sign-in)',
        params: IdParams,
        body: ResetPasswordBodySchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await accounts.resetPassword(
        session,
        actorOf(session, originOf(request)),
        request.params.id,
        request.body.newPassword,
      );
      return reply.code(204).send(null);
    },
  );

  for (const [action, disabled, summary] of [
    ['disable', true, '停用账号 Disable (ends its sessions)'],
    ['enable', false, '启用账号 Enable'],
  ] as const) {
    app.post(
      `/api/accounts/:id/${action}`,
      {
        preValidation: app.requirePermission('account.manage'),
        schema: { tags, summary, params: IdParams, response: { 200: AccountSchema, ...errors } },
      },
      async (request) => {
        const session = sessionOf(request);
        return accounts.setDisabled(
          session,
          actorOf(session, originOf(request)),
          request.params.id,
          disabled,
        );
      },
    );
  }

  app.delete(
    '/api/accounts/:id/sessions',
    {
      preValidation: app.requirePermission('session.revoke'),
      schema: {
        tags,
        summary: '强制下线 End all sessions of an account',
        params: IdParams,
        response: { 200: Type.Object({ ended: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return {
        ended: await accounts.revokeSessions(session, actorOf(session, originOf(request)), request.params.id),
      };
    },
  );

  app.post(
    '/api/accounts/:id/handover',
    {
      preValidation: app.requirePermission('handover.perform'),
      schema: {
        tags,
        summary: '人员交接 Hand all work over to another account, then disable this one',
        params: IdParams,
        body: HandoverBodySchema,
        response: { 200: HandoverResultSchema, ...errors },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return accounts.handover(
        session,
        actorOf(session, originOf(request)),
        request.params.id,
        request.body.toAccountId,
      );
    },
  );
}
