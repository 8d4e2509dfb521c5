// 来登记: someone arriving, new to the registry or already in it, with where they come from
// (province, city, county), why, where they live (a house: rental or not) and their residence
// permit. The server checks everything; its refusal shows under the field it names.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, Modal, Row, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FLOATING_REASONS, FLOATING_REASON_LABELS, ID_TYPES, ID_TYPE_LABELS, newId, type FloatingRegistration } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { PlacePicker } from '../registry/registry-territory.js';
import { DivisionCascader } from './division-cascader.js';
import { fieldErrorsOnForm, useRemoteOptions } from './floating-form-support.js';

interface ArrivalValues {
  personId?: string;
  gridId?: string;
  name?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  originCode?: string;
  reason?: string;
  arrivedOn?: Dayjs;
  expectedStayUntil?: Dayjs;
  houseId?: string;
  employer?: string;
  permitNumber?: string;
  permitIssuedOn?: Dayjs;
  permitExpiresOn?: Dayjs;
}

/** The server's field names beside the form's. */
const FIELD_NAMES: Readonly<Record<string, keyof ArrivalValues>> = {
  personId: 'personId',
  gridId: 'gridId',
  'person.gridId': 'gridId',
  'person.name': 'name',
  'person.idType': 'idType',
  'person.idNumber': 'idNumber',
  idNumber: 'idNumber',
  'person.phone': 'phone',
  phone: 'phone',
  person: 'name',
  originCode: 'originCode',
  reason: 'reason',
  arrivedOn: 'arrivedOn',
  expectedStayUntil: 'expectedStayUntil',
  houseId: 'houseId',
  employer: 'employer',
  'residencePermit.number': 'permitNumber',
  'residencePermit.issuedOn': 'permitIssuedOn',
  'residencePermit.expiresOn': 'permitExpiresOn',
};

const day = (value?: Dayjs) => value?.format('YYYY-MM-DD');

export function ArrivalFormModal({ onClose, onSaved }: { onClose(): void; onSaved(registration: FloatingRegistration): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArrivalValues>();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per form: a retry after a lost answer is the same arrival, not a second one.
  const clientKey = useMemo(() => newId(), []);
  const people = useRemoteOptions('/api/persons', 'nameContains', (person: { id: string; name: string; idNumber: string | null }) => ({ value: person.id, label: `${person.name}  ${person.idNumber ?? ''}` }));
  const houses = useRemoteOptions('/api/houses', 'nameContains', (house: { id: string; name: string; category: string }) => ({ value: house.id, label: house.category === 'rental' ? `${house.name}（${t('出租屋', 'rental')}）` : house.name }));

  async function submit(values: ArrivalValues) {
    setBusy(true);
    setError('');
    const text = (value?: string) => value?.trim() ?? '';
    const permit = values.permitIssuedOn || values.permitExpiresOn || text(values.permitNumber);
    try {
      const saved = await api.post<FloatingRegistration>('/api/floating/arrivals', {
        clientKey,
        ...(mode === 'existing'
          ? { personId: values.personId }
          : { person: { gridId: values.gridId, name: text(values.name), idType: values.idType, idNumber: text(values.idNumber), ...(text(values.phone) ? { phone: text(values.phone) } : {}) } }),
        originCode: values.originCode ?? '',
        reason: values.reason,
        arrivedOn: day(values.arrivedOn),
        ...(values.expectedStayUntil ? { expectedStayUntil: day(values.expectedStayUntil) } : {}),
        ...(values.houseId ? { houseId: values.houseId } : {}),
        ...(text(values.employer) ? { employer: text(values.employer) } : {}),
        ...(permit ? { residencePermit: { ...(text(values.permitNumber) ? { number: text(values.permitNumber) } : {}), issuedOn: day(values.permitIssuedOn), expiresOn: day(values.permitExpiresOn) } } : {}),
      });
      void message.success(t(`已登记 ${saved.personName} 来到`, `Arrival of ${saved.personName} registered`));
      onSaved(saved);
    } catch (caught) {
      setError(fieldErrorsOnForm(form, caught, FIELD_NAMES, t));
    } finally {
      setBusy(false);
    }
  }

  const required = (words: string) => [{ required: true, message: words }];
  return (
    <Modal open title={t('流动人口来登记', 'Register an arrival')} onCancel={onClose} footer={null} destroyOnHidden width={780}>
      <Form<ArrivalValues> form={form} name="arrival" layout="vertical" onFinish={submit} initialValues={{ idType: 'resident_id', reason: 'work', arrivedOn: dayjs() }}>
        <Segmented<'new' | 'existing'>
          style={{ marginBottom: 16 }}
          value={mode}
          onChange={(value) => setMode(value)}
          options={[
            { value: 'new', label: t('新登记人员', 'New to the registry') },
            { value: 'existing', label: t('已登记人员', 'Already registered') },
          ]}
        />
        {mode === 'existing' ? (
          <Form.Item label={t('人员', 'Person')} name="personId" rules={required(t('请选择人员', 'Choose the person'))}>
            <Select showSearch={{ filterOption: false, onSearch: people.search }} options={people.options} placeholder={t('输入姓名查找', 'Type a name')} notFoundContent={null} />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('姓名', 'Name')} name="name" rules={required(t('请填写姓名', 'Enter the name'))}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('网格', 'Grid')} name="gridId" rules={required(t('请选择网格', 'Choose the grid'))}>
                <PlacePicker gridsOnly style={{ width: '100%' }} placeholder={t('选择村（社区）和网格', 'Choose village and grid')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('证件类型', 'Document')} name="idType">
                <Select options={ID_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value][locale] }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('证件号码', 'ID number')} name="idNumber" rules={required(t('请填写证件号码', 'Enter the number'))}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('联系电话', 'Phone')} name="phone">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('来自（户籍地）', 'Comes from')} name="originCode" rules={required(t('请选择省、市、县', 'Choose province, city and county'))}>
              <DivisionCascader />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('来由', 'Reason')} name="reason">
              <Select options={FLOATING_REASONS.map((value) => ({ value, label: FLOATING_REASON_LABELS[value][locale] }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('来到日期', 'Arrived on')} name="arrivedOn" rules={required(t('请选择日期', 'Choose the date'))}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('居住房屋', 'Lives in')} name="houseId" extra={t('选择出租屋即登记为其承租人', 'A rental house makes them its tenant')}>
              <Select allowClear showSearch={{ filterOption: false, onSearch: houses.search }} onFocus={() => houses.search('')} options={houses.options} placeholder={t('输入房屋名称查找', 'Type the house name')} notFoundContent={null} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('预计居住至', 'Staying until')} name="expectedStayUntil">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('工作单位', 'Employer')} name="employer">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('居住证（如已办理）', 'Residence permit (if held)')}
        </Divider>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label={t('居住证号码', 'Permit number')} name="permitNumber">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={t('签发日期', 'Issued on')} name="permitIssuedOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={t('有效期至', 'Expires on')} name="permitExpiresOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('登记', 'Register')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
