// The county's settings of the daily check: the cut-off hour and whether rest days are checked.
import { useState } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Switch } from 'antd';
import type { DailyCheckSettingsView } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

interface Values {
  cutoff: string;
  checkRestDays: boolean;
}

export function DailyCheckSettingsButton({ onSaved }: { onSaved: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  async function show() {
    try {
      const current = await api.get<DailyCheckSettingsView>('/api/settings/daily-checks');
      form.setFieldsValue({ cutoff: current.cutoff, checkRestDays: current.checkRestDays });
      setOpen(true);
    } catch (caught) {
      message.error(failureText(caught, t));
    }
  }

  async function save(values: Values) {
    setSaving(true);
    try {
      await api.put<DailyCheckSettingsView>('/api/settings/daily-checks', values);
      message.success(t('已保存督查设置', 'Settings saved'));
      setOpen(false);
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError) form.setFields(Object.entries(caught.fieldErrors()).map(([name, error]) => ({ name: name as keyof Values, errors: [error] })));
      message.error(failureText(caught, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => void show()}>
        {t('督查设置', 'Settings')}
      </Button>
      <Modal title={t('督查设置', 'Daily check settings')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={saving} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="cutoff"
            label={t('每日截止时间', 'Daily cut-off')}
            extra={t('24 小时制，如 17:00；此时仍未登录或仍有未签收事件的单位列入督查', '24-hour HH:MM, e.g. 17:00')}
            rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('请填写 00:00–23:59 的时间，如 17:00', 'A time from 00:00 to 23:59, e.g. 17:00') }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="checkRestDays" label={t('休息日也督查', 'Check rest days too')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
