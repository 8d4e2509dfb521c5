// 记录宣传活动: the unit (a township or a village of mine), kind, day, place, audience (reads for a
// WeChat post), what was done and photos; the client key makes a double click or a retry harmless.
// Given an activity, the same dialog edits it (PATCH with its version; the unit stays).
import { useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, audienceMeaning, type PublicityActivity, type PublicityKind } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { PhotoUpload, photoProblem, photosUploading, uploadedIds } from './photo-upload.js';
import { DailyUnitPicker } from './unit-picker.js';

interface Values {
  unitId: string;
  kind: PublicityKind;
  heldOn: Dayjs;
  place: string;
  audience?: number | null;
  description?: string;
}

const FORM_FIELDS: readonly (keyof Values)[] = ['unitId', 'kind', 'heldOn', 'place', 'audience', 'description'];

/** A stored photo as an upload list entry, so an edit keeps it unless removed. */
const storedPhoto = (id: string, index: number): UploadFile => ({ uid: id, name: `${index + 1}.jpg`, status: 'done', response: id, url: `/api/photos/${id}`, thumbUrl: `/api/photos/${id}` });

export function PublicityFormModal({ activity, onClose, onSaved }: { activity?: PublicityActivity; onClose(): void; onSaved(activity: PublicityActivity): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>(() => (activity?.photoIds ?? []).map(storedPhoto));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const clientKey = useMemo(() => `console-${crypto.randomUUID()}`, []);
  const kind = Form.useWatch('kind', form);

  async function save(values: Values) {
    const problem = photoProblem(files, t);
    if (problem) return setError(problem);
    setBusy(true);
    setError('');
    try {
      if (activity) {
        const saved = await api.patch<PublicityActivity>(`/api/publicity/${activity.id}`, {
          version: activity.version,
          kind: values.kind,
          heldOn: values.heldOn.format('YYYY-MM-DD'),
          place: values.place.trim(),
          audience: values.audience ?? null,
          description: values.description?.trim() ?? '',
          photoIds: uploadedIds(files),
        });
        message.success(t('已保存修改', 'Changes saved'));
        return onSaved(saved);
      }
      const created = await api.post<PublicityActivity>('/api/publicity', {
        clientKey,
        unitId: values.unitId,
        kind: values.kind,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        place: values.place.trim(),
        ...(values.audience !== undefined && values.audience !== null ? { audience: values.audience } : {}),
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        photoIds: uploadedIds(files),
      });
      message.success(t('已记录宣传活动', 'Publicity activity recorded'));
      onSaved(created);
    } catch (caught) {
      // The server names the field it refuses: show it there, anything else above the buttons.
      const named = Object.entries(caught instanceof ApiError ? caught.fieldErrors() : {}).filter(([name]) => FORM_FIELDS.includes(name as keyof Values));
      if (named.length > 0) form.setFields(named.map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
      else setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={activity ? t('修改宣传活动', 'Edit the publicity activity') : t('记录宣传活动', 'Record a publicity activity')} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} okButtonProps={{ disabled: photosUploading(files) }} onCancel={onClose} onOk={() => form.submit()} width={620} destroyOnHidden>
      <Form<Values> form={form} name="publicity-form" layout="vertical" initialValues={activity ? { kind: activity.kind, heldOn: dayjs(activity.heldOn), place: activity.place, audience: activity.audience, description: activity.description } : { heldOn: dayjs() }} onFinish={(values) => void save(values)}>
        {activity ? (
          <Form.Item label={t('单位（乡镇或村/社区）', 'Unit (township or village)')}>
            <Input aria-label={t('单位', 'Unit')} value={activity.unitKind === 'township' ? activity.unitName : `${activity.townshipName ?? ''} ${activity.unitName}`} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('单位（乡镇或村/社区）', 'Unit (township or village)')} rules={[{ required: true, message: t('请选择乡镇或村（社区）', 'Pick a township or village') }]}>
            <DailyUnitPicker placeholder={t('选择单位', 'Pick a unit')} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('形式', 'Kind')} rules={[{ required: true, message: t('请选择宣传形式', 'Pick a kind') }]}>
          <Select options={PUBLICITY_KINDS.map((value) => ({ value, label: PUBLICITY_KIND_LABELS[value][locale] }))} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Pick the date') }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, whitespace: true, message: t('请填写地点', 'Give the place') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="audience" label={kind ? audienceMeaning(kind, locale) : t('受众人数', 'People reached')} extra={t('微信推送填阅读量', 'For a WeChat post, its reads')}>
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="description" label={t('内容', 'Description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('照片', 'Photos')} extra={t('建议至少上传一张现场照片', 'At least one photo is recommended')}>
          <PhotoUpload files={files} onChange={setFiles} label={t('上传宣传照片', 'Upload publicity photos')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
