// The phone's GPS fix for a report: point and accuracy, asked once when the form opens.
import { useCallback, useEffect, useState } from 'react';

export interface Position {
  readonly lon: number;
  readonly lat: number;
  /** Metres, as the phone reports it. */
  readonly accuracy: number;
}

export type PositionState = { readonly status: 'locating' } | { readonly status: 'found'; readonly position: Position } | { readonly status: 'failed'; readonly reason: string };

function reasonOf(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return '未允许定位：请在浏览器设置中允许定位';
  if (error.code === error.TIMEOUT) return '定位超时：请到开阔处重试';
  return '暂时无法定位';
}

export function usePosition(): { state: PositionState; locate: () => void } {
  const [state, setState] = useState<PositionState>({ status: 'locating' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed', reason: '此手机不支持定位' });
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
