// 班次设置: one person all day (the default), two people all day, or a day and a night shift.
import { useState } from 'react';
import { Alert, Modal, Radio } from 'antd';
import type { DutySlot, DutyUnit } from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';

const PRESETS: Readonly<Record<string, readonly DutySlot[]>> = {
  one: [{ key: 'day', name: '全天', capacity: 1 }],
  two: [{ key: 'day', name: '全天', capacity: 2 }],
  shifts: [
    { key: 'day', name: '白班', capacity: 1 },
    { key: 'night', name: '夜班', capacity: 1 },
  ],
};

function presetOf(slots: readonly DutySlot[]): string {
  return (
    Object.entries(PRESETS).find(([, preset]) => JSON.stringify(preset) === JSON.stringify(slots))?.[0] ??
    'one'
  );
}

export function DutySlotsModal({
  unit,
  onClose,
  onSaved,
}: {
  unit: DutyUnit;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useLocale();
  const [preset, setPreset] = useState(presetOf(unit.slots));
  const [error, setError] = useState('');

  async function save() {
    try {
      await api.put(`/api/duty/units/${unit.id}/slots`, { slots: PRESETS[preset] });
      onSaved();
    } catch (caught) {
      setError(failureText(caught, t));
    }
  }

  return (
    <Modal
      open
      title={t(`班次设置：${unit.name}`, `Slots: ${unit.name}`)}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
    >
      <Radio.Group
        value={preset}
        onChange={(event) => setPreset(event.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={[
          { value: 'one', label: t('全天 1 人', 'All day, one person') },
          { value: 'two', label: t('全天 2 人', 'All day, two people') },
          { value: 'shifts', label: t('白班、夜班各 1 人', 'A day and a night shift, one each') },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
