// A page that cannot open (its code chunk did not load: offline before the service worker kept
// it, or a page error) shows why and a way out, instead of a blank app: the tabs, the outbox and
// the other pages keep working. Keyed by the address, so moving on starts afresh.
import { Component, type ReactNode } from 'react';
import { Button } from 'antd-mobile';
import { t } from './i18n.js';

interface State {
  readonly failed: boolean;
  /** The page's code (or the styles Vite preloads with it) did not arrive: React keeps that answer, so only a reload asks again. */
  readonly chunkMissing: boolean;
}

function isChunkFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically|Unable to preload/i.test(
      error.message,
    )
  );
}

export class PageBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false, chunkMissing: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, chunkMissing: isChunkFailure(error) };
  }

  private readonly retry = () => {
    if (this.state.chunkMissing) globalThis.location.reload();
    else this.setState({ failed: false, chunkMissing: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    return (
      <div className="page-unavailable" role="alert">
        <strong>{t('此页面暂时打不开', 'This page cannot open right now')}</strong>
        <p>
          {offline || this.state.chunkMissing
            ? t(
                '此页面尚未保存到手机上（信号中断）：有信号时重试一次，之后离线也能打开。',
                'This page was not kept on the phone yet (the signal dropped): try again with a signal, and it opens offline afterwards.',
              )
            : t(
                '页面出错，请重试；已保存的上报不受影响。',
                'The page failed; try again. What you saved is not affected.',
              )}
        </p>
        <Button color="primary" onClick={this.retry}>
          {t('重试', 'Try again')}
        </Button>
      </div>
    );
  }
}
