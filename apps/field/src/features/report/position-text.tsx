// A GPS fix as the worker reads it (a report's, a visit's): point and accuracy, or why there is none.
import { Button } from 'antd-mobile';
import { t } from '../../app/i18n.js';
import type { PositionState } from './use-position.js';

export function PositionText({ state, onRetry }: { state: PositionState; onRetry: () => void }) {
  if (state.status === 'locating') return <span data-testid="position">{t('正在定位…', 'Locating…')}</span>;
  if (state.status === 'failed')
    return (
      <span data-testid="position">
        {state.reason}{' '}
        <Button size="mini" onClick={onRetry}>
          {t('重新定位', 'Locate again')}
        </Button>
      </span>
    );
  const { lon, lat, accuracy } = state.position;
  return (
    <span data-testid="position">
      {lon.toFixed(5)}, {lat.toFixed(5)}
      {t(`（精度约 ${Math.round(accuracy)} 米）`, ` (within about ${Math.round(accuracy)} m)`)}
    </span>
  );
}
