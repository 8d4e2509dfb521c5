// The county's two answers to a submitted report: 采用 at a level (county, city, province; an
// adopted report can be raised later) with an optional note, or 退回 with a note saying what to revise.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { INFO_REPORT_LEVELS, INFO_REPORT_LEVEL_LABELS, INFO_REPORT_NOTE_MAX, levelRank, type InfoReport, type InfoReportLevel } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

export function InfoReportReviewModal({ report, action, onClose, onDone }: { report: InfoReport; action: 'adopt' | 'return'; onClose(): void; onDone(report: InfoReport): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ level?: InfoReportLevel; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const levels = INFO_REPORT_LEVELS.filter((level) => levelRank(level) > levelRank(report.level));

  async function finish(values: { level?: InfoReportLevel; note?: string }) {
    setBusy(true);
    setError('');
    try {
      const note = values.note?.trim();
      const done =
        action === 'adopt'
          ? await api.post<InfoReport>(`/api/info-reports/${report.id}/adopt`, { version: report.version, level: values.level, ...(note ? { note } : {}) })
          : await api.post<InfoReport>(`/api/info-reports/${report.id}/return`, { version: report.version, note });
      message.success(action === 'adopt' ? t('已采用', 'Adopted') : t('已退回', 'Returned'));
      onDone(done);
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={action === 'adopt' ? (report.level ? t('提高采用级别', 'Raise the adoption level') : t('采用信息', 'Adopt the report')) : t('退回信息', 'Return the report')}
      okText={action === 'adopt' ? t('采用', 'Adopt') : t('退回', 'Return')}
      okButtonProps={{ danger: action === 'return', loading: busy }}
      cancelText={t('取消', 'Cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)} initialValues={{ level: levels[0] }}>
        {action === 'adopt' && (
          <Form.Item name="level" label={t('采用级别', 'Level')} rules={[{ required: true }]}>
            <Select aria-label={t('采用级别', 'Level')} options={levels.map((level) => ({ value: level, label: INFO_REPORT_LEVEL_LABELS[level][locale] }))} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={action === 'adopt' ? t('意见（可选）', 'Note (optional)') : t('退回意见', 'What to revise')}
          rules={action === 'return' ? [{ required: true, whitespace: true, message: t('请写明退回意见', 'Say what to revise') }] : []}
        >
          <Input.TextArea aria-label={action === 'adopt' ? t('意见', 'Note') : t('退回意见', 'What to revise')} rows={3} maxLength={INFO_REPORT_NOTE_MAX} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
