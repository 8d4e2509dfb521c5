// A visit the server refused (a time it does not accept, say) is corrected on the phone and sent
// again: the time, whom the worker met and the notes; the person, place and photos stay as taken.
import { useState } from 'react';
import { Button, DatePicker, Form, Selector, TextArea } from 'antd-mobile';
import { VISIT_MET, type VisitMet } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import type { RecordVisitItem } from '../outbox/outbox.types.js';
import { metLabel, shanghaiMoment } from './visit-labels.js';

interface EditVisitFormProps {
  readonly item: RecordVisitItem;
  /** Called with the corrected item, to be put back in the outbox and sent. */
  readonly onSave: (item: RecordVisitItem) => void;
}

export function EditVisitForm({ item, onSave }: EditVisitFormProps) {
  const [visitedAt, setVisitedAt] = useState(() => new Date(item.body.visitedAt));
  const [pickingTime, setPickingTime] = useState(false);
  const [met, setMet] = useState<VisitMet>(item.body.met);
  return (
    <Form
      name="edit-visit"
      layout="vertical"
      initialValues={{ notes: item.body.notes ?? '' }}
      onFinish={(values: { notes?: string }) => {
        const notes = (values.notes ?? '').trim().slice(0, 2000);
        const { notes: _previous, ...rest } = item.body;
        onSave({ ...item, body: { ...rest, visitedAt: visitedAt.toISOString(), met, ...(notes ? { notes } : {}) } });
      }}
      footer={
        <Button block type="submit" color="primary">
          {t('保存并重新上传', 'Save and send again')}
        </Button>
      }
    >
      <Form.Header>{item.personName}</Form.Header>
      <Form.Item label={t('走访时间', 'Time of the visit')} clickable arrowIcon onClick={() => setPickingTime(true)}>
        <span data-testid="edit-visited-at">{shanghaiMoment(visitedAt.toISOString())}</span>
        <DatePicker
          visible={pickingTime}
          onClose={() => setPickingTime(false)}
          precision="minute"
          max={new Date()}
          value={visitedAt}
          onConfirm={setVisitedAt}
          confirmText={t('确定', 'OK')}
          cancelText={t('取消', 'Cancel')}
        />
      </Form.Item>
      <Form.Item label={t('见到', 'Met')}>
        <Selector
          columns={3}
          value={[met]}
          onChange={(value) => value[0] && setMet(value[0])}
          options={VISIT_MET.map((value) => ({ label: metLabel(value), value }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('走访情况', 'Notes')}>
        <TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </Form>
  );
}
