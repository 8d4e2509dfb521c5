// One household, house or organisation of my grids, as the server sent it (phones masked), with its
// members: confirm that it is right (复核) or correct it. Either waits in the outbox with the
// version read and goes up as one verification (corrections included) under the item's client key,
// so a retry never counts twice and a record changed meanwhile comes back as 需处理.
import { useEffect, useState } from 'react';
import { Button, DotLoading, ErrorBlock, Form, Input, List, Popup, Selector, Toast } from 'antd-mobile';
import {
  RECORD_KIND_DEFINITIONS,
  type CurrentUser,
  type RecordView,
  type VerifyRecordBody,
} from '@gridwork/core';
import { navigate } from '../../app/router.js';
import { fieldLocale, t } from '../../app/i18n.js';
import { isOnline } from '../../lib/network.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, putOutboxItem } from '../outbox/outbox.store.js';
import { VerifyActions } from './verify-actions.js';
import { useOutbox } from '../outbox/use-outbox.js';
import type { VerifyRecordItem } from '../outbox/outbox.types.js';
import { findRecord, membersOf, type RecordMember } from './my-grids.js';
import { categoryLabel, kindLabel, relationLabel, stateLabel, type FieldRecordKind } from './record-kinds.js';

type Corrections = NonNullable<VerifyRecordBody['corrections']>;

interface RecordCorrectionValues {
  name: string;
  address: string;
  category: string[];
  contactName: string;
  contactPhone: string;
}

function RecordCorrectionForm({
  record,
  onSubmit,
}: {
  record: RecordView & { kind: FieldRecordKind };
  onSubmit: (corrections: Corrections) => void;
}) {
  const categories = Object.keys(RECORD_KIND_DEFINITIONS[record.kind].categories);
  function finish(values: RecordCorrectionValues) {
    const corrections: { -readonly [K in keyof Corrections]: Corrections[K] } = {};
    const text = (value: string | undefined) => (value ?? '').trim();
    if (text(values.name) && text(values.name) !== record.name) corrections.name = text(values.name);
    if (text(values.address) !== (record.address ?? '') && text(values.address))
      corrections.address = text(values.address);
    const category = values.category[0];
    if (category && category !== record.category) corrections.category = category;
    if (text(values.contactName) !== (record.contactName ?? '') && text(values.contactName))
      corrections.contactName = text(values.contactName);
    // The phone is shown masked: only a newly typed number is a correction.
    if (text(values.contactPhone) && !text(values.contactPhone).includes('*'))
      corrections.contactPhone = text(values.contactPhone);
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
      name="record-correction"
      layout="horizontal"
      onFinish={finish}
      initialValues={{
        name: record.name,
        address: record.address ?? '',
        category: [record.category],
        contactName: record.contactName ?? '',
        contactPhone: '',
      }}
      footer={
        <Button block type="submit" color="primary" size="large">
          {t('提交纠正', 'Send correction')}
        </Button>
      }
    >
      <Form.Header>
        {t(`纠正 ${record.name} 的信息（只改有误的项）`, `Correct ${record.name} (only what is wrong)`)}
      </Form.Header>
      <Form.Item name="name" label={t('名称', 'Name')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('地址', 'Address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={t('类别', 'Category')}>
        <Selector
          options={categories.map((category) => ({
            label: categoryLabel(record.kind, category),
            value: category,
          }))}
        />
      </Form.Item>
      <Form.Item name="contactName" label={t('联系人', 'Contact')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('新电话', 'New phone')}
        help={t('原号码已隐藏；有变化才填', 'The number on file is hidden; fill in only if it changed')}
      >
        <Input type="tel" maxLength={30} placeholder={record.contactPhone ?? ''} />
      </Form.Item>
    </Form>
  );
}

function Members({ kind, id }: { kind: FieldRecordKind; id: string }) {
  const [members, setMembers] = useState<RecordMember[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    membersOf(kind, id).then(
      (list) => live && setMembers(list),
      () => live && setMembers(null),
    );
    return () => {
      live = false;
    };
  }, [kind, id]);
  return (
    <List
      header={members ? t(`成员（${members.length}）`, `Members (${members.length})`) : t('成员', 'Members')}
    >
      {members === undefined && (
        <List.Item>
          <DotLoading />
        </List.Item>
      )}
      {members === null && (
        <List.Item>
          {t('没有信号，手机上也没有保存成员', 'No signal, and no members kept on the phone')}
        </List.Item>
      )}
      {members?.length === 0 && <List.Item>{t('没有成员', 'No members')}</List.Item>}
      {members?.map((member) => (
        <List.Item
          key={member.personId}
          data-testid="record-member"
          arrowIcon
          onClick={() => navigate(`/grid/${member.personId}`)}
          description={member.idNumber ?? undefined}
          extra={relationLabel(kind, member.relation)}
        >
          {member.name}
        </List.Item>
      ))}
    </List>
  );
}

export function RecordPage({ user, kind, id }: { user: CurrentUser; kind: FieldRecordKind; id: string }) {
  const [record, setRecord] = useState<RecordView | null | undefined>(undefined);
  const [correcting, setCorrecting] = useState(false);
  const { items } = useOutbox();
  // My verification just went up: show the record as it now stands.
  const sent = items.filter(
    (item) => item.kind === 'verify_record' && item.recordId === id && item.state === 'sent',
  ).length;
  useEffect(() => {
    void findRecord(user, kind, id).then(setRecord);
  }, [user, kind, id, sent]);
  const queued = [...items]
    .reverse()
    .find((item) => item.kind === 'verify_record' && item.recordId === id && item.state !== 'sent');

  if (record === undefined) return <DotLoading />;
  if (record === null)
    return (
      <ErrorBlock
        status="disconnected"
        title={t('打不开这条记录', 'Cannot open this record')}
        description={t('没有信号，手机上也没有保存它', 'No signal, and it is not kept on the phone')}
      />
    );
  const view = { ...record, kind };
  const definition = RECORD_KIND_DEFINITIONS[kind];

  async function queue(body: Omit<VerifyRecordBody, 'clientKey'>, what: string) {
    const item: VerifyRecordItem = {
      kind: 'verify_record',
      ...freshOutboxFields(`${what}${t('：', ': ')}${view.name}`),
      recordKind: kind,
      recordId: view.id,
      body,
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({
      icon: 'success',
      content: isOnline()
        ? t('已提交', 'Sent')
        : t('已保存，有信号时自动上传', 'Saved: sent when there is a signal'),
    });
  }

  return (
    <div className="page">
      <List header={kindLabel(kind)}>
        <List.Item extra={<span data-testid="record-name">{view.name}</span>}>{t('名称', 'Name')}</List.Item>
        <List.Item extra={categoryLabel(kind, view.category)}>{t('类别', 'Category')}</List.Item>
        <List.Item extra={stateLabel(kind, view.state)}>{t('状态', 'State')}</List.Item>
        {definition.key && (
          <List.Item extra={view.key ?? '—'}>{definition.key.label[fieldLocale()]}</List.Item>
        )}
        <List.Item description={<span data-testid="record-address">{view.address ?? '—'}</span>}>
          {t('地址', 'Address')}
        </List.Item>
        <List.Item extra={view.contactName ?? '—'} description={view.contactPhone ?? undefined}>
          {t('联系人', 'Contact')}
        </List.Item>
        {kind === 'organisation' && (
          <List.Item extra={view.legalRepresentative ?? '—'}>
            {t('法定代表人', 'Legal representative')}
          </List.Item>
        )}
        <List.Item extra={view.verifiedAt ? view.verifiedAt.slice(0, 10) : t('从未复核', 'Never verified')}>
          {t('上次复核', 'Last verified')}
        </List.Item>
      </List>
      <VerifyActions
        queued={queued}
        onConfirm={() =>
          void queue({ version: view.version, outcome: 'confirmed' }, t('复核确认', 'Confirmed'))
        }
        onCorrect={() => setCorrecting(true)}
      />
      {definition.members && <Members kind={kind} id={view.id} />}
      <Popup
        visible={correcting}
        onMaskClick={() => setCorrecting(false)}
        bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '85vh', overflowY: 'auto' }}
      >
        {correcting && (
          <RecordCorrectionForm
            record={view}
            onSubmit={(corrections) => {
              setCorrecting(false);
              void queue(
                { version: view.version, outcome: 'corrected', corrections },
                t('复核纠正', 'Corrected'),
              );
            }}
          />
        )}
      </Popup>
    </div>
  );
}
