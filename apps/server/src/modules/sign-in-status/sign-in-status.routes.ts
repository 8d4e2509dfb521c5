// The county's daily check that every township sub-center, village and department signed in
// (系统平台正常运转: 每天定时登录). A township's own accounts sit at its path; a village's at its
// path or below (its grid workers count for it).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DomainError,
  ErrorResponseSchema,
  SignInStatusQuerySchema,
  summarizeIssues,
  toFieldIssues,
  SignInStatusSchema,
  shanghaiDate,
  shanghaiDayRange,
  type SignInStatus,
} from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { sessionOf } from '../../platform/auth.js';
import * as repo from './sign-in-status.repo.js';

type AccountRow = Awaited<ReturnType<typeof repo.accountsInScope>>[number];

function summarise(members: readonly AccountRow[], signedIn: ReadonlySet<string>) {
  const latest = members.reduce<string | null>(
    (max, member) =>
      member.last_sign_in_at && (!max || member.last_sign_in_at > max) ? member.last_sign_in_at : max,
    null,
  );
  return {
    accounts: members.length,
    signedIn: members.some((member) => signedIn.has(member.id)),
    lastSignInAt: latest,
  };
}

export function registerSignInStatusRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/sign-in-status',
    {
      preValidation: app.requirePermission('sign_in_status.read'),
      schema: {
        tags: ['accounts'],
        summary: '登录情况 Which units and departments signed in on a day',
        querystring: SignInStatusQuerySchema,
        response: {
          200: SignInStatusSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request): Promise<SignInStatus> => {
      const scope = sessionOf(request).user.orgPath;
      const date = request.query.date ?? shanghaiDate(ctx.clock());
      let range: { start: string; end: string };
      try {
        range = shanghaiDayRange(date);
      } catch {
        const fields = toFieldIssues(
          'querystring',
          [{ keyword: 'format', instancePath: '/date', params: { format: 'date' } }],
          request.locale,
        );
        throw new DomainError('VALIDATION_FAILED', {
          fields,
          summary: summarizeIssues(fields, request.locale),
        });
      }
      const db = ctx.db.kysely;
      const [units, departments, accounts, signedIn] = await Promise.all([
        repo.unitsInScope(db, scope),
        repo.departmentsInScope(db, scope),
        repo.accountsInScope(db, scope),
        repo.accountsSignedInBetween(db, range.start, range.end),
      ]);
      return {
        date,
        units: units.map((unit) => ({
          ...unit,
          ...summarise(
            accounts.filter(
              (account) =>
                !account.department_id &&
                (unit.kind === 'township'
                  ? account.org_path === unit.path
                  : account.org_path.startsWith(unit.path)),
            ),
            signedIn,
          ),
        })),
        departments: departments.map((department) => ({
          ...department,
          ...summarise(
            accounts.filter((account) => account.department_id === department.id),
            signedIn,
          ),
        })),
      };
    },
  );
}
