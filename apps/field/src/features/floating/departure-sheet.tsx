// A floating person's departure (去) from their page: the day and where to (a division, words, or
// both), in under a minute and with no signal if need be; it goes to /api/floating/departures.
import { useState } from 'react';
import { Button, Form, Input, List, Popup, Toast } from 'antd-mobile';
import { shanghaiDate, type PersonView } from '@gridwork/core';
import { t } from '../../app/i18n.js';
import { isOnline } from '../../lib/network.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, newClientKey, putOutboxItem } from '../outbox/outbox.store.js';
import type { FloatingDepartureItem } from '../outbox/outbox.types.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { DateField } from './date-field.js';
import { DivisionField } from './division-picker.js';
import './floating.css';

function DepartureForm({ person, onDone }: { person: PersonView; onDone: () => void }) {
  const [departedOn, setDepartedOn] = useState<string | null>(() => shanghaiDate(Date.now()));
  const [destinationCode, setDestinationCode] = useState<string | null>(null);

  async function leave(values: { destination?: string }) {
    const text = values.destination?.trim() ?? '';
    if (!departedOn) return;
    if (!destinationCode && !text) {
      Toast.show({ content: t('请选择或填写去向', 'Choose or write where to') });
      return;
    }
    const key = newClientKey();
    const item: FloatingDepartureItem = {
      kind: 'floating_departure',
      ...freshOutboxFields(t(`流动人口去：${person.name}`, `Floating departure: ${person.name}`) + (text ? t(`（去 ${text}）`, ` (to ${text})`) : ''), key),
      personId: person.id,
      body: {
        clientKey: key,
        personId: person.id,
        departedOn,
        ...(destinationCode ? { destinationCode } : {}),
        ...(text ? { destinationText: text.slice(0, 200) } : {}),
      },
    };
    onDone();
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({
      icon: 'success',
      content: isOnline()
        ? t('已提交', 'Sent')
        : t('已保存，有信号时自动上传', 'Saved; it goes up when there is a signal'),
    });
  }

  return (
    <Form
      layout="horizontal"
      onFinish={(values: { destination?: string }) => void leave(values)}
      footer={
        <Button block type="submit" color="danger" size="large">
          {t('确认离开', 'Confirm the departure')}
        </Button>
      }
    >
      <Form.Header>{t(`${person.name} 离开本网格`, `${person.name} leaves the grid`)}</Form.Header>
      <DateField
        label={t('离开日期', 'Left on')}
        value={departedOn}
        onChange={setDepartedOn}
        max={new Date()}
      />
      <DivisionField
        label={t('去向地区', 'To (division)')}
        value={destinationCode}
        onChange={setDestinationCode}
        placeholder={t('可不选', 'Optional')}
        testId="destination-division"
      />
      <Form.Item name="destination" label={t('去向', 'To')}>
        <Input
          placeholder={t('如：成都市武侯区（务工）', 'e.g. Wuhou, Chengdu (work)')}
          maxLength={200}
          clearable
        />
      </Form.Item>
    </Form>
  );
}

/** The departure button of a floating person's page, or the departure waiting in the outbox. */
export function FloatingDeparture({ person }: { person: PersonView }) {
  const [open, setOpen] = useState(false);
  const { items } = useOutbox();
  const queued = [...items]
    .reverse()
    .find(
      (item) => item.kind === 'floating_departure' && item.personId === person.id && item.state !== 'sent',
    );
  if (person.residenceStatus !== 'floating' || person.status !== 'active') return null;
  return (
    <>
      {queued ? (
        <List header={t('离开登记', 'Departure')}>
          <List.Item
            extra={<OutboxStateTag state={queued.state} />}
            description={queued.message ?? undefined}
          >
            {queued.label}
          </List.Item>
        </List>
      ) : (
        <Button block size="large" fill="none" onClick={() => setOpen(true)}>
          {t('登记离开（去）', 'Register the departure')}
        </Button>
      )}
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ borderRadius: '12px 12px 0 0' }}>
        {open && <DepartureForm person={person} onDone={() => setOpen(false)} />}
      </Popup>
    </>
  );
}
