// 通报: the archive of monthly (written by the scheduled job on the 1st) and on-demand bulletins,
// each with its Word file and workbook to download and what it says under its row; the county
// writes one for any month on demand.
import { useCallback, useEffect, useState } from 'react';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { can, type Bulletin, type BulletinFigures, type BulletinList, type BulletinSummary } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { useUser } from '../auth/auth.js';
import { BulletinGenerate } from './bulletin-generate.js';
import { BulletinFiguresView } from './bulletin-figures.js';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function Figures({ id }: { id: string }) {
  const { t } = useLocale();
  const [figures, setFigures] = useState<BulletinFigures | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.get<Bulletin>(`/api/bulletins/${id}`).then(
      (bulletin) => setFigures(bulletin.figures),
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [id, t]);
  if (error) return <Alert type="error" showIcon title={error} />;
  return figures ? <BulletinFiguresView figures={figures} /> : null;
}

export function BulletinsPage() {
  const { t } = useLocale();
  const user = useUser();
  const [items, setItems] = useState<BulletinSummary[] | null>(null);
  const [error, setError] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);

  const load = useCallback(() => {
    api.get<BulletinList>('/api/bulletins', { limit: 200 }).then(
      (list) => {
        setItems(list.items);
        setError('');
      },
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [t]);
  useEffect(load, [load]);

  return (
    <Card title={t('通报', 'Bulletins')}>
      <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
        {can(user.role, 'assessment.manage') && (
          <BulletinGenerate
            onWritten={(bulletin) => {
              setFresh(bulletin.id);
              load();
            }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <Table<BulletinSummary>
          rowKey="id"
          size="middle"
          loading={items === null && !error}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="bulletin-table"
          expandable={{ expandedRowRender: (row) => <Figures id={row.id} /> }}
          onRow={(row) => ({ 'data-testid': `bulletin-${row.id}`, style: row.id === fresh ? { background: '#e6f4ff' } : undefined })}
          locale={{ emptyText: t('暂无通报', 'No bulletins yet') }}
          columns={[
            { title: t('期间', 'Period'), dataIndex: 'period', width: 100 },
            {
              title: t('类型', 'Kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: BulletinSummary['kind']) => (kind === 'monthly' ? <Tag color="blue">{t('月度', 'Monthly')}</Tag> : <Tag>{t('临时生成', 'On demand')}</Tag>),
            },
            { title: t('标题', 'Title'), dataIndex: 'title' },
            { title: t('生成时间', 'Written at'), dataIndex: 'createdAt', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            { title: t('生成人', 'Written by'), dataIndex: 'createdByName', width: 120, render: (name: string | null) => name ?? t('定时任务', 'Scheduled job') },
            {
              title: t('下载', 'Download'),
              key: 'files',
              width: 260,
              render: (_, row) => (
                <Space style={{ whiteSpace: 'nowrap' }}>
                  <a href={row.docx.url} download={row.docx.name} aria-label={t(`下载 Word：${row.title}`, `Download Word: ${row.title}`)}>
                    <FileWordOutlined /> Word（{size(row.docx.bytes)}）
                  </a>
                  <a href={row.xlsx.url} download={row.xlsx.name} aria-label={t(`下载 Excel：${row.title}`, `Download Excel: ${row.title}`)}>
                    <FileExcelOutlined /> Excel（{size(row.xlsx.bytes)}）
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
