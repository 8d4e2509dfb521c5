// 阵地检查: the five items of a sub-center or village station (场地、标识、设备、人员、制度), each
// met / partly / not met with a note and photos, the day checked and a general note.
import { useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Space, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STATION_ITEMS, STATION_ITEM_LABELS, STATION_ITEM_STATES, STATION_ITEM_STATE_LABELS, type StationInspection, type StationItem, type StationItemState } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { PhotoUpload, photoProblem, photosUploading, uploadedIds } from '../publicity/photo-upload.js';

interface Values {
  checkedOn: Dayjs;
  note?: string;
  states: Record<StationItem, StationItemState>;
  notes: Partial<Record<StationItem, string>>;
}

export function InspectionFormModal({ unit, onClose, onSaved }: { unit: { id: string; name: string }; onClose(): void; onSaved(inspection: StationInspection): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<Partial<Record<StationItem, UploadFile[]>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // The same key for every try of this dialog: a retry after a lost answer records nothing twice.
  const clientKey = useMemo(() => `console-${crypto.randomUUID()}`, []);
  const allPhotos = Object.values(photos).flat();

  async function save(values: Values) {
    const problem = photoProblem(allPhotos, t);
    if (problem) return setError(problem);
    setBusy(true);
    setError('');
    try {
      const items = Object.fromEntries(
        STATION_ITEMS.map((item) => {
          const note = values.notes?.[item]?.trim();
          const ids = uploadedIds(photos[item] ?? []);
          return [item, { state: values.states[item], ...(note ? { note } : {}), ...(ids.length > 0 ? { photoIds: ids } : {}) }];
        }),
      );
      const inspection = await api.post<StationInspection>('/api/stations/inspections', { clientKey, unitId: unit.id, checkedOn: values.checkedOn.format('YYYY-MM-DD'), ...(values.note?.trim() ? { note: values.note.trim() } : {}), items });
      message.success(t('已保存检查结果', 'Inspection saved'));
      onSaved(inspection);
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`${t('阵地检查', 'Station inspection')} · ${unit.name}`} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} okButtonProps={{ disabled: photosUploading(allPhotos) }} onCancel={onClose} onOk={() => form.submit()} width={760} destroyOnHidden>
      <Form<Values>
        form={form}
        name="inspection-form"
        layout="vertical"
        initialValues={{ checkedOn: dayjs(), states: Object.fromEntries(STATION_ITEMS.map((item) => [item, 'met'])) }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="checkedOn" label={t('检查日期', 'Date checked')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {STATION_ITEMS.map((item) => (
          <div key={item} data-item={item} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginBottom: 8 }}>
            <Typography.Text strong>{STATION_ITEM_LABELS[item][locale]}</Typography.Text>
            <Space wrap align="start" style={{ width: '100%', marginTop: 8 }}>
              <Form.Item name={['states', item]} style={{ marginBottom: 8 }}>
                <Radio.Group aria-label={STATION_ITEM_LABELS[item][locale]} optionType="button" buttonStyle="solid" options={STATION_ITEM_STATES.map((value) => ({ value, label: STATION_ITEM_STATE_LABELS[value][locale] }))} />
              </Form.Item>
              <Form.Item name={['notes', item]} style={{ marginBottom: 8 }}>
                <Input aria-label={`${STATION_ITEM_LABELS[item][locale]} ${t('说明', 'note')}`} placeholder={t('说明（可选）', 'Note (optional)')} maxLength={500} style={{ width: 240 }} />
              </Form.Item>
              <PhotoUpload files={photos[item] ?? []} onChange={(files) => setPhotos((current) => ({ ...current, [item]: files }))} max={6} label={`${STATION_ITEM_LABELS[item][locale]} ${t('照片', 'photos')}`} />
            </Space>
          </div>
        ))}
        <Form.Item name="note" label={t('总体意见', 'General note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
