// The terminal register's dialogs: registering a terminal (asset code, model, IMEI checked by its
// check digit before sending, the unit, optionally the grid worker who takes it) and handing one
// over to a grid worker of its unit, or taking it back; editing one (model, phone, and the state
// spare / repair / retired: in use follows from a hand-over). A held terminal is always in use.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TERMINAL_STATE_LABELS, isValidImei, type Terminal, type TerminalDetail, type TerminalState } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { DailyUnitPicker } from '../publicity/unit-picker.js';

interface Candidate {
  id: string;
  name: string;
  terminals: number;
}

function useHolders(unitId: string | null | undefined): Candidate[] {
  const [holders, setHolders] = useState<Candidate[]>([]);
  useEffect(() => {
    if (!unitId) return setHolders([]);
    let alive = true;
    api.get<{ items: Candidate[] }>('/api/terminals/holders', { unitId }).then(
      (answer) => alive && setHolders(answer.items),
      () => alive && setHolders([]),
    );
    return () => {
      alive = false;
    };
  }, [unitId]);
  return holders;
}

function holderOptions(holders: readonly Candidate[], t: (zh: string, en: string) => string) {
  return holders.map((holder) => ({ value: holder.id, label: holder.terminals > 0 ? `${holder.name}（${t('已持有', 'holds')} ${holder.terminals}）` : holder.name }));
}

/** Shows the server's refusal at the field it names, else above the buttons. */
function showFailure<V>(caught: unknown, form: FormInstance<V>, fields: readonly (keyof V & string)[], setError: (text: string) => void, t: (zh: string, en: string) => string) {
  const named = Object.entries(caught instanceof ApiError ? caught.fieldErrors() : {}).filter(([name]) => (fields as readonly string[]).includes(name));
  if (named.length > 0) form.setFields(named.map(([name, text]) => ({ name: name as keyof V & string, errors: [text] })) as Parameters<FormInstance<V>['setFields']>[0]);
  else setError(failureText(caught, t));
}

interface RegisterValues {
  assetCode: string;
  model: string;
  imei: string;
  phone?: string;
  unitId: string;
  state?: TerminalState;
  holderId?: string;
  issuedOn?: Dayjs;
}

export function RegisterTerminalModal({ onClose, onSaved }: { onClose(): void; onSaved(terminal: TerminalDetail): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const unitId = Form.useWatch('unitId', form);
  const holderId = Form.useWatch('holderId', form);
  const holders = useHolders(unitId);
  // The same key for every try of this dialog: a retry after a lost answer registers nothing twice.
  const clientKey = useMemo(() => `console-${crypto.randomUUID()}`, []);

  async function save(values: RegisterValues) {
    setBusy(true);
    setError('');
    try {
      const terminal = await api.post<TerminalDetail>('/api/terminals', {
        clientKey,
        assetCode: values.assetCode.trim(),
        model: values.model.trim(),
        imei: values.imei.trim(),
        unitId: values.unitId,
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.state && !values.holderId ? { state: values.state } : {}),
        ...(values.holderId ? { holderId: values.holderId, issuedOn: (values.issuedOn ?? dayjs()).format('YYYY-MM-DD') } : {}),
      });
      message.success(t('已登记手持终端', 'Terminal registered'));
      onSaved(terminal);
    } catch (caught) {
      showFailure(caught, form, ['assetCode', 'model', 'imei', 'phone', 'unitId', 'holderId', 'issuedOn', 'state'], setError, t);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('登记手持终端', 'Register a terminal')} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<RegisterValues> form={form} name="terminal-form" layout="vertical" initialValues={{ issuedOn: dayjs() }} onFinish={(values) => void save(values)}>
        <Form.Item name="assetCode" label={t('资产编号', 'Asset code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/, message: t('字母、数字、- 或 _', 'Letters, digits, - or _') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="model" label={t('型号', 'Model')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="imei"
          label={t('串号 IMEI', 'IMEI')}
          rules={[{ required: true, validator: (_, value: string | undefined) => (value && isValidImei(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('须为 15 位数字且校验位正确', 'Must be 15 digits with a correct check digit')))) }]}
        >
          <Input maxLength={15} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="phone" label={t('手机号（可选）', 'Phone number (optional)')} rules={[{ pattern: /^1\d{10}$/, message: t('11 位手机号', 'An 11-digit mobile number') }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="unitId" label={t('所属单位', 'Unit')} rules={[{ required: true, message: t('请选择乡镇或村（社区）', 'Pick a township or village') }]}>
          <DailyUnitPicker placeholder={t('选择单位', 'Pick a unit')} />
        </Form.Item>
        <Form.Item name="holderId" label={t('领用网格员（可选）', 'Issued to (optional)')}>
          <Select allowClear showSearch optionFilterProp="label" disabled={!unitId} options={holderOptions(holders, t)} />
        </Form.Item>
        {holderId ? (
          <Form.Item name="issuedOn" label={t('领用日期', 'Issued on')} extra={t('领用后状态为“在用”', 'An issued terminal is in use')} rules={[{ required: true, message: t('请选择领用日期', 'Pick the issue date') }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        ) : (
          <Form.Item name="state" label={t('状态', 'State')}>
            <Select allowClear placeholder={TERMINAL_STATE_LABELS.spare[locale]} options={UNHELD_STATES.map((value) => ({ value, label: TERMINAL_STATE_LABELS[value][locale] }))} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** The states a terminal nobody holds may have (in use comes with a holder). */
const UNHELD_STATES: readonly TerminalState[] = ['spare', 'repair', 'retired'];

interface EditValues {
  model: string;
  phone?: string;
  state: TerminalState;
}

/** Edits a terminal of the register: model, phone, and state (a held one can only be retired). */
export function EditTerminalModal({ terminal, onClose, onSaved }: { terminal: Terminal; onClose(): void; onSaved(terminal: TerminalDetail): void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const states: readonly TerminalState[] = terminal.holder ? ['in_use', 'retired'] : UNHELD_STATES;
  const state = Form.useWatch('state', form);

  async function save(values: EditValues) {
    setBusy(true);
    setError('');
    try {
      const phone = values.phone?.trim() ? values.phone.trim() : null;
      const saved = await api.patch<TerminalDetail>(`/api/terminals/${terminal.id}`, {
        version: terminal.version,
        model: values.model.trim(),
        phone,
        ...(values.state !== terminal.state ? { state: values.state } : {}),
      });
      message.success(t('已保存', 'Saved'));
      onSaved(saved);
    } catch (caught) {
      showFailure(caught, form, ['model', 'phone', 'state'], setError, t);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`${t('修改终端', 'Edit terminal')} · ${terminal.assetCode}`} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<EditValues> form={form} name="terminal-edit-form" layout="vertical" initialValues={{ model: terminal.model, phone: terminal.phone ?? '', state: terminal.state }} onFinish={(values) => void save(values)}>
        <Form.Item name="model" label={t('型号', 'Model')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={t('手机号（可选）', 'Phone number (optional)')} rules={[{ pattern: /^1\d{10}$/, message: t('11 位手机号', 'An 11-digit mobile number') }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item
          name="state"
          label={t('状态', 'State')}
          extra={terminal.holder ? t(`${terminal.holder.name} 持有中：先收回才能改为备用或维修`, `Held by ${terminal.holder.name}: take it back first to make it spare or under repair`) : t('发给网格员请用“交接”', 'To issue it to a grid worker, use Hand over')}
        >
          <Select options={states.map((value) => ({ value, label: TERMINAL_STATE_LABELS[value][locale] }))} />
        </Form.Item>
        {state === 'retired' && <Alert type="warning" showIcon title={terminal.holder ? t('报废后终端从持有人处收回，且不能再修改', 'Retiring takes it back from its holder; it can no longer be changed') : t('报废后不能再修改', 'A retired terminal can no longer be changed')} style={{ marginBottom: 8 }} />}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

interface HandOverValues {
  holderId?: string | null;
  handedOn: Dayjs;
  note?: string;
}

export function HandOverModal({ terminal, onClose, onSaved }: { terminal: TerminalDetail; onClose(): void; onSaved(terminal: TerminalDetail): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<HandOverValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const holders = useHolders(terminal.unitId).filter((holder) => holder.id !== terminal.holder?.id);
  const holderId = Form.useWatch('holderId', form);
  // Taking back a terminal nobody holds would record nothing: a holder must be picked then.
  const nothingToDo = !terminal.holder && !holderId;

  async function save(values: HandOverValues) {
    setBusy(true);
    setError('');
    try {
      const saved = await api.post<TerminalDetail>(`/api/terminals/${terminal.id}/handover`, { version: terminal.version, holderId: values.holderId ?? null, handedOn: values.handedOn.format('YYYY-MM-DD'), ...(values.note?.trim() ? { note: values.note.trim() } : {}) });
      message.success(values.holderId ? t('已交接', 'Handed over') : t('已收回', 'Taken back'));
      onSaved(saved);
    } catch (caught) {
      showFailure(caught, form, ['holderId', 'handedOn', 'note'], setError, t);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`${t('终端交接', 'Hand over')} · ${terminal.assetCode}`} okText={t('确认交接', 'Confirm')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} okButtonProps={{ disabled: nothingToDo }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<HandOverValues> form={form} name="handover-form" layout="vertical" initialValues={{ handedOn: dayjs() }} onFinish={(values) => void save(values)}>
        <Form.Item label={t('当前持有人', 'Held by')}>{terminal.holder?.name ?? t('无（在单位）', 'Nobody (with the unit)')}</Form.Item>
        <Form.Item name="holderId" label={t('交给', 'Hand to')} extra={terminal.holder ? t('不选则收回到单位', 'Leave empty to take it back to the unit') : t('请选择领用的网格员', 'Pick the grid worker who takes it')}>
          <Select allowClear showSearch optionFilterProp="label" options={holderOptions(holders, t)} placeholder={terminal.holder ? t('收回到单位', 'Back to the unit') : t('选择网格员', 'Pick a grid worker')} />
        </Form.Item>
        <Form.Item name="handedOn" label={t('交接日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('备注', 'Note')}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
