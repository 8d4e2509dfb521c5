// Registering a person, or changing one: the server checks the ID number (length, area, birth date,
// check digit) and the phone, and its refusal shows under the field it names. A change sends only
// what was changed, with the version read: someone else's change in between is said plainly.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  type FormInstance,
} from 'antd';
import type { Dayjs } from 'dayjs';
import {
  GENDER_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  PERSON_TAGS,
  PERSON_TAG_LABELS,
  RESIDENCE_STATUSES,
  RESIDENCE_STATUS_LABELS,
  type PersonView,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from './registry-list.js';
import { PlacePicker, usePlaceNames, usePreloadPath } from './registry-territory.js';

interface PersonFormValues {
  gridId?: string;
  name?: string;
  idType?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  ethnicity?: string;
  birthDate?: Dayjs;
  phone?: string;
  hukouPlace?: string;
  address?: string;
  residenceStatus?: string;
  tags?: string[];
}

const FORM_FIELDS = [
  'gridId',
  'name',
  'idType',
  'idNumber',
  'gender',
  'ethnicity',
  'birthDate',
  'phone',
  'hukouPlace',
  'address',
  'residenceStatus',
  'tags',
];

/** Sets the server's refusal on the fields it names; answers the message left for the form's banner. */
export function showFieldErrors<V>(
  form: FormInstance<V>,
  caught: unknown,
  fields: readonly string[],
  t: (zh: string, en: string) => string,
): string {
  if (!(caught instanceof ApiError)) return failureText(caught, t);
  const named = Object.entries(caught.fieldErrors()).map(
    ([field, text]) => [field.replace(/^corrections\./, ''), text] as const,
  );
  if (caught.code === 'EVENT_GRID_INVALID') named.push(['gridId', caught.message]);
  const known = named.filter(([field]) => fields.includes(field));
  if (known.length === 0) return caught.message;
  form.setFields(known.map(([name, text]) => ({ name: name as never, errors: [text] })));
  return '';
}

export function PersonFormModal({
  person,
  onClose,
  onSaved,
}: {
  person?: PersonView;
  onClose(): void;
  onSaved(person: PersonView): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const [error, setError] = useState('');
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const placeName = usePlaceNames(person ? [person.path] : []);
  usePreloadPath(person?.path);
  const idType = Form.useWatch('idType', form);

  async function submit(values: PersonFormValues) {
    setBusy(true);
    setError('');
    setStale(false);
    const text = (value?: string) => value?.trim() ?? '';
    try {
      let saved: PersonView;
      if (!person) {
        saved = await api.post<PersonView>('/api/persons', {
          gridId: values.gridId,
          name: text(values.name),
          idType: values.idType,
          idNumber: text(values.idNumber),
          residenceStatus: values.residenceStatus,
          ...(values.gender ? { gender: values.gender } : {}),
          ...(text(values.ethnicity) ? { ethnicity: text(values.ethnicity) } : {}),
          ...(values.birthDate ? { birthDate: values.birthDate.format('YYYY-MM-DD') } : {}),
          ...(text(values.phone) ? { phone: text(values.phone) } : {}),
          ...(text(values.hukouPlace) ? { hukouPlace: text(values.hukouPlace) } : {}),
          ...(text(values.address) ? { address: text(values.address) } : {}),
          ...(values.tags?.length ? { tags: values.tags } : {}),
        });
        void message.success(t(`已登记 ${saved.name}`, `${saved.name} registered`));
      } else {
        const changes: Record<string, unknown> = {};
        if (values.gridId && values.gridId !== person.gridId) changes['gridId'] = values.gridId;
        if (text(values.name) !== person.name) changes['name'] = text(values.name);
        if (text(values.ethnicity) !== (person.ethnicity ?? ''))
          changes['ethnicity'] = text(values.ethnicity);
        if (text(values.phone)) changes['phone'] = text(values.phone);
        if (text(values.hukouPlace) !== (person.hukouPlace ?? ''))
          changes['hukouPlace'] = text(values.hukouPlace);
        if (text(values.address) !== (person.address ?? '')) changes['address'] = text(values.address);
        if (values.residenceStatus !== person.residenceStatus)
          changes['residenceStatus'] = values.residenceStatus;
        if (JSON.stringify([...(values.tags ?? [])].sort()) !== JSON.stringify([...person.tags].sort()))
          changes['tags'] = values.tags ?? [];
        if (Object.keys(changes).length === 0) {
          void message.info(t('没有修改任何内容', 'Nothing was changed'));
          onClose();
          return;
        }
        saved = await api.patch<PersonView>(`/api/persons/${person.id}`, {
          version: person.version,
          ...changes,
        });
        void message.success(t('已保存修改', 'Changes saved'));
      }
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.code === 'PERSON_CHANGED')
        setStale(true);
      setError(showFieldErrors(form, caught, FORM_FIELDS, t));
    } finally {
      setBusy(false);
    }
  }

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  const editing = Boolean(person);
  return (
    <Modal
      open
      title={
        editing
          ? t(`修改人员信息 · ${person!.name}`, `Edit · ${person!.name}`)
          : t('登记人员', 'Register a person')
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        onFinish={submit}
        initialValues={
          person
            ? {
                gridId: person.gridId ?? undefined,
                name: person.name,
                ethnicity: person.ethnicity ?? '',
                hukouPlace: person.hukouPlace ?? '',
                address: person.address ?? '',
                residenceStatus: person.residenceStatus,
                tags: person.tags,
              }
            : { idType: 'resident_id', residenceStatus: 'registered', tags: [] }
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label={t('姓名', 'Name')}
              name="name"
              rules={required(t('请填写姓名', 'Enter the name'))}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('所在网格', 'Grid')}
              name="gridId"
              rules={[{ required: true, message: t('请选择网格', 'Choose the grid') }]}
              extra={
                person ? t(`当前：${placeName(person.path)}`, `Now: ${placeName(person.path)}`) : undefined
              }
            >
              <PlacePicker
                gridsOnly
                style={{ width: '100%' }}
                placeholder={t('选择村（社区）和网格', 'Choose village and grid')}
              />
            </Form.Item>
          </Col>
          {!editing && (
            <>
              <Col span={12}>
                <Form.Item label={t('证件类型', 'Document type')} name="idType" rules={[{ required: true }]}>
                  <Select
                    options={ID_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value][locale] }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  label={t('证件号码', 'Document number')}
                  name="idNumber"
                  rules={required(t('请填写证件号码', 'Enter the document number'))}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              {idType !== 'resident_id' && (
                <>
                  <Col span={12}>
                    <Form.Item label={t('性别', 'Gender')} name="gender">
                      <Select
                        allowClear
                        options={(['male', 'female'] as const).map((value) => ({
                          value,
                          label: GENDER_LABELS[value][locale],
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label={t('出生日期', 'Birth date')} name="birthDate">
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </>
              )}
            </>
          )}
          <Col span={12}>
            <Form.Item
              label={t('人口类型', 'Residence status')}
              name="residenceStatus"
              rules={[{ required: true }]}
            >
              <Select
                options={RESIDENCE_STATUSES.map((value) => ({
                  value,
                  label: RESIDENCE_STATUS_LABELS[value][locale],
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('民族', 'Ethnicity')} name="ethnicity">
              <Input maxLength={20} placeholder={t('如：汉族', 'e.g. Han')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('联系电话', 'Phone')}
              name="phone"
              extra={
                person?.phone
                  ? t(`当前 ${person.phone}，不改请留空`, `Now ${person.phone}; leave empty to keep`)
                  : undefined
              }
            >
              <Input
                maxLength={30}
                placeholder={t('手机 11 位，座机带区号', '11-digit mobile, or landline with area code')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('人员标签', 'Tags')} name="tags">
              <Select
                mode="multiple"
                allowClear
                options={PERSON_TAGS.map((value) => ({ value, label: PERSON_TAG_LABELS[value][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('户籍地', 'Registration place')} name="hukouPlace">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('现住址', 'Current address')} name="address">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && idType === 'resident_id' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(
              '居民身份证的性别和出生日期由号码得出。',
              'For a resident ID card, gender and birth date come from the number.',
            )}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            action={
              stale ? (
                <Button size="small" onClick={onClose}>
                  {t('关闭并刷新', 'Close and reload')}
                </Button>
              ) : undefined
            }
          />
        )}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {editing ? t('保存', 'Save') : t('登记', 'Register')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
