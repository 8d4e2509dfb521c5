// A floating person's arrival (来) in under a minute, with no signal if need be: who (someone new,
// the ID number checked on the phone, or someone already registered), from where (province, city,
// county), why, since when and until when, the rental house (出租屋) and the employer, and the
// residence permit (居住证) dates. It waits in the outbox and goes to /api/floating/arrivals.
import { useEffect, useState } from 'react';
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import {
  FLOATING_REASONS,
  FLOATING_REASON_LABELS,
  parseIdNumber,
  shanghaiDate,
  type ArrivalBody,
  type CurrentUser,
  type FloatingReason,
  type PersonView,
  type RecordView,
} from '@gridwork/core';
import { fieldLocale, t } from '../../app/i18n.js';
import { navigate } from '../../app/router.js';
import { isOnline } from '../../lib/network.js';
import { useMyGrids } from '../grid/my-grids.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, newClientKey, putOutboxItem } from '../outbox/outbox.store.js';
import type { FloatingArrivalItem } from '../outbox/outbox.types.js';
import { DateField } from './date-field.js';
import { DivisionField } from './division-picker.js';
import { rentalHousesOf } from './field-keep.js';
import { NewPersonFields } from './new-person-fields.js';
import { PersonSearch } from './person-search.js';
import { PermitFields, permitOf, type PermitValues } from './permit-fields.js';
import './floating.css';

interface ArrivalValues extends PermitValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  employer?: string;
}

export function ArrivalPage({ user }: { user: CurrentUser }) {
  const grids = useMyGrids(user);
  const [form] = Form.useForm<ArrivalValues>();
  const [mode, setMode] = useState<'new' | 'registered'>('new');
  const [registered, setRegistered] = useState<PersonView | null>(null);
  const [gridId, setGridId] = useState<string | null>(null);
  const [originCode, setOriginCode] = useState<string | null>(null);
  const [reason, setReason] = useState<FloatingReason>('work');
  const [arrivedOn, setArrivedOn] = useState<string | null>(() => shanghaiDate(Date.now()));
  const [stayUntil, setStayUntil] = useState<string | null>(null);
  const [houses, setHouses] = useState<RecordView[] | null>(null);
  const [houseId, setHouseId] = useState<string | null>(null);
  const selectedGrid = gridId ?? grids?.mine[0]?.id ?? null;

  useEffect(() => {
    let live = true;
    if (grids) void rentalHousesOf(grids.mine).then((found) => live && setHouses(found));
    return () => {
      live = false;
    };
  }, [grids]);

  async function submit(values: ArrivalValues) {
    if (!originCode || !arrivedOn) {
      Toast.show({
        content: !originCode
          ? t('请选择从哪里来', 'Choose where they come from')
          : t('请选择到达日期', 'Choose the day of arrival'),
      });
      return;
    }
    const permit = permitOf(values);
    if (permit === 'incomplete') {
      Toast.show({ content: t('居住证需填签发日期和有效期至', 'A residence permit needs both dates') });
      return;
    }
    if (permit && permit.expiresOn < permit.issuedOn) {
      Toast.show({
        content: t('居住证有效期至不能早于签发日期', 'The permit cannot expire before it was issued'),
      });
      return;
    }
    let who: Pick<ArrivalBody, 'personId' | 'person'>;
    let name: string;
    if (mode === 'registered') {
      if (!registered) return void Toast.show({ content: t('请先找到这个人', 'Find the person first') });
      who = { personId: registered.id };
      name = registered.name;
    } else {
      const idNumber = parseIdNumber(values.idNumber ?? '', shanghaiDate(Date.now()));
      if (!idNumber.ok || !selectedGrid || !values.name?.trim()) return;
      name = values.name.trim();
      who = {
        person: {
          gridId: selectedGrid,
          name,
          idType: 'resident_id',
          idNumber: idNumber.value,
          residenceStatus: 'floating',
          ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        },
      };
    }
    const house = houses?.find((candidate) => candidate.id === houseId);
    const key = newClientKey();
    const item: FloatingArrivalItem = {
      kind: 'floating_arrival',
      ...freshOutboxFields(t(`流动人口来：${name}`, `Floating arrival: ${name}`) + (house ? t(`（租住 ${house.name}）`, ` (renting ${house.name})`) : ''), key),
      body: {
        clientKey: key,
        ...who,
        originCode,
        reason,
        arrivedOn,
        ...(stayUntil ? { expectedStayUntil: stayUntil } : {}),
        ...(house ? { houseId: house.id } : {}),
        ...(values.employer?.trim() ? { employer: values.employer.trim() } : {}),
        ...(permit ? { residencePermit: permit } : {}),
      },
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({
      icon: 'success',
      content: isOnline()
        ? t('已提交', 'Sent')
        : t('已保存，有信号时自动上传', 'Saved; it goes up when there is a signal'),
    });
    navigate('/grid');
  }

  const today = new Date();
  return (
    <div className="page">
      <Form
        form={form}
        layout="horizontal"
        onFinish={(values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" size="large">
            {t('登记', 'Register')}
          </Button>
        }
      >
        <Form.Header>{t('流动人口来（到达登记）', 'Floating arrival')}</Form.Header>
        <Form.Item>
          <Selector
            columns={2}
            value={[mode]}
            onChange={(value) => value[0] && setMode(value[0])}
            options={[
              { label: t('新登记的人', 'Someone new'), value: 'new' as const },
              { label: t('已登记的人', 'Already registered'), value: 'registered' as const },
            ]}
          />
        </Form.Item>
        {mode === 'registered' ? (
          <PersonSearch user={user} chosen={registered} onChoose={setRegistered} />
        ) : (
          <NewPersonFields grids={grids?.mine ?? []} gridId={selectedGrid} onGrid={setGridId} />
        )}
        <DivisionField
          label={t('来自', 'From')}
          value={originCode}
          onChange={setOriginCode}
          testId="origin"
        />
        <Form.Item label={t('事由', 'Reason')} layout="vertical">
          <Selector
            columns={3}
            value={[reason]}
            onChange={(value) => value[0] && setReason(value[0])}
            options={FLOATING_REASONS.map((value) => ({
              label: FLOATING_REASON_LABELS[value][fieldLocale()],
              value,
            }))}
          />
        </Form.Item>
        <DateField
          label={t('到达日期', 'Arrived on')}
          value={arrivedOn}
          onChange={setArrivedOn}
          max={today}
          testId="arrived-on"
        />
        <DateField
          label={t('预计居住至', 'Staying until')}
          value={stayUntil}
          onChange={setStayUntil}
          min={today}
          placeholder={t('不详', 'Not known')}
        />
        <Form.Header>{t('租住的出租屋（可不选）', 'Rental house (optional)')}</Form.Header>
        <Form.Item>
          {houses === null ? (
            <span className="hint">{t('加载中…', 'Loading…')}</span>
          ) : houses.length > 0 ? (
            <Selector
              columns={2}
              value={houseId ? [houseId] : []}
              onChange={(value) => setHouseId(value[0] ?? null)}
              options={houses.map((house) => ({
                label: house.name,
                value: house.id,
                description: house.address ?? undefined,
              }))}
            />
          ) : (
            <span className="hint">
              {t('我的网格没有登记的出租屋', 'No rental houses registered in my grids')}
            </span>
          )}
        </Form.Item>
        <Form.Item name="employer" label={t('工作单位', 'Employer')}>
          <Input placeholder={t('可不填', 'Optional')} maxLength={100} clearable />
        </Form.Item>
        <PermitFields />
      </Form>
    </div>
  );
}
