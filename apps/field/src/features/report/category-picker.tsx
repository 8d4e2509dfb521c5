// The first tap of a report: the enabled categories as big buttons, sub-kinds under their parent.
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { Category } from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';
import { t } from '../../app/i18n.js';

export function useCategories(): { categories: Category[] | undefined; error: unknown } {
  const { data, error } = useCachedQuery<{ items: Category[] }>('/api/event-categories');
  return { categories: data?.items.filter((category) => !category.disabled), error };
}

export function CategoryPicker({ onPick }: { onPick: (category: Category) => void }) {
  const { categories, error } = useCategories();
  if (!categories) return error ? <ErrorBlock status="disconnected" title={t('没有保存的事件类别', 'No event categories kept')} description={t('请在有信号时打开一次上报页面', 'Open the report page once with a signal')} /> : <DotLoading />;
  const tops = categories.filter((category) => category.parentCode === null);
  const kindsOf = (code: string) => categories.filter((category) => category.parentCode === code);
  return (
    <div className="category-picker" role="group" aria-label={t('事件类别', 'Event category')}>
      <h2 className="section-title">{t('选择事件类别', 'Choose a category')}</h2>
      <div className="category-grid">
        {tops.map((category) => (
          <Button key={category.code} onClick={() => onPick(category)}>
            {category.name}
          </Button>
        ))}
      </div>
      {tops
        .filter((category) => kindsOf(category.code).length > 0)
        .map((parent) => (
          <div key={parent.code}>
            <h2 className="section-title">{parent.name}</h2>
            <div className="category-grid">
              {kindsOf(parent.code).map((category) => (
                <Button key={category.code} onClick={() => onPick(category)}>
                  {category.name}
                </Button>
              ))}
            </div>
          </div>
        ))}
    </div>
  );
}
