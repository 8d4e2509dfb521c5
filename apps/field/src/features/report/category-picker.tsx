// The first tap of a report: the enabled categories as big buttons, sub-kinds under their parent.
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { Category } from '@gridwork/core';
import { useCachedQuery } from '../../lib/cached-read.js';

export function useCategories(): { categories: Category[] | undefined; error: unknown } {
  const { data, error } = useCachedQuery<{ items: Category[] }>('/api/event-categories');
  return { categories: data?.items.filter((category) => !category.disabled), error };
}

export function CategoryPicker({ onPick }: { onPick: (category: Category) => void }) {
  const { categories, error } = useCategories();
  if (!categories) return error ? <ErrorBlock status="disconnected" title="没有保存的事件类别" description="请在有信号时打开一次上报页面" /> : <DotLoading />;
  const tops = categories.filter((category) => category.parentCode === null);
  const kindsOf = (code: string) => categories.filter((category) => category.parentCode === code);
  return (
    <div className="category-picker" role="group" aria-label="事件类别">
      <h2 className="section-title">选择事件类别</h2>
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
