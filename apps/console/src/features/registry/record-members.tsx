// The people of a household or house and how each belongs (a household has exactly one head).
// The list is edited in place — people found by name, a relation each — and saved as a whole after
// a confirmation; the server's refusal (two heads, the same person twice) shows above the table.
import { useCallback, useEffect, useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { RECORD_KIND_DEFINITIONS, type PersonView, type RecordKind } from '@gridwork/core';
import { api } from '@gridwork/client';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from './registry-list.js';

interface Member {
  readonly personId: string;
  readonly name: string;
  readonly idNumber: string | null;
  readonly relation: string;
}

function PersonSearch({ onPick, exclude }: { onPick(person: PersonView): void; exclude: readonly string[] }) {
  const { t } = useLocale();
  const [options, setOptions] = useState<PersonView[]>([]);
  const [searching, setSearching] = useState(false);
  return (
    <Select<string>
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          if (text.trim().length === 0) return setOptions([]);
          setSearching(true);
          api
            .get<{ items: PersonView[] }>('/api/persons', { name: text.trim(), status: 'active', limit: 20 })
            .then(
              (answer) => setOptions(answer.items),
              () => setOptions([]),
            )
            .finally(() => setSearching(false));
        },
      }}
      aria-label={t('按姓名查找人员', 'Find a person by name')}
      placeholder={t('输入姓名查找人员', 'Type a name to find a person')}
      style={{ width: 280 }}
      loading={searching}
      value={null}
      notFoundContent={searching ? t('查找中…', 'Searching…') : t('没有找到', 'Nobody found')}
      options={options
        .filter((person) => !exclude.includes(person.id))
        .map((person) => ({ value: person.id, label: `${person.name}（${person.idNumber ?? '—'}）` }))}
      onChange={(id) => {
        const person = options.find((candidate) => candidate.id === id);
        if (person) onPick(person);
      }}
    />
  );
}

export function RecordMembersCard({
  kind,
  recordId,
  mayWrite,
  onSaved,
}: {
  kind: RecordKind;
  recordId: string;
  mayWrite: boolean;
  onSaved(): void;
}) {
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const relations = RECORD_KIND_DEFINITIONS[kind].members?.relations ?? {};
  const [members, setMembers] = useState<Member[] | null>(null);
  const [draft, setDraft] = useState<Member[] | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const url = `/api/${RECORD_SEGMENTS[kind]}/${recordId}/members`;

  const load = useCallback(async () => {
    try {
      setMembers((await api.get<{ items: Member[] }>(url)).items);
    } catch (caught) {
      setMembers([]);
      setError(failureText(caught, t));
    }
  }, [url, t]);

  useEffect(() => {
    void load();
  }, [load]);

  function save() {
    if (!draft) return;
    modal.confirm({
      title: t('保存成员名单？', 'Save the members?'),
      content: t(`共 ${draft.length} 人。`, `${draft.length} people.`),
      okText: t('保存', 'Save'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        setSaving(true);
        setError('');
        try {
          const answer = await api.put<{ items: Member[] }>(url, {
            members: draft.map((member) => ({ personId: member.personId, relation: member.relation })),
          });
          setMembers(answer.items);
          setDraft(null);
          void message.success(t('成员已保存', 'Members saved'));
          onSaved();
        } catch (caught) {
          setError(failureText(caught, t));
        } finally {
          setSaving(false);
        }
      },
    });
  }

  const rows = draft ?? members ?? [];
  const firstRelation =
    Object.keys(relations).find((relation) => relation !== 'head') ?? Object.keys(relations)[0] ?? 'other';
  return (
    <Card
      title={t('成员', 'Members')}
      loading={members === null}
      extra={
        mayWrite &&
        (draft ? (
          <Space>
            <Button
              onClick={() => {
                setDraft(null);
                setError('');
              }}
            >
              {t('取消', 'Cancel')}
            </Button>
            <Button type="primary" loading={saving} onClick={save}>
              {t('保存成员', 'Save members')}
            </Button>
          </Space>
        ) : (
          <Button icon={<EditOutlined />} onClick={() => setDraft(members ?? [])}>
            {t('编辑成员', 'Edit members')}
          </Button>
        ))
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {draft && (
        <Space style={{ marginBottom: 12 }} wrap>
          <PlusOutlined />
          <PersonSearch
            exclude={draft.map((member) => member.personId)}
            onPick={(person) =>
              setDraft([
                ...draft,
                {
                  personId: person.id,
                  name: person.name,
                  idNumber: person.idNumber,
                  relation: draft.length === 0 && relations['head'] ? 'head' : firstRelation,
                },
              ])
            }
          />
          {kind === 'household' && (
            <Typography.Text type="secondary">
              {t('一户有且只有一名户主', 'A household has exactly one head')}
            </Typography.Text>
          )}
        </Space>
      )}
      <Table<Member>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有成员', 'No members yet')} />
          ),
        }}
        columns={[
          {
            title: t('姓名', 'Name'),
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/registry/persons/${row.personId}`}>{name}</Link>,
          },
          {
            title: t('证件号码', 'ID number'),
            dataIndex: 'idNumber',
            render: (value: string | null) => <Typography.Text code>{value ?? '—'}</Typography.Text>,
          },
          {
            title: t('关系', 'Relation'),
            dataIndex: 'relation',
            width: 160,
            render: (relation: string, row) =>
              draft ? (
                <Select
                  size="small"
                  style={{ width: 130 }}
                  value={relation}
                  aria-label={t('关系', 'Relation')}
                  options={Object.entries(relations).map(([value, labels]) => ({
                    value,
                    label: labels[locale],
                  }))}
                  onChange={(value) =>
                    setDraft(
                      draft.map((member) =>
                        member.personId === row.personId ? { ...member, relation: value } : member,
                      ),
                    )
                  }
                />
              ) : (
                (relations[relation]?.[locale] ?? relation)
              ),
          },
          ...(draft
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, row: Member) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('移除', 'Remove')}
                      onClick={() => setDraft(draft.filter((member) => member.personId !== row.personId))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
