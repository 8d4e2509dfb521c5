// Indicators from daily operations and the registry: visit compliance, registry accuracy and
// completeness, training compliance, information reports, duty lapses, survey rates.
import type { IndicatorSource } from './indicator-source.js';

export const operationsIndicators: IndicatorSource = {
  codes: ['visit_compliance', 'registry_accuracy', 'registry_completeness', 'training_compliance', 'info_report_quota', 'info_report_adoption', 'duty_lapses', 'survey_awareness', 'survey_satisfaction'],
  compute: () => Promise.resolve(new Map()),
  facts: () => Promise.resolve({ facts: [], truncated: false }),
};
