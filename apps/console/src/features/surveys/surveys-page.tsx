// 知晓率满意率调查: the surveys of a year (first half: awareness; second half: awareness and
// satisfaction), with how far each got; the county starts a new one here.
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can, shanghaiDate, type SurveyList, type SurveySummary } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { SurveyFormDrawer } from './survey-form-drawer.js';
import { SURVEY_HALF_LABELS, SURVEY_STATUS_COLORS, SURVEY_STATUS_LABELS } from './survey-labels.js';

export function SurveysPage() {
  const { locale, t } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiDate(Date.now()).slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  const [items, setItems] = useState<SurveySummary[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let alive = true;
    setItems(null);
    setError('');
    api.get<SurveyList>('/api/surveys', { year }).then(
      (list) => alive && setItems(list.items),
      (caught: unknown) => {
        if (!alive) return;
        setItems([]);
        setError(failureText(caught, t));
      },
    );
    return () => {
      alive = false;
    };
  }, [year, t]);

  const years = Array.from({ length: 5 }, (_, index) => thisYear + 1 - index);
  return (
    <Card
      title={t('知晓率满意率调查', 'Awareness and satisfaction surveys')}
      extra={
        can(user.role, 'survey.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('新建调查', 'New survey')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('年度', 'Year')}
          style={{ width: 120 }}
          value={year}
          onChange={(value: number) => setParams(value === thisYear ? {} : { year: String(value) })}
          options={years.map((value) => ({ value, label: t(`${value} 年`, String(value)) }))}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<SurveySummary>
        rowKey="id"
        size="middle"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('这一年还没有调查', 'No surveys this year')} /> }}
        columns={[
          { title: t('调查名称', 'Title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/assessment/surveys/${row.id}`}>{title}</Link> },
          { title: t('半年', 'Half'), dataIndex: 'half', width: 200, render: (half: SurveySummary['half']) => SURVEY_HALF_LABELS[half][locale] },
          { title: t('调查时间', 'Period'), key: 'period', width: 200, render: (_: unknown, row) => `${row.startsOn} ~ ${row.endsOn}` },
          { title: t('村（社区）', 'Villages'), dataIndex: 'villageCount', width: 100, align: 'right' as const },
          { title: t('样本量', 'Sample'), dataIndex: 'sampleSize', width: 90, align: 'right' as const },
          { title: t('已答', 'Answered'), dataIndex: 'answered', width: 90, align: 'right' as const },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 90,
            render: (status: SurveySummary['status']) => <Tag color={SURVEY_STATUS_COLORS[status]}>{SURVEY_STATUS_LABELS[status][locale]}</Tag>,
          },
        ]}
      />
      <SurveyFormDrawer open={creating} survey={null} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/assessment/surveys/${saved.id}`)} />
    </Card>
  );
}
