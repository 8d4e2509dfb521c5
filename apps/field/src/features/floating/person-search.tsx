// Picking someone already registered in my grids for an arrival: by name or ID number, from the
// server with a signal and from the people kept on the phone without one.
import { useState } from 'react';
import { Button, List, SearchBar } from 'antd-mobile';
import type { CurrentUser, PersonView } from '@gridwork/core';
import { api } from '@gridwork/client';
import { t } from '../../app/i18n.js';
import { isOnline } from '../../lib/network.js';
import { loadMyGrids, peopleOfGrid } from '../grid/my-grids.js';

const ID_NUMBER = /^[0-9Xx]{4,18}$/;

async function findPeople(user: CurrentUser, text: string): Promise<PersonView[]> {
  const byNumber = ID_NUMBER.test(text);
  if (isOnline()) {
    try {
      const query = byNumber && text.length === 18 ? { idNumber: text.toUpperCase() } : { name: text };
      return (await api.get<{ items: PersonView[] }>('/api/persons', { ...query, limit: 20 })).items;
    } catch {
      // no signal after all: the kept people
    }
  }
  const { mine } = await loadMyGrids(user);
  const kept = (await Promise.all(mine.map((grid) => peopleOfGrid(grid.id).catch(() => [])))).flat();
  return kept.filter((person) =>
    byNumber
      ? (person.idNumber ?? '').slice(-4) === text.slice(-4).toUpperCase()
      : person.name.startsWith(text),
  );
}

interface PersonSearchProps {
  readonly user: CurrentUser;
  readonly chosen: PersonView | null;
  readonly onChoose: (person: PersonView | null) => void;
}

export function PersonSearch({ user, chosen, onChoose }: PersonSearchProps) {
  const [found, setFound] = useState<PersonView[] | null>(null);
  if (chosen)
    return (
      <List.Item
        data-testid="arrival-person"
        description={`${chosen.idNumber ?? ''} ${chosen.address ?? ''}`}
        extra={
          <Button size="mini" onClick={() => onChoose(null)}>
            {t('更换', 'Change')}
          </Button>
        }
      >
        {chosen.name}
      </List.Item>
    );
  return (
    <>
      <div className="floating-search">
        <SearchBar
          aria-label={t('查找已登记的人', 'Find a registered person')}
          placeholder={t('姓名或身份证号', 'Name or ID number')}
          onSearch={(text) =>
            void (text.trim() ? findPeople(user, text.trim()).then(setFound) : setFound(null))
          }
          onClear={() => setFound(null)}
        />
      </div>
      {found?.map((person) => (
        <List.Item
          key={person.id}
          data-testid="arrival-candidate"
          onClick={() => onChoose(person)}
          description={`${person.idNumber ?? ''} ${person.address ?? ''}`}
          arrowIcon={false}
        >
          {person.name}
        </List.Item>
      ))}
      {found?.length === 0 && <List.Item>{t('没有找到', 'Nobody found')}</List.Item>}
    </>
  );
}
