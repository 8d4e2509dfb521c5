// Says that what the page shows is the copy kept on the phone, and from when.
import { NoticeBar } from 'antd-mobile';
import { fieldLocale, t } from './i18n.js';

export function OfflineNote({ since }: { since: string | null }) {
  if (!since) return null;
  const at = new Date(since).toLocaleString(fieldLocale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return <NoticeBar content={t(`离线：显示 ${at} 保存的资料`, `Offline: showing what was kept at ${at}`)} color="info" />;
}
