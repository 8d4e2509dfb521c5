// Indicators from events, cards and sign-ins: login rate, on-time sign-for and handling, closure,
// return and rework, report quota, valid reports, yellow and red cards.
import type { IndicatorSource } from './indicator-source.js';

export const eventIndicators: IndicatorSource = {
  codes: ['login_rate', 'sign_for_on_time', 'handle_on_time', 'closure_rate', 'rework_rate', 'quota_attainment', 'valid_report_rate', 'yellow_cards', 'red_cards'],
  compute: () => Promise.resolve(new Map()),
  facts: () => Promise.resolve({ facts: [], truncated: false }),
};
