// The foot of a person's or a record's page: my verification waiting in (or sent from) the outbox,
// or the two ways to verify — confirm as it stands, or send a correction.
import { Button, List, Space } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import { navigate } from '../../app/router.js';
import { OutboxStateTag } from '../outbox/outbox-page.js';
import type { OutboxState } from '../outbox/outbox.types.js';

interface Queued {
  readonly state: OutboxState;
  readonly message: string | null;
  readonly label: string;
}

export function VerifyActions({
  queued,
  onConfirm,
  onCorrect,
}: {
  queued: Queued | null | undefined;
  onConfirm: () => void;
  onCorrect: () => void;
}) {
  if (queued)
    return (
      <List header={t('我的复核', 'My verification')}>
        <List.Item
          extra={<OutboxStateTag state={queued.state} />}
          description={queued.message ?? undefined}
          onClick={() => navigate('/outbox')}
        >
          {queued.label}
        </List.Item>
      </List>
    );
  return (
    <Space direction="vertical" block className="person-actions">
      <Button block color="primary" size="large" onClick={onConfirm}>
        {t('信息无误，确认复核', 'Right as it is: confirm')}
      </Button>
      <Button block size="large" onClick={onCorrect}>
        {t('信息有误，提交纠正', 'Wrong: send a correction')}
      </Button>
    </Space>
  );
}
