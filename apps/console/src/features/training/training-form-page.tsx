// 新建/修改培训: kind, topic, day and hours, place, trainer, who is invited (roles and units of the
// organiser's area) and the materials, each file uploaded on its own before the session is saved.
import { useEffect, useState } from 'react';
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, TimePicker, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  ROLE_LABELS,
  TRAINEE_ROLES,
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  type OrgUnit,
  type Role,
  type TrainingKind,
  type TrainingSession,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { uploadMaterial } from './training-labels.js';

interface Fields {
  kind: TrainingKind;
  topic: string;
  date: Dayjs;
  hours: [Dayjs, Dayjs];
  place: string;
  trainer: string;
  roles: Role[];
  orgPaths: string[];
}

const idOf = (file: UploadFile): string[] => {
  const response = file.response as { id?: string } | undefined;
  return response?.id ? [response.id] : [];
};

/** The units the organiser may invite: the units directly below my own (villages of a township, townships of the county). */
function useInvitableUnits(): OrgUnit[] {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  useEffect(() => {
    void api.get<{ items: OrgUnit[] }>('/api/org-units').then(async ({ items }) => {
      const mine = items[0];
      if (mine) setUnits((await api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId: mine.id })).items.filter((unit) => unit.kind !== 'grid'));
    }, () => undefined);
  }, []);
  return units;
}

export function TrainingFormPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [form] = Form.useForm<Fields>();
  const [session, setSession] = useState<TrainingSession | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const units = useInvitableUnits();

  useEffect(() => {
    if (!id) return;
    void api.get<TrainingSession>(`/api/training/sessions/${id}`).then((found) => {
      setSession(found);
      form.setFieldsValue({
        kind: found.kind,
        topic: found.topic,
        date: dayjs(found.date),
        hours: [dayjs(`${found.date}T${found.startTime}`), dayjs(`${found.date}T${found.endTime}`)],
        place: found.place,
        trainer: found.trainer,
        roles: found.audience.roles,
        orgPaths: found.audience.orgPaths,
      });
      setFiles(found.materials.map((ref) => ({ uid: ref.id, name: ref.name, status: 'done', url: ref.url, response: ref })));
    }, (caught: unknown) => setError(failureText(caught, t)));
  }, [id, form, t]);

  async function save(fields: Fields) {
    setBusy(true);
    setError('');
    const body = {
      kind: fields.kind,
      topic: fields.topic,
      date: fields.date.format('YYYY-MM-DD'),
      startTime: fields.hours[0].format('HH:mm'),
      endTime: fields.hours[1].format('HH:mm'),
      place: fields.place,
      trainer: fields.trainer,
      audience: { roles: fields.roles ?? [], orgPaths: fields.orgPaths ?? [], departmentIds: session?.audience.departmentIds ?? [] },
      materialIds: files.flatMap(idOf),
    };
    try {
      const saved = session
        ? await api.patch<TrainingSession>(`/api/training/sessions/${session.id}`, { version: session.version, ...body })
        : await api.post<TrainingSession>('/api/training/sessions', body);
      message.success(t('已保存', 'Saved'));
      navigate(`/daily/training/${saved.id}`);
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate(id ? `/daily/training/${id}` : '/daily/training')} />
          {id ? t('修改培训', 'Edit the session') : t('新建培训', 'New training session')}
        </Space>
      }
    >
      <Form<Fields> form={form} layout="vertical" initialValues={{ kind: 'skills', roles: [], orgPaths: [] }} onFinish={(fields) => void save(fields)} style={{ maxWidth: 820 }}>
        <Space wrap size="large" align="start">
          <Form.Item name="kind" label={t('培训类别', 'Kind')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_LABELS[value][locale] }))} />
          </Form.Item>
          <Form.Item name="date" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Pick a date') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('时间', 'Hours')} rules={[{ required: true, message: t('请选择时间', 'Pick the hours') }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t('培训主题', 'Topic')} rules={[{ required: true, whitespace: true, message: t('请填写主题', 'Enter the topic') }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, whitespace: true, message: t('请填写地点', 'Enter the place') }]}>
            <Input maxLength={200} style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="trainer" label={t('授课人', 'Trainer')} rules={[{ required: true, whitespace: true, message: t('请填写授课人', 'Enter the trainer') }]}>
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item name="roles" label={t('参训对象（不选为全部）', 'Invited roles (none: everyone)')}>
            <Select mode="multiple" allowClear style={{ width: 360 }} options={TRAINEE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value][locale] }))} />
          </Form.Item>
          <Form.Item name="orgPaths" label={t('参训单位（不选为全部）', 'Invited units (none: all)')}>
            <Select mode="multiple" allowClear showSearch optionFilterProp="label" style={{ width: 360 }} options={units.map((unit) => ({ value: unit.path, label: unit.name }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('培训材料（课件、讲义等）', 'Materials (slides, handouts …)')}>
          <Upload
            maxCount={20}
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              uploadMaterial(file as File).then(
                (ref) => onSuccess?.(ref),
                (caught: unknown) => {
                  message.error(failureText(caught, t));
                  onError?.(caught as Error);
                },
              );
            }}
          >
            <Button icon={<PaperClipOutlined />}>{t('上传材料', 'Upload materials')}</Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
