// The event raised from an abnormal visit: one switch, a category (特殊人群 unless changed) and a
// description (the visit's notes when left empty). It goes up with the visit, before it.
import { useState } from 'react';
import { Form, Picker, Switch, TextArea } from 'antd-mobile';
import type { Category } from '@gridwork/core';
import { t } from '../../app/i18n.js';

/** The category an event about a key person most often belongs to. */
export const DEFAULT_VISIT_CATEGORY = 'special_population';

export interface RaisedEventChoice {
  readonly raise: boolean;
  readonly categoryCode: string | null;
}

interface RaisedEventFieldsProps {
  readonly categories: readonly Category[] | undefined;
  readonly value: RaisedEventChoice;
  readonly onChange: (value: RaisedEventChoice) => void;
}

function categoryLabel(categories: readonly Category[], category: Category): string {
  const parent = categories.find((candidate) => candidate.code === category.parentCode);
  return parent ? `${parent.name} / ${category.name}` : category.name;
}

export function RaisedEventFields({ categories, value, onChange }: RaisedEventFieldsProps) {
  const [picking, setPicking] = useState(false);
  const chosen = categories?.find((category) => category.code === value.categoryCode) ?? null;
  return (
    <>
      <Form.Item
        label={t('同时上报事件', 'Also report an event')}
        layout="horizontal"
        childElementPosition="right"
      >
        <Switch
          aria-label={t('同时上报事件', 'Also report an event')}
          checked={value.raise}
          onChange={(raise) => onChange({ ...value, raise })}
        />
      </Form.Item>
      {value.raise && (
        <>
          <Form.Item
            label={t('事件类别', 'Event category')}
            clickable={Boolean(categories?.length)}
            arrowIcon={Boolean(categories?.length)}
            onClick={() => setPicking(true)}
          >
            {categories && categories.length > 0 ? (
              <>
                <span data-testid="raised-category">
                  {chosen ? categoryLabel(categories, chosen) : t('请选择', 'Choose')}
                </span>
                <Picker
                  visible={picking}
                  onClose={() => setPicking(false)}
                  columns={[
                    categories.map((category) => ({
                      label: categoryLabel(categories, category),
                      value: category.code,
                    })),
                  ]}
                  value={value.categoryCode ? [value.categoryCode] : []}
                  onConfirm={(picked) =>
                    onChange({ ...value, categoryCode: (picked[0] as string | null) ?? null })
                  }
                  confirmText={t('确定', 'OK')}
                  cancelText={t('取消', 'Cancel')}
                />
              </>
            ) : (
              <span className="hint">
                {t(
                  '手机上没有事件类别：请在有信号时打开一次上报页面',
                  'No categories on this phone yet: open 上报 once with a signal',
                )}
              </span>
            )}
          </Form.Item>
          {/* The form's eventDescription: left empty, the visit's notes are used. */}
          <Form.Item
            name="eventDescription"
            label={t('事件描述', 'Event description')}
            description={t('不填则用走访情况', 'Left empty: the visit notes')}
          >
            <TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </>
      )}
    </>
  );
}
