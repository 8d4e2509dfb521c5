// 核查: the worker checks on site that a department really handled the event — pass closes it,
// fail sends it back with the reason. The answer waits in the outbox like every write.
import { useState } from 'react';
import { Button, Form, Radio, Space, TextArea, Toast } from 'antd-mobile';
import type { EventView } from '@gridwork/core';
import { PhotoPicker } from '../report/photo-picker.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, putOutboxItem } from '../outbox/outbox.store.js';
import type { EventActionItem, VerifyEventAction } from '../outbox/outbox.types.js';
import { isOnline } from '../../lib/network.js';
import { t } from '../../app/i18n.js';

export function VerifyEventForm({ event, onQueued }: { event: EventView; onQueued: () => void }) {
  const [action, setAction] = useState<VerifyEventAction>('verify_pass');
  const [photos, setPhotos] = useState<Blob[]>([]);

  async function submit(values: { note?: string }) {
    const note = values.note?.trim();
    const item: EventActionItem = {
      kind: 'event_action',
      ...freshOutboxFields(`${action === 'verify_pass' ? t('核查通过', 'Check passed') : t('核查不通过', 'Check failed')}：${event.title}`, undefined, photos),
      eventId: event.id,
      body: { action, ...(note ? { note } : {}) },
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({
      icon: 'success',
      content: isOnline() ? t('已提交核查', 'Check sent') : t('已保存，有信号时自动上传', 'Saved: sent when there is a signal'),
    });
    onQueued();
  }

  return (
    <Form
      layout="vertical"
      name="verify"
      mode="card"
      onFinish={(values: { note?: string }) => void submit(values)}
      footer={
        <Button block type="submit" color="primary">
          {t('提交核查', 'Send check')}
        </Button>
      }
    >
      <Form.Header>{t('核查', 'Check')}</Form.Header>
      <Form.Item label={t('核查结果', 'Result')}>
        <Radio.Group value={action} onChange={(value) => setAction(value as VerifyEventAction)}>
          <Space>
            <Radio value="verify_pass">{t('通过', 'Passed')}</Radio>
            <Radio value="verify_fail">{t('不通过', 'Failed')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('核查意见', 'Notes')} rules={action === 'verify_fail' ? [{ required: true, message: t('不通过时请写明原因', 'Say why it failed') }] : []}>
        <TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item label={t('核查照片', 'Photos')}>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </Form.Item>
    </Form>
  );
}
