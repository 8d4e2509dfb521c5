// Sends floating-population registrations from the outbox; each carries its client key, so a send
// whose answer was lost lands once when repeated.
import { api } from '@gridwork/client';
import type { FloatingArrivalItem, FloatingDepartureItem } from '../outbox/outbox.types.js';
import type { FloatingRegistration } from '@gridwork/core';

export function deliverFloatingArrival(item: FloatingArrivalItem): Promise<FloatingRegistration> {
  return api.post<FloatingRegistration>('/api/floating/arrivals', item.body);
}

export function deliverFloatingDeparture(item: FloatingDepartureItem): Promise<FloatingRegistration> {
  return api.post<FloatingRegistration>('/api/floating/departures', item.body);
}
