// Registering or changing a household, house, organisation, place or facility: the fields come from
// the kind's definition (its categories, states and key), an organisation adds its legal
// representative and staff. The server checks the credit code and the phone and says so at the
// field; ending a record (closing, dissolving, demolishing, removing) asks for the reason.
import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { ENDING_STATES, RECORD_KIND_DEFINITIONS, type RecordKind, type RecordView } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { showFieldErrors } from './person-form-modal.js';
import { PlacePicker, usePlaceNames, usePreloadPath } from './registry-territory.js';

interface RecordFormValues {
  gridId?: string;
  name?: string;
  address?: string;
  category?: string;
  state?: string;
  reason?: string;
  key?: string;
  lon?: number | null;
  lat?: number | null;
  contactName?: string;
  contactPhone?: string;
  legalRepresentative?: string;
  staffCount?: number | null;
}

const FIELDS = [
  'gridId',
  'name',
  'address',
  'category',
  'state',
  'reason',
  'key',
  'lon',
  'lat',
  'contactName',
  'contactPhone',
  'legalRepresentative',
  'staffCount',
];

export function RecordFormModal({
  kind,
  record,
  onClose,
  onSaved,
}: {
  kind: RecordKind;
  record?: RecordView;
  onClose(): void;
  onSaved(record: RecordView): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordFormValues>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const placeName = usePlaceNames(record ? [record.path] : []);
  usePreloadPath(record?.path);
  const state = Form.useWatch('state', form);
  const ending = Boolean(record && state && state !== record.state && ENDING_STATES.includes(state));
  const label = definition.label[locale];

  async function submit(values: RecordFormValues) {
    setBusy(true);
    setError('');
    const text = (value?: string | null) => value?.trim() ?? '';
    try {
      let saved: RecordView;
      if (!record) {
        saved = await api.post<RecordView>(`/api/${RECORD_SEGMENTS[kind]}`, {
          gridId: values.gridId,
          name: text(values.name),
          category: values.category,
          ...(text(values.address) ? { address: text(values.address) } : {}),
          ...(definition.key && text(values.key) ? { key: text(values.key) } : {}),
          ...(typeof values.lon === 'number' ? { lon: values.lon } : {}),
          ...(typeof values.lat === 'number' ? { lat: values.lat } : {}),
          ...(text(values.contactName) ? { contactName: text(values.contactName) } : {}),
          ...(text(values.contactPhone) ? { contactPhone: text(values.contactPhone) } : {}),
          ...(kind === 'organisation' && text(values.legalRepresentative)
            ? { legalRepresentative: text(values.legalRepresentative) }
            : {}),
          ...(kind === 'organisation' && typeof values.staffCount === 'number'
            ? { staffCount: values.staffCount }
            : {}),
        });
        void message.success(t(`已登记 ${saved.name}`, `${saved.name} registered`));
      } else {
        const changes: Record<string, unknown> = {};
        const textChange = (field: 'name' | 'address' | 'key' | 'contactName' | 'legalRepresentative') => {
          if (text(values[field]) !== (record[field] ?? '')) changes[field] = text(values[field]);
        };
        if (values.gridId && values.gridId !== record.gridId) changes['gridId'] = values.gridId;
        textChange('name');
        textChange('address');
        textChange('contactName');
        if (definition.key && text(values.key)) textChange('key');
        if (kind === 'organisation') {
          textChange('legalRepresentative');
          if (typeof values.staffCount === 'number' && values.staffCount !== record.staffCount)
            changes['staffCount'] = values.staffCount;
        }
        if (values.category !== record.category) changes['category'] = values.category;
        if (values.state !== record.state) changes['state'] = values.state;
        if (text(values.reason)) changes['reason'] = text(values.reason);
        if (typeof values.lon === 'number' && values.lon !== record.lon) changes['lon'] = values.lon;
        if (typeof values.lat === 'number' && values.lat !== record.lat) changes['lat'] = values.lat;
        if (text(values.contactPhone)) changes['contactPhone'] = text(values.contactPhone);
        if (Object.keys(changes).length === 0) {
          void message.info(t('没有修改任何内容', 'Nothing was changed'));
          onClose();
          return;
        }
        saved = await api.patch<RecordView>(`/api/${RECORD_SEGMENTS[kind]}/${record.id}`, {
          version: record.version,
          ...changes,
        });
        void message.success(t('已保存修改', 'Changes saved'));
      }
      onSaved(saved);
    } catch (caught) {
      const left = showFieldErrors(form, caught, FIELDS, t);
      setError(
        caught instanceof ApiError && caught.code === 'RECORD_CHANGED'
          ? t(
              '该记录已被他人修改，请关闭后刷新再改',
              'Someone else changed this record; close, reload and edit again',
            )
          : left,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={
        record
          ? t(`修改${label} · ${record.name}`, `Edit · ${record.name}`)
          : t(`登记${label}`, `Register: ${label}`)
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      <Form<RecordFormValues>
        form={form}
        name="record"
        layout="vertical"
        onFinish={submit}
        initialValues={
          record
            ? {
                gridId: record.gridId ?? undefined,
                name: record.name,
                address: record.address ?? '',
                category: record.category,
                state: record.state,
                key: record.key ?? '',
                lon: record.lon,
                lat: record.lat,
                contactName: record.contactName ?? '',
                legalRepresentative: record.legalRepresentative ?? '',
                staffCount: record.staffCount ?? null,
              }
            : { category: Object.keys(definition.categories)[0] }
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label={t('名称', 'Name')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter the name') }]}
            >
              <Input
                maxLength={100}
                placeholder={kind === 'household' ? t('如：王建国户', 'e.g. the Wang household') : undefined}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('所在网格', 'Grid')}
              name="gridId"
              rules={[{ required: true, message: t('请选择网格', 'Choose the grid') }]}
              extra={
                record ? t(`当前：${placeName(record.path)}`, `Now: ${placeName(record.path)}`) : undefined
              }
            >
              <PlacePicker
                gridsOnly
                style={{ width: '100%' }}
                placeholder={t('选择村（社区）和网格', 'Choose village and grid')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('类别', 'Category')} name="category" rules={[{ required: true }]}>
              <Select
                options={Object.entries(definition.categories).map(([value, labels]) => ({
                  value,
                  label: labels[locale],
                }))}
              />
            </Form.Item>
          </Col>
          {definition.key && (
            <Col span={12}>
              <Form.Item label={definition.key.label[locale]} name="key">
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          )}
          {record && (
            <Col span={12}>
              <Form.Item label={t('状态', 'State')} name="state">
                <Select
                  options={Object.entries(definition.states).map(([value, labels]) => ({
                    value,
                    label: labels[locale],
                  }))}
                />
              </Form.Item>
            </Col>
          )}
          {ending && (
            <Col span={24}>
              <Form.Item
                label={t('原因', 'Reason')}
                name="reason"
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('结束记录须写明原因', 'Ending a record needs a reason'),
                  },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item label={t('地址', 'Address')} name="address">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {kind === 'organisation' && (
            <>
              <Col span={12}>
                <Form.Item label={t('法定代表人', 'Legal representative')} name="legalRepresentative">
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('从业人数', 'Staff')} name="staffCount">
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={12}>
            <Form.Item label={t('联系人', 'Contact')} name="contactName">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('联系电话', 'Contact phone')}
              name="contactPhone"
              extra={
                record?.contactPhone
                  ? t(
                      `当前 ${record.contactPhone}，不改请留空`,
                      `Now ${record.contactPhone}; leave empty to keep`,
                    )
                  : undefined
              }
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('经度', 'Longitude')} name="lon">
              <InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('纬度', 'Latitude')} name="lat">
              <InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {record ? t('保存', 'Save') : t('登记', 'Register')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
