// Creating or renaming a grid, and choosing its grid workers.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { ROLE_LABELS, type Account, type Grid } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

export function GridDialog({
  villageId,
  dialog,
  onClose,
  onDone,
}: {
  villageId: string;
  dialog: { kind: 'create' } | { kind: 'rename' | 'workers'; grid: Grid };
  onClose(): void;
  onDone(): void;
}) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [workers, setWorkers] = useState<Account[]>([]);
  const grid = dialog.kind === 'create' ? null : dialog.grid;

  useEffect(() => {
    if (dialog.kind !== 'workers') return;
    Promise.all(
      ['grid_worker_fulltime', 'grid_worker_parttime'].map((role) =>
        api.get<{ items: Account[] }>('/api/accounts', { role, limit: 200 }),
      ),
    ).then(
      (answers) => setWorkers(answers.flatMap((answer) => answer.items)),
      () => setWorkers([]),
    );
  }, [dialog.kind]);

  async function submit(values: { name?: string; accountIds?: string[] }) {
    setBusy(true);
    setError('');
    try {
      if (dialog.kind === 'create') await api.post('/api/grids', { villageId, name: values.name });
      if (dialog.kind === 'rename') await api.patch(`/api/grids/${grid!.id}`, { name: values.name });
      if (dialog.kind === 'workers')
        await api.put(`/api/grids/${grid!.id}/workers`, { accountIds: values.accountIds ?? [] });
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named = Object.entries(caught.fieldErrors()).filter(
          ([field]) => field === 'name' || field === 'accountIds',
        );
        if (named.length > 0) form.setFields(named.map(([name, text]) => ({ name, errors: [text] })));
        else setError(caught.message);
      } else setError(t('网络异常，请稍后重试', 'Network error, please try again'));
    } finally {
      setBusy(false);
    }
  }

  const titles = {
    create: t('新建网格', 'New grid'),
    rename: t('网格改名', 'Rename the grid'),
    workers: t('配备网格员', 'Grid workers'),
  };
  return (
    <Modal
      open
      title={grid ? `${titles[dialog.kind]} · ${grid.name}` : titles[dialog.kind]}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: grid?.name, accountIds: grid?.workers.map((worker) => worker.id) ?? [] }}
      >
        {dialog.kind !== 'workers' ? (
          <Form.Item
            label={t('网格名称', 'Grid name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('请输入网格名称', 'Enter the name') }]}
            extra={
              dialog.kind === 'create'
                ? t('边界可在创建后在地图上绘制', 'Draw the boundary on the map afterwards')
                : undefined
            }
          >
            <Input />
          </Form.Item>
        ) : (
          <Form.Item label={t('网格员', 'Grid workers')} name="accountIds">
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={workers.map((worker) => ({
                value: worker.id,
                label: `${worker.displayName}（${ROLE_LABELS[worker.role][locale]}）`,
              }))}
            />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
