// The people, households, houses and organisations of my grids: a search (the server's when there
// is a signal, the copy kept on the phone when not), one grid and one kind at a time.
import { useEffect, useState } from 'react';
import { Button, DotLoading, List, SearchBar, Selector, Tag } from 'antd-mobile';
import { RESIDENCE_STATUS_LABELS, type CurrentUser, type PersonView, type RecordView } from '@gridwork/core';
import { api } from '@gridwork/client';
import { navigate } from '../../app/router.js';
import { fieldLocale, t } from '../../app/i18n.js';
import { peopleOfGrid, recordsOfGrid, useMyGrids } from './my-grids.js';
import { isOnline } from '../../lib/network.js';
import {
  FIELD_RECORD_KINDS,
  RECORD_SEGMENTS,
  categoryLabel,
  kindLabel,
  recordPath,
  type FieldRecordKind,
} from './record-kinds.js';

const ID_NUMBER = /^[0-9Xx]{6,18}$/;

type Section = 'person' | FieldRecordKind;

async function searchPeople(text: string, gridPeople: readonly PersonView[]): Promise<PersonView[]> {
  const query = ID_NUMBER.test(text) ? { idNumber: text.toUpperCase() } : { name: text };
  if (isOnline()) {
    try {
      return (await api.get<{ items: PersonView[] }>('/api/persons', { ...query, limit: 50 })).items;
    } catch {
      // no signal after all: search what the phone keeps
    }
  }
  return gridPeople.filter((person) =>
    'name' in query ? person.name.startsWith(text) : (person.idNumber ?? '').slice(-4) === text.slice(-4),
  );
}

/** By a part of the name, or else of the address, within my scope; with no signal, in my grids' kept copy. */
async function searchRecords(
  kind: FieldRecordKind,
  text: string,
  gridRecords: readonly RecordView[],
): Promise<RecordView[]> {
  if (isOnline()) {
    try {
      const url = `/api/${RECORD_SEGMENTS[kind]}`;
      const byName = (await api.get<{ items: RecordView[] }>(url, { nameContains: text, limit: 50 })).items;
      if (byName.length > 0) return byName;
      return (await api.get<{ items: RecordView[] }>(url, { address: text, limit: 50 })).items;
    } catch {
      // no signal after all: search what the phone keeps
    }
  }
  return gridRecords.filter((record) => record.name.includes(text) || (record.address ?? '').includes(text));
}

function VerifiedTag({ verifiedAt }: { verifiedAt: string | null }) {
  return verifiedAt ? (
    <Tag color="success" fill="outline">
      {t('已复核', 'Verified')}
    </Tag>
  ) : (
    <Tag color="warning" fill="outline">
      {t('待复核', 'To verify')}
    </Tag>
  );
}

export function PersonRow({ person }: { person: PersonView }) {
  return (
    <List.Item
      data-testid="person"
      arrowIcon
      onClick={() => navigate(`/grid/${person.id}`)}
      description={`${person.idNumber ?? ''} ${person.address ?? ''}`}
      extra={<VerifiedTag verifiedAt={person.verifiedAt} />}
    >
      {person.name}
      <span className="person-kind">{RESIDENCE_STATUS_LABELS[person.residenceStatus][fieldLocale()]}</span>
    </List.Item>
  );
}

export function RecordRow({ kind, record }: { kind: FieldRecordKind; record: RecordView }) {
  return (
    <List.Item
      data-testid="record"
      arrowIcon
      onClick={() => navigate(recordPath(kind, record.id))}
      description={record.address ?? undefined}
      extra={<VerifiedTag verifiedAt={record.verifiedAt} />}
    >
      {record.name}
      <span className="person-kind">{categoryLabel(kind, record.category)}</span>
    </List.Item>
  );
}

const SECTION_KEY = 'gridwork.field.grid-section';

export function MyGridPage({ user }: { user: CurrentUser }) {
  const grids = useMyGrids(user);
  const [gridId, setGridId] = useState<string | null>(null);
  // The kind chosen last is kept for the visit (back from a record's page lands on the same list).
  const [section, setSection] = useState<Section>(
    () => (sessionStorage.getItem(SECTION_KEY) as Section | null) ?? 'person',
  );
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [records, setRecords] = useState<RecordView[] | null>(null);
  const [search, setSearch] = useState('');
  const [foundPeople, setFoundPeople] = useState<PersonView[] | null>(null);
  const [foundRecords, setFoundRecords] = useState<RecordView[] | null>(null);
  const selected = gridId ?? grids?.mine[0]?.id ?? null;

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setPeople(null);
    setRecords(null);
    if (section === 'person')
      peopleOfGrid(selected).then(
        (list) => live && setPeople(list),
        () => live && setPeople([]),
      );
    else
      recordsOfGrid(section, selected).then(
        (list) => live && setRecords(list),
        () => live && setRecords([]),
      );
    return () => {
      live = false;
    };
  }, [selected, section]);

  async function runSearch(text: string) {
    const trimmed = text.trim();
    setSearch(trimmed);
    if (section === 'person') setFoundPeople(trimmed ? await searchPeople(trimmed, people ?? []) : null);
    else setFoundRecords(trimmed ? await searchRecords(section, trimmed, records ?? []) : null);
  }

  function choose(next: Section) {
    sessionStorage.setItem(SECTION_KEY, next);
    setSection(next);
    setSearch('');
    setFoundPeople(null);
    setFoundRecords(null);
  }

  if (!grids) return <DotLoading />;
  const found = section === 'person' ? foundPeople : foundRecords;
  const shownCount = section === 'person' ? (people?.length ?? 0) : (records?.length ?? 0);
  const sectionName = section === 'person' ? t('人员', 'People') : kindLabel(section);
  const loading =
    section === 'person' ? (foundPeople ?? people) === null : (foundRecords ?? records) === null;
  return (
    <div className="page">
      <div className="grid-tools">
        {grids.mine.length > 1 && (
          <Selector
            options={grids.mine.map((grid) => ({ label: grid.name, value: grid.id }))}
            value={selected ? [selected] : []}
            onChange={(value) => value[0] && setGridId(value[0])}
          />
        )}
        {grids.mine.length === 1 && <p className="hint">{grids.mine[0]?.name}</p>}
        <Selector
          aria-label={t('查找类别', 'What to find')}
          className="section-picker"
          columns={4}
          options={[
            { label: t('人员', 'People'), value: 'person' },
            ...FIELD_RECORD_KINDS.map((kind) => ({ label: kindLabel(kind), value: kind })),
          ]}
          value={[section]}
          onChange={(value) => value[0] && choose(value[0] as Section)}
        />
        <SearchBar
          key={section}
          placeholder={
            section === 'person'
              ? t('姓名或身份证号', 'Name or ID number')
              : t('名称或地址', 'Name or address')
          }
          aria-label={section === 'person' ? t('查找人员', 'Find people') : t('查找', 'Find')}
          onSearch={(text) => void runSearch(text)}
          onClear={() => void runSearch('')}
        />
        {section === 'person' && (
          <Button block color="primary" fill="outline" onClick={() => navigate('/grid/arrival')}>
            {t('登记流动人口来', 'Register a floating arrival')}
          </Button>
        )}
      </div>
      <List
        header={
          found
            ? t(`“${search}”的查找结果（${found.length}）`, `Found for “${search}” (${found.length})`)
            : t(`本网格${sectionName}（${shownCount}）`, `${sectionName} of this grid (${shownCount})`)
        }
      >
        {loading && (
          <List.Item>
            <DotLoading />
          </List.Item>
        )}
        {section === 'person'
          ? (foundPeople ?? people)?.map((person) => <PersonRow key={person.id} person={person} />)
          : (foundRecords ?? records)?.map((record) => (
              <RecordRow key={record.id} kind={section} record={record} />
            ))}
        {!loading && (found ?? (section === 'person' ? people : records))?.length === 0 && (
          <List.Item>{t('没有找到', 'Nothing found')}</List.Item>
        )}
      </List>
    </div>
  );
}
