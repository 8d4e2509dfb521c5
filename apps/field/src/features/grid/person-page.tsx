// One person of my grid, masked as the server sent it: confirm that the record is right (复核) or
// send a correction. Both wait in the outbox with the version read, so a record changed meanwhile
// comes back as 需处理 rather than overwriting someone else's change.
import { useEffect, useState } from 'react';
import { Button, DotLoading, ErrorBlock, Form, Input, List, Popup, Space, Toast } from 'antd-mobile';
import {
  GENDER_LABELS,
  ID_TYPE_LABELS,
  PERSON_TAG_LABELS,
  RESIDENCE_STATUS_LABELS,
  type CurrentUser,
  type PersonTag,
  type PersonView,
  type VerifyPersonBody,
} from '@gridwork/core';
import { cachedGet } from '../../lib/cached-read.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { newClientKey, nextSeq, putOutboxItem } from '../outbox/outbox.store.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import { useOutbox } from '../outbox/use-outbox.js';
import type { RegisterDepartureItem, VerifyPersonItem } from '../outbox/outbox.types.js';
import { loadMyGrids, peopleOfGrid } from './my-grids.js';
import { CorrectionForm, type Corrections } from './correction-form.js';
import { isOnline } from '../../lib/network.js';

async function findPerson(user: CurrentUser, id: string): Promise<PersonView | null> {
  try {
    return (await cachedGet<PersonView>(`/api/persons/${id}`)).data;
  } catch {
    const { mine } = await loadMyGrids(user);
    for (const grid of mine) {
      const person = (await peopleOfGrid(grid.id).catch(() => [])).find((candidate) => candidate.id === id);
      if (person) return person;
    }
    return null;
  }
}

export function PersonPage({ user, id }: { user: CurrentUser; id: string }) {
  const [person, setPerson] = useState<PersonView | null | undefined>(undefined);
  const [correcting, setCorrecting] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const { items } = useOutbox();
  useEffect(() => {
    void findPerson(user, id).then(setPerson);
  }, [user, id]);
  const queued = [...items]
    .reverse()
    .find(
      (item) =>
        (item.kind === 'verify_person' || item.kind === 'register_departure') &&
        item.personId === id &&
        item.state !== 'sent',
    );

  if (person === undefined) return <DotLoading />;
  if (person === null)
    return (
      <ErrorBlock
        status="disconnected"
        title="打不开这个人员"
        description="没有信号，手机上也没有保存他的信息"
      />
    );

  async function queue(body: VerifyPersonBody, what: string) {
    if (!person) return;
    const item: VerifyPersonItem = {
      kind: 'verify_person',
      key: newClientKey(),
      seq: nextSeq(),
      label: `${what}：${person.name}`,
      state: 'waiting',
      message: null,
      attempts: 0,
      createdAt: new Date().toISOString(),
      sentAt: null,
      photos: [],
      personId: person.id,
      body,
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({ icon: 'success', content: isOnline() ? '已提交' : '已保存，有信号时自动上传' });
  }

  /** A departure (去): the person moved out of my grid, with where to; it waits in the outbox. */
  async function leave(destination: string) {
    if (!person) return;
    const item: RegisterDepartureItem = {
      kind: 'register_departure',
      key: newClientKey(),
      seq: nextSeq(),
      label: `人员离开：${person.name}（去 ${destination}）`,
      state: 'waiting',
      message: null,
      attempts: 0,
      createdAt: new Date().toISOString(),
      sentAt: null,
      photos: [],
      personId: person.id,
      body: {
        version: person.version,
        status: 'moved_out',
        reason: `离开，去向：${destination}`.slice(0, 200),
      },
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({ icon: 'success', content: isOnline() ? '已提交' : '已保存，有信号时自动上传' });
  }

  const tags = person.tags
    .map((tag) =>
      Object.hasOwn(PERSON_TAG_LABELS, tag) ? PERSON_TAG_LABELS[tag as PersonTag]['zh-CN'] : tag,
    )
    .join('、');
  return (
    <div className="page">
      <List header="基本信息">
        <List.Item extra={<span data-testid="person-name">{person.name}</span>}>姓名</List.Item>
        <List.Item extra={person.gender ? GENDER_LABELS[person.gender]['zh-CN'] : '—'}>性别</List.Item>
        <List.Item extra={person.idNumber ?? '—'} description={ID_TYPE_LABELS[person.idType]['zh-CN']}>
          证件号码
        </List.Item>
        <List.Item extra={person.phone ?? '—'}>联系电话</List.Item>
        <List.Item extra={person.ethnicity ?? '—'}>民族</List.Item>
        <List.Item extra={RESIDENCE_STATUS_LABELS[person.residenceStatus]['zh-CN']}>人口类型</List.Item>
        <List.Item description={person.hukouPlace ?? '—'}>户籍地</List.Item>
        <List.Item description={person.address ?? '—'}>现住址</List.Item>
        {tags && <List.Item description={tags}>标签</List.Item>}
        <List.Item extra={person.verifiedAt ? person.verifiedAt.slice(0, 10) : '从未复核'}>
          上次复核
        </List.Item>
      </List>
      {queued ? (
        <List header="我的复核">
          <List.Item
            extra={<OutboxStateTag state={queued.state} />}
            description={queued.message ?? undefined}
          >
            {queued.label}
          </List.Item>
        </List>
      ) : (
        <Space direction="vertical" block className="person-actions">
          <Button
            block
            color="primary"
            size="large"
            onClick={() => void queue({ version: person.version, outcome: 'confirmed' }, '复核确认')}
          >
            信息无误，确认复核
          </Button>
          <Button block size="large" onClick={() => setCorrecting(true)}>
            信息有误，提交纠正
          </Button>
          {person.status === 'active' && (
            <Button block size="large" fill="none" onClick={() => setLeaving(true)}>
              登记离开（去）
            </Button>
          )}
        </Space>
      )}
      <Popup
        visible={leaving}
        onMaskClick={() => setLeaving(false)}
        bodyStyle={{ borderRadius: '12px 12px 0 0' }}
      >
        {leaving && (
          <Form
            layout="vertical"
            onFinish={(values: { destination: string }) => {
              setLeaving(false);
              void leave(values.destination.trim());
            }}
            footer={
              <Button block type="submit" color="danger" size="large">
                确认离开
              </Button>
            }
          >
            <Form.Header>{person.name} 离开本网格</Form.Header>
            <Form.Item
              name="destination"
              label="去向"
              rules={[{ required: true, whitespace: true, message: '请填写去向' }]}
            >
              <Input placeholder="如：成都市武侯区（务工）" clearable />
            </Form.Item>
          </Form>
        )}
      </Popup>
      <Popup
        visible={correcting}
        onMaskClick={() => setCorrecting(false)}
        bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '85vh', overflowY: 'auto' }}
      >
        {correcting && (
          <CorrectionForm
            person={person}
            onSubmit={(corrections: Corrections) => {
              setCorrecting(false);
              void queue({ version: person.version, outcome: 'corrected', corrections }, '复核纠正');
            }}
          />
        )}
      </Popup>
    </div>
  );
}
