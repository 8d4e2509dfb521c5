// A correction of a person's record: only the fields that changed are sent.
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import {
  RESIDENCE_STATUS_LABELS,
  type PersonView,
  type ResidenceStatus,
  type VerifyPersonBody,
} from '@gridwork/core';
import { fieldLocale, t } from '../../app/i18n.js';

// From the labels, not the schema module: that would bring the schema library into the phone's bundle.
const RESIDENCE_STATUSES = Object.keys(RESIDENCE_STATUS_LABELS) as ResidenceStatus[];

export type Corrections = NonNullable<VerifyPersonBody['corrections']>;

interface CorrectionValues {
  name: string;
  ethnicity: string;
  phone: string;
  hukouPlace: string;
  address: string;
  residenceStatus: ResidenceStatus[];
}

export function CorrectionForm({
  person,
  onSubmit,
}: {
  person: PersonView;
  onSubmit: (corrections: Corrections) => void;
}) {
  function finish(values: CorrectionValues) {
    const corrections: { -readonly [K in keyof Corrections]: Corrections[K] } = {};
    const text = (value: string | undefined) => (value ?? '').trim();
    if (text(values.name) && text(values.name) !== person.name) corrections.name = text(values.name);
    if (text(values.ethnicity) !== (person.ethnicity ?? '') && text(values.ethnicity))
      corrections.ethnicity = text(values.ethnicity);
    // The phone is shown masked: only a newly typed number is a correction.
    if (text(values.phone) && !text(values.phone).includes('*')) corrections.phone = text(values.phone);
    if (text(values.hukouPlace) !== (person.hukouPlace ?? '') && text(values.hukouPlace))
      corrections.hukouPlace = text(values.hukouPlace);
    if (text(values.address) !== (person.address ?? '') && text(values.address))
      corrections.address = text(values.address);
    const status = values.residenceStatus[0];
    if (status && status !== person.residenceStatus) corrections.residenceStatus = status;
    if (Object.keys(corrections).length === 0) {
      Toast.show({
        content: t('没有改动：信息无误请点“确认复核”', 'Nothing changed: if it is right, tap “Confirm”'),
      });
      return;
    }
    onSubmit(corrections);
  }
  return (
    <Form
      name="correction"
      layout="horizontal"
      onFinish={finish}
      initialValues={{
        name: person.name,
        ethnicity: person.ethnicity ?? '',
        phone: '',
        hukouPlace: person.hukouPlace ?? '',
        address: person.address ?? '',
        residenceStatus: [person.residenceStatus],
      }}
      footer={
        <Button block type="submit" color="primary" size="large">
          {t('提交纠正', 'Send correction')}
        </Button>
      }
    >
      <Form.Header>
        {t(`纠正 ${person.name} 的信息（只填有误的项）`, `Correct ${person.name} (only what is wrong)`)}
      </Form.Header>
      <Form.Item name="name" label={t('姓名', 'Name')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('民族', 'Ethnicity')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('新电话', 'New phone')}
        help={t('原号码已隐藏；有变化才填', 'The number on file is hidden; fill in only if it changed')}
      >
        <Input type="tel" maxLength={30} placeholder={person.phone ?? ''} />
      </Form.Item>
      <Form.Item name="hukouPlace" label={t('户籍地', 'Hukou place')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="address" label={t('现住址', 'Address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="residenceStatus" label={t('人口类型', 'Residence')}>
        <Selector
          options={RESIDENCE_STATUSES.map((status) => ({
            label: RESIDENCE_STATUS_LABELS[status][fieldLocale()],
            value: status,
          }))}
        />
      </Form.Item>
    </Form>
  );
}
