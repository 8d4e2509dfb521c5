// The phone's GPS fix for a report: point and accuracy, asked once when the form opens.
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../app/i18n.js';

export interface Position {
  readonly lon: number;
  readonly lat: number;
  /** Metres, as the phone reports it. */
  readonly accuracy: number;
}

export type PositionState = { readonly status: 'locating' } | { readonly status: 'found'; readonly position: Position } | { readonly status: 'failed'; readonly reason: string };

function reasonOf(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return t('未允许定位：请在浏览器设置中允许定位', 'Location not allowed: allow it in the browser settings');
  if (error.code === error.TIMEOUT) return t('定位超时：请到开阔处重试', 'Location timed out: try again in the open');
  return t('暂时无法定位', 'Location unavailable for now');
}

export function usePosition(): { state: PositionState; locate: () => void } {
  const [state, setState] = useState<PositionState>({ status: 'locating' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed', reason: t('此手机不支持定位', 'This phone cannot locate itself') });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (fix) => setState({ status: 'found', position: { lon: fix.coords.longitude, lat: fix.coords.latitude, accuracy: fix.coords.accuracy } }),
      (error) => setState({ status: 'failed', reason: reasonOf(error) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(locate, [locate]);
  return { state, locate };
}
