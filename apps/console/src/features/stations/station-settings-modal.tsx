// 阵地建设设置: the county's two settings — after how many days a station's last inspection is
// overdue, and how many hand-held terminals one grid worker may hold.
import { useEffect, useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Spin } from 'antd';
import { STATION_STALE_DAYS_MAX, TERMINALS_PER_WORKER_MAX, type StationSettings } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

interface Values {
  staleDays: number;
  terminalsPerWorker: number;
}

export function StationSettingsModal({ onClose, onSaved }: { onClose(): void; onSaved(settings: StationSettings): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    api.get<StationSettings>('/api/stations/settings').then(
      (settings) => {
        if (!alive) return;
        form.setFieldsValue({ staleDays: settings.staleDays, terminalsPerWorker: settings.terminalsPerWorker });
        setLoaded(true);
      },
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [form, t]);

  async function save(values: Values) {
    setBusy(true);
    setError('');
    try {
      const settings = await api.put<StationSettings>('/api/stations/settings', { staleDays: values.staleDays, terminalsPerWorker: values.terminalsPerWorker });
      message.success(t('已保存设置', 'Settings saved'));
      onSaved(settings);
    } catch (caught) {
      const named = Object.entries(caught instanceof ApiError ? caught.fieldErrors() : {}).filter(([name]) => name === 'staleDays' || name === 'terminalsPerWorker');
      if (named.length > 0) form.setFields(named.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
      else setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('阵地建设设置', 'Station settings')} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} okButtonProps={{ disabled: !loaded }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {/* Not editable until the settings are in: they would overwrite what was typed before. */}
      <Spin spinning={!loaded && !error}>
        <Form<Values> form={form} name="station-settings-form" layout="vertical" disabled={!loaded} onFinish={(values) => void save(values)}>
          <Form.Item name="staleDays" label={t('检查逾期天数', 'Days before an inspection is overdue')} extra={t('阵地最近一次检查超过该天数即标为逾期', 'A station whose last inspection is older than this is marked overdue')} rules={[{ required: true, message: t('请填写天数', 'Give the number of days') }]}>
            <InputNumber min={1} max={STATION_STALE_DAYS_MAX} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="terminalsPerWorker" label={t('每名网格员可持有终端数', 'Terminals per grid worker')} rules={[{ required: true, message: t('请填写数量', 'Give the number') }]}>
            <InputNumber min={1} max={TERMINALS_PER_WORKER_MAX} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Spin>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
