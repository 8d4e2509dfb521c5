// One workflow step on an event, as the server allows it now: the form asks for what the step
// needs (a note, a result, a lead department, the event it duplicates, photos), confirms, and
// reports the outcome; the server's refusal shows at the field it names.
import { useEffect, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { EVENT_ACTION_LABELS, EVENT_TRANSITIONS, type EventAction, type EventView } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useCategories, useDepartments } from './catalogue.js';
import { useLocale } from '../../app/i18n.js';

const PHOTO_ACTIONS: readonly EventAction[] = ['resolve_on_spot', 'handle', 'verify_pass', 'verify_fail'];

async function uploadPhoto(file: File): Promise<string> {
  const response = await fetch('/api/photos', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const payload = (await response.json()) as { id?: string; error?: { code: string; message: string } };
  if (!response.ok || !payload.id)
    throw new ApiError(
      response.status,
      payload.error?.code ?? 'INTERNAL',
      payload.error?.message ?? response.statusText,
    );
  return payload.id;
}

export function EventActionModal({
  event,
  action,
  onClose,
  onDone,
}: {
  event: EventView;
  action: EventAction;
  onClose(): void;
  onDone(view: EventView): void;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const needs = EVENT_TRANSITIONS[action].needs;
  const departments = useDepartments(needs.includes('lead_department')).filter(
    (department) => !department.disabled && event.path.startsWith(department.orgPath),
  );
  const category = useCategories().find((candidate) => candidate.code === event.categoryCode);
  // The catalogue's default lead department comes preselected; the operator may change it.
  const defaultLead = category?.defaultLeadDepartmentId ?? null;
  useEffect(() => {
    if (defaultLead && needs.includes('lead_department') && !form.getFieldValue('leadDepartmentId'))
      form.setFieldValue('leadDepartmentId', defaultLead);
  }, [defaultLead, needs, form]);
  const label = EVENT_ACTION_LABELS[action][locale];

  async function submit(values: {
    note?: string;
    result?: string;
    leadDepartmentId?: string;
    assistingDepartmentIds?: string[];
    duplicateOfId?: string;
  }) {
    setBusy(true);
    setError('');
    try {
      const photoIds = files.flatMap((file) => (typeof file.response === 'string' ? [file.response] : []));
      const view = await api.post<EventView>(`/api/events/${event.id}/actions`, {
        action,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.result?.trim() ? { result: values.result.trim() } : {}),
        ...(values.leadDepartmentId ? { leadDepartmentId: values.leadDepartmentId } : {}),
        ...(values.assistingDepartmentIds?.length
          ? { assistingDepartmentIds: values.assistingDepartmentIds }
          : {}),
        ...(values.duplicateOfId?.trim() ? { duplicateOfId: values.duplicateOfId.trim() } : {}),
        ...(photoIds.length > 0 ? { photoIds } : {}),
      });
      void message.success(t(`已${label}`, `${label}: done`));
      onDone(view);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = Object.entries(caught.fieldErrors()).filter(([field]) =>
          ['note', 'result', 'leadDepartmentId', 'duplicateOfId'].includes(field),
        );
        if (fields.length > 0) form.setFields(fields.map(([name, text]) => ({ name, errors: [text] })));
        else setError(caught.message);
      } else setError(t('网络异常，请稍后重试', 'Network error, please try again'));
    } finally {
      setBusy(false);
    }
  }

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  return (
    <Modal
      open
      title={`${label} · ${event.title}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ leadDepartmentId: undefined }}>
        {needs.includes('lead_department') && (
          <>
            {category && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t(
                  `${category.name}：签收时限 ${category.signForHours} 小时，办理时限 ${category.handleDays} 天，从派遣时起算`,
                  `${category.name}: sign for within ${category.signForHours} h, handle within ${category.handleDays} d, from dispatch`,
                )}
              />
            )}
            <Form.Item
              label={t('主办部门', 'Lead department')}
              name="leadDepartmentId"
              rules={[{ required: true, message: t('请选择主办部门', 'Choose the lead department') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('选择部门', 'Choose a department')}
                options={departments.map((department) => ({ value: department.id, label: department.name }))}
              />
            </Form.Item>
            <Form.Item label={t('协办部门', 'Assisting departments')} name="assistingDepartmentIds">
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('可不选', 'Optional')}
                options={departments.map((department) => ({ value: department.id, label: department.name }))}
              />
            </Form.Item>
          </>
        )}
        {needs.includes('duplicate_of') && (
          <Form.Item
            label={t('合并到事件（编号）', 'Merge into event (number)')}
            name="duplicateOfId"
            rules={required(t('请输入重复的原事件编号', 'Enter the number of the original event'))}
          >
            <Input placeholder="01a2…" />
          </Form.Item>
        )}
        {needs.includes('result') && (
          <Form.Item
            label={t('处理结果', 'Result')}
            name="result"
            rules={required(t('请填写处理结果', 'Describe the result'))}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
        <Form.Item
          label={needs.includes('note') ? t('说明', 'Note') : t('说明（可不填）', 'Note (optional)')}
          name="note"
          rules={needs.includes('note') ? required(t('请填写说明', 'Write a note')) : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {PHOTO_ACTIONS.includes(action) && (
          <Form.Item
            label={t('照片', 'Photos')}
            extra={t(
              'JPEG、PNG 或 WebP，每张不超过 10 MB，最多 9 张',
              'JPEG, PNG or WebP, 10 MB each, up to 9',
            )}
          >
            <Upload
              listType="picture"
              accept="image/jpeg,image/png,image/webp"
              maxCount={9}
              fileList={files}
              onChange={({ fileList }) => setFiles(fileList)}
              customRequest={({ file, onSuccess, onError }) => {
                uploadPhoto(file as File).then(
                  (id) => onSuccess?.(id),
                  (caught: unknown) => onError?.(caught as Error),
                );
              }}
            >
              <Button icon={<UploadOutlined />}>{t('上传照片', 'Upload photos')}</Button>
            </Upload>
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t(`确认${label}`, `Confirm: ${label}`)}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
