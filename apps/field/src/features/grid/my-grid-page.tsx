// The people of my grids: a search by name or ID number (the server's when there is a signal, the
// kept copy when not), one grid at a time.
import { useEffect, useState } from 'react';
import { Button, DotLoading, List, SearchBar, Selector, Tag } from 'antd-mobile';
import { RESIDENCE_STATUS_LABELS, type CurrentUser, type PersonView } from '@gridwork/core';
import { api } from '@gridwork/client';
import { navigate } from '../../app/router.js';
import { peopleOfGrid, useMyGrids } from './my-grids.js';
import { isOnline } from '../../lib/network.js';

const ID_NUMBER = /^[0-9Xx]{6,18}$/;

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

export function PersonRow({ person }: { person: PersonView }) {
  return (
    <List.Item
      data-testid="person"
      arrowIcon
      onClick={() => navigate(`/grid/${person.id}`)}
      description={`${person.idNumber ?? ''} ${person.address ?? ''}`}
      extra={
        person.verifiedAt ? (
          <Tag color="success" fill="outline">
            已复核
          </Tag>
        ) : (
          <Tag color="warning" fill="outline">
            待复核
          </Tag>
        )
      }
    >
      {person.name}
      <span className="person-kind">{RESIDENCE_STATUS_LABELS[person.residenceStatus]['zh-CN']}</span>
    </List.Item>
  );
}

export function MyGridPage({ user }: { user: CurrentUser }) {
  const grids = useMyGrids(user);
  const [gridId, setGridId] = useState<string | null>(null);
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PersonView[] | null>(null);
  const selected = gridId ?? grids?.mine[0]?.id ?? null;

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setPeople(null);
    peopleOfGrid(selected).then(
      (list) => live && setPeople(list),
      () => live && setPeople([]),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  async function runSearch(text: string) {
    const trimmed = text.trim();
    setSearch(trimmed);
    setFound(trimmed ? await searchPeople(trimmed, people ?? []) : null);
  }

  if (!grids) return <DotLoading />;
  const shown = found ?? people;
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
        <SearchBar
          placeholder="姓名或身份证号"
          aria-label="查找人员"
          onSearch={(text) => void runSearch(text)}
          onClear={() => void runSearch('')}
        />
        <Button block color="primary" fill="outline" onClick={() => navigate('/grid/arrival')}>
          登记流动人口来
        </Button>
      </div>
      <List
        header={found ? `“${search}”的查找结果（${found.length}）` : `本网格人员（${people?.length ?? 0}）`}
      >
        {shown === null && (
          <List.Item>
            <DotLoading />
          </List.Item>
        )}
        {shown?.map((person) => (
          <PersonRow key={person.id} person={person} />
        ))}
        {shown?.length === 0 && <List.Item>没有找到</List.Item>}
      </List>
    </div>
  );
}
