// One person of my grid, masked as the server sent it: confirm that the record is right (复核) or
// send a correction. Both wait in the outbox with the version read, so a record changed meanwhile
// comes back as 需处理 rather than overwriting someone else's change.
import { useEffect, useState } from 'react';
import { DotLoading, ErrorBlock, List, Popup, Toast } from 'antd-mobile';
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
import { freshOutboxFields, putOutboxItem } from '../outbox/outbox.store.js';
import { VerifyActions } from './verify-actions.js';
import { useOutbox } from '../outbox/use-outbox.js';
import type { VerifyPersonItem } from '../outbox/outbox.types.js';
import { FloatingDeparture } from '../floating/departure-sheet.js';
import { VisitHistory } from '../visits/visit-history.js';
import { loadMyGrids, peopleOfGrid } from './my-grids.js';
import { CorrectionForm, type Corrections } from './correction-form.js';
import { isOnline } from '../../lib/network.js';
import { fieldLocale, t } from '../../app/i18n.js';

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
        title={t('打不开这个人员', 'Cannot open this person')}
        description={t(
          '没有信号，手机上也没有保存他的信息',
          'No signal, and this person is not kept on the phone',
        )}
      />
    );

  async function queue(body: VerifyPersonBody, what: string) {
    if (!person) return;
    const item: VerifyPersonItem = {
      kind: 'verify_person',
      ...freshOutboxFields(`${what}${t('：', ': ')}${person.name}`),
      personId: person.id,
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

  const tags = person.tags
    .map((tag) =>
      Object.hasOwn(PERSON_TAG_LABELS, tag) ? PERSON_TAG_LABELS[tag as PersonTag][fieldLocale()] : tag,
    )
    .join(t('、', ', '));
  return (
    <div className="page">
      <List header={t('基本信息', 'Details')}>
        <List.Item extra={<span data-testid="person-name">{person.name}</span>}>
          {t('姓名', 'Name')}
        </List.Item>
        <List.Item extra={person.gender ? GENDER_LABELS[person.gender][fieldLocale()] : '—'}>
          {t('性别', 'Gender')}
        </List.Item>
        <List.Item extra={person.idNumber ?? '—'} description={ID_TYPE_LABELS[person.idType][fieldLocale()]}>
          {t('证件号码', 'ID number')}
        </List.Item>
        <List.Item extra={person.phone ?? '—'}>{t('联系电话', 'Phone')}</List.Item>
        <List.Item extra={person.ethnicity ?? '—'}>{t('民族', 'Ethnicity')}</List.Item>
        <List.Item extra={RESIDENCE_STATUS_LABELS[person.residenceStatus][fieldLocale()]}>
          {t('人口类型', 'Residence')}
        </List.Item>
        <List.Item description={person.hukouPlace ?? '—'}>{t('户籍地', 'Hukou place')}</List.Item>
        <List.Item description={person.address ?? '—'}>{t('现住址', 'Address')}</List.Item>
        {tags && <List.Item description={tags}>{t('标签', 'Tags')}</List.Item>}
        <List.Item
          extra={person.verifiedAt ? person.verifiedAt.slice(0, 10) : t('从未复核', 'Never verified')}
        >
          {t('上次复核', 'Last verified')}
        </List.Item>
      </List>
      <VerifyActions
        queued={queued}
        onConfirm={() =>
          void queue({ version: person.version, outcome: 'confirmed' }, t('复核确认', 'Confirmed'))
        }
        onCorrect={() => setCorrecting(true)}
      />
      <div className="person-actions">
        <FloatingDeparture person={person} />
      </div>
      <VisitHistory personId={person.id} />
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
              void queue(
                { version: person.version, outcome: 'corrected', corrections },
                t('复核纠正', 'Corrected'),
              );
            }}
          />
        )}
      </Popup>
    </div>
  );
}
