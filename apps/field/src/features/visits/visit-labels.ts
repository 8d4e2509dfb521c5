// The words of a visit on the phone, in the app's language (read when shown, so a switch of
// language applies everywhere).
import { t } from '../../app/i18n.js';
import type { ScheduleStatus, VisitFlag, VisitMet, VisitReviewState, VisitSituation } from '@gridwork/core';

export function metLabel(met: VisitMet): string {
  switch (met) {
    case 'person':
      return t('本人', 'The person');
    case 'relative':
      return t('亲属', 'A relative');
    case 'nobody':
      return t('无人在家', 'Nobody home');
  }
}

export function situationLabel(situation: VisitSituation): string {
  return situation === 'normal' ? t('正常', 'Normal') : t('异常', 'Abnormal');
}

export function dueStatusLabel(status: ScheduleStatus): string {
  switch (status) {
    case 'upcoming':
      return t('未到期', 'Upcoming');
    case 'due_week':
      return t('本周到期', 'Due this week');
    case 'overdue':
      return t('已逾期', 'Overdue');
    case 'missed':
      return t('漏访', 'Missed');
  }
}

export function flagLabel(flag: VisitFlag, distanceM: number | null): string {
  return flag === 'far_from_address'
    ? distanceM === null
      ? t('离住址较远', 'Far from the address')
      : t(`离住址约 ${Math.round(distanceM)} 米`, `About ${Math.round(distanceM)} m from the address`)
    : t('与上一次走访间隔不合理', 'Too soon after the previous visit elsewhere');
}

export function reviewLabel(review: VisitReviewState): string | null {
  switch (review) {
    case 'none':
      return null;
    case 'pending':
      return t('待中心核实', 'Awaiting the center’s review');
    case 'accepted':
      return t('中心已认可', 'Accepted by the center');
    case 'rejected':
      return t('中心未认可', 'Not accepted by the center');
  }
}

/** A time in Shanghai as the worker reads it: 12月2日 14:05. */
export function shanghaiMoment(iso: string): string {
  return new Date(iso).toLocaleString(t('zh-CN', 'en-GB'), {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
