// Recording a visit (走访) in under a minute, with no signal if need be: the time (now unless
// changed), the GPS point with its accuracy, whom the worker met, normal or abnormal (an abnormal
// one raises an event in one tap), notes and photos. It waits in the outbox like every write.
import { useEffect, useState } from 'react';
import { Button, DatePicker, DotLoading, ErrorBlock, Form, Selector, TextArea, Toast } from 'antd-mobile';
import {
  VISIT_MET,
  VISIT_SITUATIONS,
  type CurrentUser,
  type VisitMet,
  type VisitSituation,
} from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { goBack } from '../../app/router.js';
import { isOnline } from '../../lib/network.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { putOutboxItem } from '../outbox/outbox.store.js';
import { useCategories } from '../report/category-picker.js';
import { PhotoPicker } from '../report/photo-picker.js';
import { usePosition } from '../report/use-position.js';
import { PositionText } from '../report/position-text.js';
import { DEFAULT_VISIT_CATEGORY, RaisedEventFields, type RaisedEventChoice } from './raised-event-fields.js';
import { dueStatusLabel, metLabel, shanghaiMoment, situationLabel } from './visit-labels.js';
import { visitItem } from './visit-item.js';
import { findVisitSubject, type VisitSubject } from './visit-subject.js';

export function RecordVisitPage({
  user,
  personId,
  scheduleId,
}: {
  user: CurrentUser;
  personId: string;
  scheduleId: string | null;
}) {
  const [subject, setSubject] = useState<VisitSubject | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    findVisitSubject(user, personId, scheduleId).then(
      (found) => live && setSubject(found),
      () => live && setSubject(null),
    );
    return () => {
      live = false;
    };
  }, [user, personId, scheduleId]);
  if (subject === undefined) return <DotLoading />;
  if (subject === null)
    return (
      <ErrorBlock
        status="disconnected"
        title={t('打不开这个人员', 'Cannot open this person')}
        description={t(
          '没有信号，手机上也没有保存他的信息',
          'No signal, and the phone keeps nothing about them',
        )}
      />
    );
  return <VisitForm subject={subject} scheduleId={subject.due?.scheduleId ?? scheduleId} />;
}

function VisitForm({ subject, scheduleId }: { subject: VisitSubject; scheduleId: string | null }) {
  const { state: position, locate } = usePosition();
  const { categories } = useCategories();
  const [visitedAt, setVisitedAt] = useState(() => new Date());
  const [pickingTime, setPickingTime] = useState(false);
  const [met, setMet] = useState<VisitMet>('person');
  const [situation, setSituation] = useState<VisitSituation>('normal');
  const [form] = Form.useForm<{ notes?: string; eventDescription?: string }>();
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [raised, setRaised] = useState<RaisedEventChoice>({ raise: true, categoryCode: null });
  const [saving, setSaving] = useState(false);
  const categoryCode =
    raised.categoryCode ??
    categories?.find((category) => category.code === DEFAULT_VISIT_CATEGORY)?.code ??
    null;
  const fix = position.status === 'found' ? position.position : null;

  async function save() {
    const raising = situation === 'abnormal' && raised.raise;
    const category = categories?.find((candidate) => candidate.code === categoryCode) ?? null;
    if (raising && !category) {
      Toast.show({ content: t('请选择事件类别', 'Choose the event’s category') });
      return;
    }
    if (visitedAt.getTime() > Date.now() + 60_000) {
      Toast.show({ content: t('走访时间不能晚于现在', 'The visit cannot be in the future') });
      return;
    }
    setSaving(true);
    const item = visitItem({
      subject,
      scheduleId,
      visitedAt,
      position: fix,
      met,
      situation,
      notes: form.getFieldValue('notes') ?? '',
      photos,
      raise:
        raising && category ? { category, description: form.getFieldValue('eventDescription') ?? '' } : null,
    });
    try {
      await putOutboxItem(item);
      void flushOutbox();
      Toast.show({
        icon: 'success',
        content: isOnline()
          ? t('已提交', 'Sent')
          : t('已保存，有信号时自动上传', 'Saved; it goes up when there is a signal'),
      });
      goBack('/');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      className="visit-form"
      footer={
        <Button block color="primary" size="large" loading={saving} onClick={() => void save()}>
          {t('保存走访', 'Save the visit')}
        </Button>
      }
    >
      <Form.Header>
        <span data-testid="visit-subject">{subject.name}</span>
        {subject.due && (
          <span className="hint visit-due">
            {' '}
            {subject.due.subjectLabel} · {dueStatusLabel(subject.due.status)} {subject.due.dueOn}
          </span>
        )}
      </Form.Header>
      <Form.Item
        label={t('走访时间', 'Time of the visit')}
        clickable
        arrowIcon
        onClick={() => setPickingTime(true)}
      >
        <span data-testid="visited-at">{shanghaiMoment(visitedAt.toISOString())}</span>
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
      <Form.Item label={t('位置', 'Location')}>
        <PositionText state={position} onRetry={locate} />
      </Form.Item>
      <Form.Item label={t('见到', 'Met')}>
        <Selector
          columns={3}
          value={[met]}
          onChange={(value) => value[0] && setMet(value[0])}
          options={VISIT_MET.map((value) => ({ label: metLabel(value), value }))}
        />
      </Form.Item>
      <Form.Item label={t('情况', 'Situation')}>
        <Selector
          columns={2}
          value={[situation]}
          onChange={(value) => value[0] && setSituation(value[0])}
          options={VISIT_SITUATIONS.map((value) => ({ label: situationLabel(value), value }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('走访情况', 'Notes')}>
        <TextArea
          placeholder={t('家中情况、思想动态、需要的帮助', 'How things are at home, concerns, help needed')}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Form.Item>
      <Form.Item label={t('照片', 'Photos')}>
        <PhotoPicker photos={photos} onChange={setPhotos} label={t('拍照', 'Take a photo')} />
      </Form.Item>
      {situation === 'abnormal' && (
        <RaisedEventFields categories={categories} value={{ ...raised, categoryCode }} onChange={setRaised} />
      )}
    </Form>
  );
}
