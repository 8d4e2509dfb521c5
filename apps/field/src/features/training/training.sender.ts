// Sends a QR sign-in from the outbox. The item's key is the check-in's client key, so a repeat
// of one that landed (its answer lost) is answered with the first result; `at` is when the worker
// tapped 签到, so a sign-in made with no signal counts for the session's day when sent later. A
// refusal (wrong code, cancelled, another day) waits for the worker as 需处理.
import { api } from '@gridwork/client';
import type { TrainingAttendance } from '@gridwork/core';
import type { TrainingCheckInItem } from '../outbox/outbox.types.js';

export function deliverTrainingCheckIn(item: TrainingCheckInItem): Promise<TrainingAttendance> {
  return api.post<TrainingAttendance>('/api/training/check-in', { ...item.body, clientKey: item.key });
}
