// 考核方案: the year's scoring scheme per unit kind (items and weights, deduction rules, the cap,
// the minimum cases), its versions, and — for the county, this year or a later one — editing it
// into a new version, which recomputes this year's stored scores. A past year only reads.
import { useEffect, useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, List, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, shanghaiDate, type PutScoreSchemeResult, type SchemeVersions, type ScoreScheme } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { useUser } from '../auth/auth.js';
import { SchemeEditor } from './scheme-editor.js';
import { SchemeView } from './scheme-view.js';
import { UNIT_KIND_LABELS } from './score-labels.js';

export function SchemePage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const [year, setYear] = useState<Dayjs>(() => dayjs(shanghaiDate(Date.now())));
  const [version, setVersion] = useState<number | null>(null);
  const [scheme, setScheme] = useState<ScoreScheme | null>(null);
  const [versions, setVersions] = useState<SchemeVersions | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<PutScoreSchemeResult | null>(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const yearNumber = year.year();

  useEffect(() => {
    let alive = true;
    setError('');
    Promise.all([
      api.get<ScoreScheme>(`/api/assessment/schemes/${yearNumber}`, version === null ? {} : { version }),
      api.get<SchemeVersions>(`/api/assessment/schemes/${yearNumber}/versions`),
    ]).then(
      ([answer, list]) => {
        if (!alive) return;
        setScheme(answer);
        setVersions(list);
      },
      (caught: unknown) => alive && setError(failureText(caught, t)),
    );
    return () => {
      alive = false;
    };
  }, [yearNumber, version, reload, t]);

  const latest = scheme !== null && scheme.version === scheme.latestVersion;
  const mayEdit = can(user.role, 'assessment.manage') && scheme?.editable === true && latest;

  function onSaved(result: PutScoreSchemeResult) {
    setEditing(false);
    setSaved(result);
    setVersion(null);
    setReload((n) => n + 1);
    message.success(t(`已保存为第 ${result.scheme.version} 版`, `Saved as version ${result.scheme.version}`));
  }

  const heading = scheme
    ? scheme.version === 0
      ? t(`${scheme.year} 年考核方案（默认方案，尚未保存）`, `${scheme.year} scoring scheme (the default, not yet saved)`)
      : t(`${scheme.year} 年考核方案 第 ${scheme.version} 版`, `${scheme.year} scoring scheme, version ${scheme.version}`)
    : t('考核方案', 'Scoring scheme');

  return (
    <Row gutter={16}>
      <Col xs={24} xl={18}>
        <Card
          title={<span data-testid="scheme-heading">{heading}</span>}
          extra={
            <Space>
              <DatePicker
                picker="year"
                allowClear={false}
                aria-label={t('年度', 'Year')}
                value={year}
                onChange={(value) => {
                  if (!value) return;
                  setYear(value);
                  setVersion(null);
                  setEditing(false);
                }}
              />
              {mayEdit && !editing && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('修改方案', 'Edit')}
                </Button>
              )}
            </Space>
          }
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          {scheme && !scheme.editable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`${scheme.year} 年已过去，方案不能再修改，其得分保持不变。`, `${scheme.year} is over: its scheme no longer changes, nor do its scores.`)} />}
          {scheme && !latest && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t(`正在查看历史版本（第 ${scheme.version} 版，现行第 ${scheme.latestVersion} 版）`, `An older version (${scheme.version}; version ${scheme.latestVersion} is in force)`)}
              action={<Button onClick={() => setVersion(null)}>{t('返回现行版本', 'Back to the version in force')}</Button>}
            />
          )}
          {saved && !editing && (
            <Alert
              type="success"
              showIcon
              closable
              onClose={() => setSaved(null)}
              style={{ marginBottom: 16 }}
              data-testid="scheme-recomputed"
              title={
                saved.recomputed.length === 0
                  ? t('本年度尚无已计算的得分，无需重新计算。', 'No scores of this year were stored: nothing to recompute.')
                  : t(
                      `已按新方案重新计算本年度得分：${saved.recomputed.map((entry) => `${entry.period} ${UNIT_KIND_LABELS[entry.unitKind][0]}（${entry.units} 个）`).join('、')}`,
                      `This year's scores recomputed with the new scheme: ${saved.recomputed.map((entry) => `${entry.period} ${UNIT_KIND_LABELS[entry.unitKind][1]} (${entry.units})`).join(', ')}`,
                    )
              }
            />
          )}
          {scheme && (editing ? <SchemeEditor key={`${scheme.year}-${scheme.latestVersion}`} scheme={scheme} onSaved={onSaved} onCancel={() => setEditing(false)} /> : <SchemeView body={scheme.body} />)}
          {scheme && <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{scheme.formula}</Typography.Paragraph>}
        </Card>
      </Col>
      <Col xs={24} xl={6}>
        <Card title={t('版本记录', 'Versions')} size="small">
          <List
            size="small"
            dataSource={versions?.versions ?? []}
            locale={{ emptyText: t('尚未保存任何版本', 'No version saved yet') }}
            renderItem={(entry) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" size="small" disabled={scheme?.version === entry.version} onClick={() => setVersion(entry.version === scheme?.latestVersion ? null : entry.version)}>
                    {t('查看', 'Open')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {t(`第 ${entry.version} 版`, `Version ${entry.version}`)}
                      {entry.version === scheme?.latestVersion && <Tag color="green">{t('现行', 'In force')}</Tag>}
                    </Space>
                  }
                  description={
                    <>
                      <div>{entry.note || t('（无说明）', '(no note)')}</div>
                      <div>
                        {entry.createdBy.name} · {dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
