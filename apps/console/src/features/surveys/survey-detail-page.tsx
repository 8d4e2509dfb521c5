// One survey: its period, sample and questionnaire; the county opens it (the sample is drawn then)
// and closes it; the results per village and township with their 95% intervals; a village's
// sampled people, for entering phone interviews; and the villages' QR codes to print.
import { useCallback, useEffect, useState } from 'react';
import { ArrowLeftOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { can, type Survey, type SurveyRates } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { SurveyFormDrawer } from './survey-form-drawer.js';
import { SURVEY_HALF_LABELS, SURVEY_KIND_LABELS, SURVEY_STATUS_COLORS, SURVEY_STATUS_LABELS } from './survey-labels.js';
import { SurveyRatesTable } from './survey-rates-table.js';
import { SurveySampleDrawer } from './survey-sample-drawer.js';
import './surveys.css';

export function SurveyDetailPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [rates, setRates] = useState<SurveyRates | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [villageId, setVillageId] = useState<string | null>(null);

  const load = useCallback(() => {
    api.get<Survey>(`/api/surveys/${id}`).then(setSurvey, (caught: unknown) => setError(failureText(caught, t)));
    api.get<SurveyRates>(`/api/surveys/${id}/rates`).then(setRates, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  useEffect(load, [load]);

  if (error && !survey) return <Alert type="error" showIcon title={error} />;
  if (!survey) return <Skeleton active />;
  const manages = can(user.role, 'survey.manage');

  async function step(action: 'open' | 'close') {
    setBusy(true);
    setError('');
    try {
      setSurvey(await api.post<Survey>(`/api/surveys/${id}/${action}`));
      message.success(action === 'open' ? t('调查已开始，样本已抽取', 'Opened: the sample is drawn') : t('调查已结束', 'Closed'));
      load();
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate(`/assessment/surveys?year=${survey.year}`)} />
            {survey.title}
            <Tag color={SURVEY_STATUS_COLORS[survey.status]} data-testid="survey-status">
              {SURVEY_STATUS_LABELS[survey.status][locale]}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {survey.status !== 'draft' && (
              <Button icon={<QrcodeOutlined />} onClick={() => window.open(`/assessment/surveys/${id}/qr`, '_blank')}>
                {t('打印二维码', 'Print QR codes')}
              </Button>
            )}
            {manages && survey.status === 'draft' && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('修改', 'Edit')}
                </Button>
                <Popconfirm
                  title={t(`开始调查？将从每村成年常住人口中随机抽取 ${survey.samplePerVillage} 人，开始后不能再修改问卷`, `Open it? ${survey.samplePerVillage} adults are drawn per village and the questionnaire is fixed`)}
                  okText={t('开始', 'Open')}
                  cancelText={t('取消', 'Cancel')}
                  onConfirm={() => void step('open')}
                >
                  <Button type="primary" loading={busy}>
                    {t('开始调查', 'Open the survey')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {manages && survey.status === 'open' && (
              <Popconfirm title={t('结束调查？之后不再接受回答', 'Close it? No more answers are taken')} okText={t('结束', 'Close')} cancelText={t('取消', 'Cancel')} onConfirm={() => void step('close')}>
                <Button danger loading={busy}>
                  {t('结束调查', 'Close the survey')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="survey-error" />}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('半年', 'Half')}>{SURVEY_HALF_LABELS[survey.half][locale]}</Descriptions.Item>
          <Descriptions.Item label={t('调查时间', 'Period')}>{`${survey.startsOn} ~ ${survey.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('每村抽样', 'Sample per village')}>{t(`${survey.samplePerVillage} 人`, String(survey.samplePerVillage))}</Descriptions.Item>
          <Descriptions.Item label={t('村（社区）', 'Villages')}>{survey.villageCount}</Descriptions.Item>
          <Descriptions.Item label={t('样本量 / 已答', 'Sample / answered')}>{`${survey.sampleSize} / ${survey.answered}`}</Descriptions.Item>
          <Descriptions.Item label={t('随机种子', 'Seed')}>{survey.seed}</Descriptions.Item>
        </Descriptions>
        <Collapse
          size="small"
          items={[
            {
              key: 'questions',
              label: t(`问卷（${survey.questions.length} 题）`, `Questionnaire (${survey.questions.length})`),
              children: (
                <ol style={{ margin: 0, paddingLeft: 20 }}>
                  {survey.questions.map((question) => (
                    <li key={question.id} style={{ marginBottom: 6 }}>
                      <Tag>{SURVEY_KIND_LABELS[question.kind][locale]}</Tag>
                      {question.text}
                      {question.options && (
                        <div style={{ color: '#595959' }}>
                          {question.options.map((option) => `${option.label}${option.positive ? t('（计入）', ' (counts)') : ''}`).join(' / ')}
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('调查结果', 'Results')}>
        {survey.status === 'draft' && <Alert type="info" showIcon title={t('调查开始后抽取样本，这里显示各村的应答和知晓率、满意率', 'Once opened, each village’s answers and rates show here')} style={{ marginBottom: 12 }} />}
        {rates ? <SurveyRatesTable rates={rates} onOpenVillage={setVillageId} /> : <Skeleton active />}
      </Card>
      <SurveyFormDrawer
        open={editing}
        survey={survey}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setSurvey(saved);
          load();
        }}
      />
      <SurveySampleDrawer survey={survey} villageId={villageId} mayAnswer={can(user.role, 'survey.answer')} onClose={() => setVillageId(null)} onAnswered={load} />
    </Space>
  );
}
