// A person's visits (走访记录) on their page: when, by whom, whom the worker met, what was found,
// and whether the visit was flagged.
import { useEffect, useState } from 'react';
import { Card, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { VISIT_FLAG_LABELS, VISIT_MET_LABELS, type Visit } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

export function PersonVisits({ personId }: { personId: string }) {
  const { locale, t } = useLocale();
  const [visits, setVisits] = useState<Visit[] | null>(null);
  useEffect(() => {
    let alive = true;
    api.get<{ items: Visit[] }>(`/api/persons/${personId}/visits`).then(
      (answer) => alive && setVisits(answer.items),
      () => alive && setVisits([]),
    );
    return () => {
      alive = false;
    };
  }, [personId]);
  return (
    <Card title={t('走访记录', 'Visits')} loading={visits === null}>
      <Table<Visit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={visits ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有走访', 'No visits yet')} />
          ),
        }}
        columns={[
          {
            title: t('时间', 'When'),
            dataIndex: 'visitedAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('网格员', 'Worker'), dataIndex: 'workerName' },
          {
            title: t('见到', 'Met'),
            dataIndex: 'met',
            render: (met: Visit['met']) => VISIT_MET_LABELS[met][locale],
          },
          {
            title: t('情况', 'Found'),
            render: (_: unknown, row) => (
              <>
                {row.situation === 'abnormal' ? (
                  <Tag color="red">{t('异常', 'Abnormal')}</Tag>
                ) : (
                  <Tag color="green">{t('正常', 'Normal')}</Tag>
                )}
                {row.flags.map((flag) => (
                  <Tag key={flag} color="orange">
                    {VISIT_FLAG_LABELS[flag][locale]}
                  </Tag>
                ))}
                {row.notes}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
