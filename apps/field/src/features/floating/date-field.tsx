// A calendar day (YYYY-MM-DD, the phone's own calendar, which is Shanghai's) picked on a wheel:
// DayPicker for a form field, DateField for a labelled line with its own state.
import { useState } from 'react';
import { Button, DatePicker, Form } from 'antd-mobile';
import { t } from '../../app/i18n.js';

export function dayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dateOf(day: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

interface DayPickerProps {
  readonly label: string;
  readonly value?: string | null;
  readonly onChange?: (day: string | null) => void;
  readonly min?: Date;
  readonly max?: Date;
  /** Shown when no day is picked; a picked day may then be cleared again. */
  readonly placeholder?: string;
  readonly testId?: string;
}

export function DayPicker({ label, value, onChange, min, max, placeholder, testId }: DayPickerProps) {
  const [open, setOpen] = useState(false);
  const year = new Date().getFullYear();
  return (
    <span className="day-picker">
      <span role="button" tabIndex={0} aria-label={label} data-testid={testId} onClick={() => setOpen(true)}>
        {value ?? placeholder ?? t('请选择', 'Choose')}
      </span>
      {value && placeholder && (
        <Button size="mini" fill="none" onClick={() => onChange?.(null)}>
          {t('清除', 'Clear')}
        </Button>
      )}
      <DatePicker
        title={label}
        visible={open}
        onClose={() => setOpen(false)}
        value={value ? dateOf(value) : (max ?? new Date())}
        min={min ?? new Date(year - 10, 0, 1)}
        max={max ?? new Date(year + 10, 11, 31)}
        onConfirm={(date) => onChange?.(dayOf(date))}
        confirmText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
      />
    </span>
  );
}

export function DateField(props: DayPickerProps) {
  return (
    <Form.Item label={props.label} arrowIcon>
      <DayPicker {...props} />
    </Form.Item>
  );
}
