// The workflow table read as the work plan says it: who may move an event, from where, to where.
import { describe, expect, it } from 'vitest';
import { EVENT_ACTIONS, EVENT_TRANSITIONS, availableActions, checkTransition, describeEventError, relationsTo, type EventRelation } from './event-machine.js';
import { EVENT_STATUSES, OPEN_EVENT_STATUSES, isOpenStatus, open311Status } from './event-status.js';

const event = { reporterAccountId: 'w1', leadDepartmentId: 'police', path: '/511124/511124101/511124101001/G01/', escalated: false };
const relations = (...items: EventRelation[]) => new Set(items);

describe('the event workflow table', () => {
  it.each([
    ['accept', 'reported', 'center', 'accepted'],
    ['reject', 'reported', 'center', 'rejected'],
    ['merge', 'accepted', 'center', 'merged'],
    ['resolve_on_spot', 'reported', 'reporter', 'closed'],
    ['dispatch', 'accepted', 'center', 'dispatched'],
    ['return', 'dispatched', 'lead_department', 'accepted'],
    ['sign_for', 'dispatched', 'lead_department', 'signed'],
    ['handle', 'signed', 'lead_department', 'handled'],
    ['verify_pass', 'handled', 'grid_worker', 'closed'],
    ['verify_fail', 'handled', 'center', 'signed'],
    ['escalate', 'signed', 'center', null],
    ['supervise', 'dispatched', 'county', null],
  ] as const)('%s from %s by %s leads to %s', (action, from, by, to) => {
    expect(checkTransition(action, from, relations(by))).toEqual({ ok: true, to });
  });

  it('refuses every action from a closed, rejected or merged event', () => {
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      for (const action of EVENT_ACTIONS) {
        expect(checkTransition(action, status, relations('center', 'county', 'lead_department', 'grid_worker', 'reporter'))).toEqual({ ok: false, code: 'EVENT_TRANSITION_INVALID' });
      }
    }
  });

  it('names a wrong status before a wrong caller, so the answer says what is wrong with the event', () => {
    expect(checkTransition('sign_for', 'reported', relations('grid_worker'))).toEqual({ ok: false, code: 'EVENT_TRANSITION_INVALID' });
    expect(checkTransition('sign_for', 'dispatched', relations('grid_worker'))).toEqual({ ok: false, code: 'EVENT_ACTION_NOT_YOURS' });
  });

  it('starts every transition from open statuses only, and leads only to known ones', () => {
    for (const action of EVENT_ACTIONS) {
      const transition = EVENT_TRANSITIONS[action];
      expect(transition.from.every(isOpenStatus)).toBe(true);
      if (transition.to !== null) expect(EVENT_STATUSES).toContain(transition.to);
      expect(transition.by.length).toBeGreaterThan(0);
    }
  });

  it('maps to Open311: everything before 结案 is open', () => {
    expect(OPEN_EVENT_STATUSES.map(open311Status)).toEqual(['open', 'open', 'open', 'open', 'open']);
    expect(['closed', 'rejected', 'merged'].map((status) => open311Status(status as 'closed'))).toEqual(['closed', 'closed', 'closed']);
  });
});

describe('how a caller stands to an event', () => {
  const facts = (role: Parameters<typeof relationsTo>[0]['role'], callerPath: string, extra: Partial<Parameters<typeof relationsTo>[0]> = {}) =>
    relationsTo({ role, accountId: 'x', departmentId: null, callerPath, event, ...extra });

  it('makes a township operator the center of its events until the county takes one over', () => {
    expect(facts('center_operator', '/511124/511124101/')).toEqual(relations('center'));
    expect(relationsTo({ role: 'center_operator', accountId: 'x', departmentId: null, callerPath: '/511124/511124101/', event: { ...event, escalated: true } })).toEqual(relations());
    expect(facts('county_admin', '/511124/')).toEqual(relations('county', 'center'));
  });

  it('gives a department only the events it leads', () => {
    expect(facts('dept_handler', '/511124/511124101/', { departmentId: 'police' })).toEqual(relations('lead_department'));
    expect(facts('dept_leader', '/511124/511124101/', { departmentId: 'judicial' })).toEqual(relations());
  });

  it('lets a grid worker of the village verify, and the reporter resolve on the spot', () => {
    expect(facts('grid_worker_parttime', '/511124/511124101/511124101001/', { accountId: 'w1' })).toEqual(relations('grid_worker', 'reporter'));
    expect(facts('grid_worker_fulltime', '/511124/511124101/511124101002/', { accountId: 'w1' })).toEqual(relations());
    expect(availableActions('handled', relations('grid_worker'))).toEqual(['verify_pass', 'verify_fail']);
  });

  it('words an error about an action in the reader’s language', () => {
    expect(describeEventError({ action: 'sign_for', status: 'reported', field: 'note' }, 'zh-CN')).toEqual({ actionName: '签收', statusName: '待受理', field: '说明' });
    expect(describeEventError({ action: 'sign_for' }, 'en-US')).toEqual({ actionName: 'Sign for' });
  });
});
