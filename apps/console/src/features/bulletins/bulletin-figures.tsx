// What a bulletin says, shown under its row: the month's totals, the units criticised and the
// reports adopted (the Word file has the full text).
import { Descriptions, List, Tag, Typography } from 'antd';
import type { BulletinFigures } from '@gridwork/core';
import { useLocale } from '../../app/i18n.js';

export function BulletinFiguresView({ figures }: { figures: BulletinFigures }) {
  const { t } = useLocale();
  const { overview } = figures;
  return (
    <div data-testid="bulletin-figures">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('受理事件', 'Events reported')}>{overview.eventsReported}</Descriptions.Item>
        <Descriptions.Item label={t('当期结案', 'Closed')}>{overview.eventsClosed}</Descriptions.Item>
        <Descriptions.Item label={t('黄牌 / 红牌', 'Yellow / red cards')}>{`${overview.yellowCards} / ${overview.redCards}`}</Descriptions.Item>
        <Descriptions.Item label={t('参与排名的村（社区）', 'Villages ranked')}>{figures.villages.ranked}</Descriptions.Item>
        <Descriptions.Item label={t('参与排名的职能部门', 'Departments ranked')}>{figures.departments.ranked}</Descriptions.Item>
        <Descriptions.Item label={t('信息采用', 'Reports adopted')}>{overview.reportsAdopted}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('通报批评', 'Criticised')}
      </Typography.Title>
      {figures.criticised.length === 0 ? (
        <Typography.Text type="secondary">{t('本期没有被通报批评的单位', 'No unit criticised in this period')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={figures.criticised}
          renderItem={(unit) => (
            <List.Item>
              <span>
                {unit.unitName}
                {unit.parentName && <Typography.Text type="secondary">（{unit.parentName}）</Typography.Text>}
              </span>
              <span>
                <Tag color="gold">{t(`黄牌 ${unit.yellowCards}`, `Yellow ${unit.yellowCards}`)}</Tag>
                <Tag color="red">{t(`红牌 ${unit.redCards}`, `Red ${unit.redCards}`)}</Tag>
              </span>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
