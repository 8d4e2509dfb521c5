// 写信息 / 修改信息: the township's editor — title, category, body (plain text, paragraphs kept),
// photos with preview, attachments, and the exemplary grid worker it is about — saved as a draft
// (保存草稿) or sent to the county (提交). A double click creates one report: the client key is
// the form's, and a submit repeats harmlessly.
import { useEffect, useMemo, useState } from 'react';
import { ArrowLeftOutlined, PaperClipOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Image, Input, Select, Skeleton, Space, Upload, type UploadFile } from 'antd';
import { useNavigate, useParams } from 'react-router';
import {
  INFO_REPORT_ATTACHMENTS_MAX,
  INFO_REPORT_BODY_MAX,
  INFO_REPORT_CATEGORIES,
  INFO_REPORT_CATEGORY_LABELS,
  INFO_REPORT_PHOTOS_MAX,
  INFO_REPORT_TITLE_MAX,
  isInfoReportEditable,
  newId,
  type InfoReport,
  type InfoReportCategory,
} from '@gridwork/core';
import { api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { failureText } from '../../app/keyset-list.js';
import { uploadReportAttachment, uploadReportPhoto } from './info-report-files.js';
import { useTownshipGridWorkers } from './info-report-subjects.js';

interface Fields {
  title: string;
  category: InfoReportCategory;
  body: string;
  subjectAccountId?: string | null;
}

const idOf = (file: UploadFile): string[] => (typeof file.response === 'string' ? [file.response] : file.response && typeof file.response === 'object' && 'id' in file.response ? [String((file.response as { id: string }).id)] : []);

export function InfoReportEditorPage() {
  const { id } = useParams();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const clientKey = useMemo(() => newId(), []);
  const workers = useTownshipGridWorkers(user.orgPath);
  const [report, setReport] = useState<InfoReport | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  useEffect(() => {
    if (!id) return;
    api.get<InfoReport>(`/api/info-reports/${id}`).then(
      (loaded) => {
        setReport(loaded);
        form.setFieldsValue({ title: loaded.title, category: loaded.category, body: loaded.body, subjectAccountId: loaded.subjectAccountId });
        setPhotos(loaded.photos.map((photo) => ({ uid: photo.id, name: photo.id.slice(0, 8), status: 'done', url: photo.url, thumbUrl: photo.url, response: photo.id })));
        setFiles(loaded.attachments.map((file) => ({ uid: file.id, name: file.name, status: 'done', url: file.url, response: file.id })));
      },
      (caught: unknown) => setError(failureText(caught, t)),
    );
  }, [id, form, t]);

  async function save(fields: Fields, then: 'save' | 'submit') {
    if ([...photos, ...files].some((file) => file.status === 'uploading')) {
      message.warning(t('文件仍在上传，请稍候', 'Files are still uploading'));
      return;
    }
    setBusy(then);
    setError('');
    try {
      const content = {
        title: fields.title,
        category: fields.category,
        body: fields.body,
        subjectAccountId: fields.subjectAccountId ?? null,
        photoIds: photos.flatMap(idOf),
        attachmentIds: files.flatMap(idOf),
      };
      let saved = report
        ? await api.patch<InfoReport>(`/api/info-reports/${report.id}`, { version: report.version, ...content })
        : await api.post<InfoReport>('/api/info-reports', { clientKey, ...content });
      setReport(saved);
      if (then === 'submit') saved = await api.post<InfoReport>(`/api/info-reports/${saved.id}/submit`, { version: saved.version });
      message.success(then === 'submit' ? t('已提交县中心', 'Submitted to the county') : t('草稿已保存', 'Draft saved'));
      navigate(`/daily/info-reports/${saved.id}`);
    } catch (caught) {
      setError(failureText(caught, t));
    } finally {
      setBusy(null);
    }
  }

  if (id && !report && !error) return <Skeleton active />;
  if (report && !isInfoReportEditable(report.status))
    return <Alert type="warning" showIcon title={t('该信息已提交或已采用，不能修改', 'This report was submitted or adopted and cannot be edited')} />;
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('返回', 'Back')} onClick={() => navigate(report ? `/daily/info-reports/${report.id}` : '/daily/info-reports')} />
          {report ? t('修改信息', 'Edit the report') : t('写信息', 'Write a report')}
        </Space>
      }
    >
      {report?.returnedNote && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t(`县中心退回意见：${report.returnedNote}`, `Returned by the county: ${report.returnedNote}`)} />}
      <Form<Fields> form={form} layout="vertical" initialValues={{ category: 'work_update' }} onFinish={(fields) => void save(fields, 'save')} style={{ maxWidth: 860 }}>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Enter a title') }]}>
          <Input maxLength={INFO_REPORT_TITLE_MAX} showCount />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={INFO_REPORT_CATEGORIES.map((value) => ({ value, label: INFO_REPORT_CATEGORY_LABELS[value][locale] }))} />
          </Form.Item>
          <Form.Item name="subjectAccountId" label={t('优秀网格员（可选）', 'Exemplary grid worker (optional)')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 240 }} placeholder={t('本乡镇网格员', 'A grid worker of the township')} options={workers.map((worker) => ({ value: worker.id, label: worker.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="body" label={t('正文', 'Body')} rules={[{ required: true, whitespace: true, message: t('请填写正文', 'Enter the body') }]} extra={t('纯文本，空一行分段', 'Plain text; a blank line starts a paragraph')}>
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 24 }} maxLength={INFO_REPORT_BODY_MAX} showCount />
        </Form.Item>
        <Form.Item label={t(`照片（最多 ${INFO_REPORT_PHOTOS_MAX} 张）`, `Photos (up to ${INFO_REPORT_PHOTOS_MAX})`)}>
          <Upload
            listType="picture-card"
            accept="image/jpeg,image/png,image/webp"
            maxCount={INFO_REPORT_PHOTOS_MAX}
            fileList={photos}
            onChange={({ fileList }) => setPhotos(fileList)}
            onPreview={(file) => setPreview(file.url ?? file.thumbUrl ?? null)}
            customRequest={({ file, onSuccess, onError }) => {
              uploadReportPhoto(file as File).then(
                (photoId) => onSuccess?.(photoId),
                (caught: unknown) => {
                  message.error(failureText(caught, t));
                  onError?.(caught as Error);
                },
              );
            }}
          >
            {photos.length < INFO_REPORT_PHOTOS_MAX && (
              <button type="button" style={{ border: 0, background: 'none' }} aria-label={t('上传照片', 'Upload photos')}>
                <PlusOutlined />
                <div style={{ marginTop: 8 }}>{t('上传照片', 'Upload photos')}</div>
              </button>
            )}
          </Upload>
          {preview && <Image style={{ display: 'none' }} src={preview} preview={{ open: true, onOpenChange: (open) => !open && setPreview(null) }} alt={t('照片预览', 'Photo preview')} />}
        </Form.Item>
        <Form.Item label={t(`附件（Word、PDF、Excel 等，最多 ${INFO_REPORT_ATTACHMENTS_MAX} 个）`, `Attachments (Word, PDF, Excel …, up to ${INFO_REPORT_ATTACHMENTS_MAX})`)}>
          <Upload
            maxCount={INFO_REPORT_ATTACHMENTS_MAX}
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              uploadReportAttachment(file as File).then(
                (ref) => onSuccess?.(ref.id),
                (caught: unknown) => {
                  message.error(failureText(caught, t));
                  onError?.(caught as Error);
                },
              );
            }}
          >
            <Button icon={<PaperClipOutlined />}>{t('上传附件', 'Upload attachments')}</Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button htmlType="submit" loading={busy === 'save'} disabled={busy !== null}>
            {t('保存草稿', 'Save draft')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            disabled={busy !== null}
            onClick={() => void form.validateFields().then((fields) => save(fields, 'submit'), () => undefined)}
          >
            {t('提交', 'Submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
