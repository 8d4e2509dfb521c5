// The demo's registry verifications (复核), so that 信息准确率 has something to measure: the demo
// village's worker confirms twenty people's records this month and corrects four (an address
// written out in full), through the persons service as the field app would.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { duePersons } from '../persons/persons.repo.js';
import { createPersonsService } from '../persons/persons.service.js';

const CONFIRMED = 20;
const CORRECTED = 4;

export async function seedDemoVerifications(ctx: AppContext, worker: AuthenticatedSession): Promise<void> {
  const persons = createPersonsService(ctx);
  const people = await duePersons(ctx.db.kysely, worker.user.orgPath, null, { normal: '9999', key: '9999' }, CONFIRMED + CORRECTED);
  for (const [index, person] of people.entries()) {
    const corrected = index % 6 === 5;
    await persons.verify(worker, SYSTEM_ACTOR, person.id, {
      version: person.version,
      outcome: corrected ? 'corrected' : 'confirmed',
      ...(corrected ? { corrections: { address: `${person.address ?? ''}（复核更正门牌）`.slice(0, 200) } } : {}),
    });
  }
}
