// /assessment/surveys/:id/qr — one QR code per village to print and post in the village: residents
// scan it and answer the questionnaire on their phones, without signing in (the field app's light
// page /m/survey.html?c=<code>). Two cards per A4 row when printed.
import { useEffect, useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Survey } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { QrCodeImage } from '../../app/qr-code-image.js';
import { failureText } from '../../app/keyset-list.js';
import { publicSurveyUrl } from './survey-labels.js';
import './surveys.css';

// Only while this page is shown: A4 with narrow margins (the console's other printouts keep theirs).
const PRINT_PAGE = '@page { size: A4; margin: 12mm; }';

export function SurveyQrPrintPage() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.get<Survey>(`/api/surveys/${id}`).then(setSurvey, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, t]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!survey) return <Skeleton active />;
  return (
    <main className="survey-qr-page">
      <style>{PRINT_PAGE}</style>
      <div className="no-print survey-qr-toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {survey.title}
        </Typography.Title>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('打印', 'Print')}
        </Button>
      </div>
      <Typography.Paragraph className="no-print" style={{ color: '#595959' }}>
        {t(`共 ${survey.villages.length} 个村（社区），每张 A4 纸打印 4 个，裁开后张贴在村务公开栏、便民服务点等处。`, `${survey.villages.length} villages, four to an A4 page: cut them apart and post them where residents pass.`)}
      </Typography.Paragraph>
      {survey.status === 'closed' && <Alert className="no-print" type="warning" showIcon title={t('调查已结束，扫码将提示调查已结束', 'The survey is closed: the codes now say so')} style={{ marginBottom: 16 }} />}
      <div className="survey-qr-sheet">
        {survey.villages.map((village) => {
          const url = publicSurveyUrl(village.publicCode);
          return (
            <section key={village.id} className="survey-qr-card" aria-label={village.name}>
              <p className="survey-qr-call">{t('扫码参加群众调查', 'Scan to answer the survey')}</p>
              <h2 className="survey-qr-village">
                {village.townshipName ? `${village.townshipName} · ` : ''}
                {village.name}
              </h2>
              <p className="survey-qr-title">{survey.title}</p>
              <QrCodeImage url={url} size={240} testId="survey-qr" alt={t(`${village.name}调查问卷二维码`, `Survey QR code of ${village.name}`)} />
              <p className="survey-qr-how">{t('用微信或手机相机扫码，约 1 分钟，每个手机号填一次', 'Scan with WeChat or the camera: about a minute, once per phone number')}</p>
              <p className="survey-qr-small">
                {t(`截止 ${survey.endsOn}`, `Until ${survey.endsOn}`)}
                <br />
                {url}
              </p>
            </section>
          );
        })}
      </div>
    </main>
  );
}
