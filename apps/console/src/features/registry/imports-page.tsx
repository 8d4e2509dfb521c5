// Imports of the registry's workbooks: choose what the file holds, choose the file (.xlsx or .csv),
// try it first (dry run) or import it; the upload shows its progress, then the server's job its
// own, until the counts come back with the rows it refused as a workbook to correct and import
// again. Below, the caller's recent imports.
import { useCallback, useEffect, useRef, useState } from 'react';
import { FileExcelOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import {
  IMPORT_KINDS,
  RECORD_KIND_DEFINITIONS,
  type ImportJobStatus,
  type ImportJobView,
  type ImportKind,
} from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { RECORD_SEGMENTS } from '../events/catalogue.js';
import { useLocale } from '../../app/i18n.js';
import { downloadFile, failureText } from './registry-list.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_COLOURS: Readonly<Record<ImportJobStatus, string>> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** Sends the file as the request body, reporting the share uploaded as it goes. */
function uploadImport(
  file: File,
  query: URLSearchParams,
  locale: string,
  onProgress: (percent: number) => void,
): Promise<ImportJobView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/imports?${query}`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', locale);
    request.setRequestHeader(
      'Content-Type',
      /\.csv$/i.test(file.name)
        ? 'text/csv'
        : /\.xlsx$/i.test(file.name)
          ? XLSX_TYPE
          : file.type || 'application/octet-stream',
    );
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let payload: {
        error?: { code: string; message: string; details?: Record<string, unknown> };
      } & Partial<ImportJobView> = {};
      try {
        payload = JSON.parse(request.responseText) as typeof payload;
      } catch {
        // Not JSON: reported from the status below.
      }
      if (request.status >= 200 && request.status < 300 && payload.id) resolve(payload as ImportJobView);
      else
        reject(
          new ApiError(
            request.status,
            payload.error?.code ?? 'INTERNAL',
            payload.error?.message ?? request.statusText,
            payload.error?.details ?? {},
          ),
        );
    };
    request.onerror = () => reject(new TypeError('network'));
    request.send(file);
  });
}

export function ImportsPage() {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const kind = (IMPORT_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as ImportKind)
    : 'person';
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [dryRun, setDryRun] = useState(false);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState('');
  const [fileError, setFileError] = useState('');
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<ImportJobView[] | null>(null);
  const [recentError, setRecentError] = useState('');
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);

  const kindLabel = useCallback(
    (value: ImportKind) =>
      value === 'person' ? t('人员', 'People') : RECORD_KIND_DEFINITIONS[value].label[locale],
    [locale, t],
  );

  const loadRecent = useCallback(() => {
    api.get<{ items: ImportJobView[] }>('/api/imports').then(
      (answer) => {
        setRecent(answer.items);
        setRecentError('');
      },
      (caught: unknown) => {
        setRecent([]);
        setRecentError(failureText(caught, t));
      },
    );
  }, [t]);

  useEffect(() => {
    loadRecent();
    return () => {
      if (polling.current) clearTimeout(polling.current);
    };
  }, [loadRecent]);

  function follow(id: string) {
    polling.current = setTimeout(async () => {
      try {
        const current = await api.get<ImportJobView>(`/api/imports/${id}`);
        setJob(current);
        if (current.status === 'done' || current.status === 'failed') {
          setBusy(false);
          loadRecent();
          if (current.status === 'done')
            void message.success(
              current.dryRun
                ? t('试导入完成，未写入任何数据', 'Dry run finished; nothing was written')
                : t('导入完成', 'Import finished'),
            );
          return;
        }
      } catch (caught) {
        setError(failureText(caught, t));
        setBusy(false);
        return;
      }
      follow(id);
    }, 500);
  }

  async function start() {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('请选择要导入的文件', 'Choose the file to import'));
      return;
    }
    setBusy(true);
    setError('');
    setFileError('');
    setJob(null);
    setUploadPercent(0);
    try {
      const query = new URLSearchParams({ kind, fileName: file.name, dryRun: String(dryRun) });
      const queued = await uploadImport(file, query, locale, setUploadPercent);
      setUploadPercent(100);
      setJob(queued);
      follow(queued.id);
    } catch (caught) {
      setBusy(false);
      setUploadPercent(null);
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      if (fields['fileName']) setFileError(fields['fileName']);
      else setError(failureText(caught, t));
    }
  }

  async function download(url: string, fallback: string) {
    try {
      await downloadFile(url, {}, locale, fallback);
    } catch (caught) {
      void message.error(failureText(caught, t));
    }
  }

  const templateUrl =
    kind === 'person' ? '/api/persons/template.xlsx' : `/api/${RECORD_SEGMENTS[kind]}/template.xlsx`;
  const finished = job && (job.status === 'done' || job.status === 'failed');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('批量导入', 'Import')}
        extra={
          <Button icon={<FileExcelOutlined />} onClick={() => void download(templateUrl, 'template.xlsx')}>
            {t(`下载${kindLabel(kind)}导入模板`, `Download the ${kindLabel(kind).toLowerCase()} template`)}
          </Button>
        }
      >
        <Form name="import" layout="vertical" style={{ maxWidth: 640 }} onFinish={() => void start()}>
          <Form.Item label={t('导入内容', 'What the file holds')}>
            <Select<ImportKind>
              aria-label={t('导入内容', 'What the file holds')}
              value={kind}
              disabled={busy}
              style={{ width: 240 }}
              onChange={(value) => setParams(new URLSearchParams({ kind: value }))}
              options={IMPORT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('文件', 'File')}
            validateStatus={fileError ? 'error' : undefined}
            help={
              fileError ||
              t(
                'Excel 工作簿（.xlsx）或 CSV（UTF-8 或 GB18030），请使用下载的模板',
                'An Excel workbook (.xlsx) or CSV (UTF-8 or GB18030); use the downloaded template',
              )
            }
          >
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={files}
              disabled={busy}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFiles(fileList.slice(-1));
                setFileError('');
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('点击或拖入文件', 'Click or drop a file here')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={dryRun} disabled={busy} onChange={(event) => setDryRun(event.target.checked)}>
              {t('试导入（只检查每一行，不写入数据）', 'Dry run (check every row, write nothing)')}
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={busy}>
            {dryRun ? t('开始试导入', 'Start the dry run') : t('开始导入', 'Start the import')}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        {uploadPercent !== null && (
          <div style={{ marginTop: 24, maxWidth: 640 }}>
            <Typography.Text>{t('上传文件', 'Uploading')}</Typography.Text>
            <Progress
              percent={uploadPercent}
              format={(percent) => `${percent}%`}
              data-testid="upload-progress"
              aria-label={t('上传进度', 'Upload progress')}
            />
            {job && (
              <>
                <Typography.Text>
                  {t('处理数据', 'Processing')} ·{' '}
                  <Tag color={STATUS_COLOURS[job.status]}>{statusLabel(job.status, t)}</Tag>
                </Typography.Text>
                <Progress
                  percent={job.percent}
                  format={(percent) => `${percent}%`}
                  status={
                    job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'
                  }
                  data-testid="job-progress"
                  aria-label={t('处理进度', 'Processing progress')}
                />
              </>
            )}
          </div>
        )}
        {finished && job && (
          <div style={{ marginTop: 16, maxWidth: 640 }} data-testid="import-result">
            {job.status === 'failed' && (
              <Alert
                type="error"
                showIcon
                title={job.error?.message ?? t('导入失败', 'The import failed')}
                style={{ marginBottom: 12 }}
              />
            )}
            <Descriptions bordered size="small" column={3}>
              <Descriptions.Item label={t('读取行数', 'Rows read')}>{job.rows}</Descriptions.Item>
              <Descriptions.Item label={job.dryRun ? t('将新增', 'Would add') : t('新增', 'Added')}>
                {job.inserted}
              </Descriptions.Item>
              <Descriptions.Item label={job.dryRun ? t('将更新', 'Would update') : t('更新', 'Updated')}>
                {job.updated}
              </Descriptions.Item>
              <Descriptions.Item label={t('无变化', 'Unchanged')}>{job.unchanged}</Descriptions.Item>
              <Descriptions.Item label={t('未导入', 'Rejected')} span={2}>
                <Typography.Text type={job.rejected > 0 ? 'danger' : undefined} strong={job.rejected > 0}>
                  {job.rejected}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {job.rejected > 0 && (
              <Button
                type="link"
                style={{ paddingLeft: 0, marginTop: 8 }}
                onClick={() => void download(`/api/imports/${job.id}/rejected.xlsx`, 'rejected.xlsx')}
              >
                {t(
                  `下载未导入的 ${job.rejected} 行（附原因）`,
                  `Download the ${job.rejected} rejected rows (with reasons)`,
                )}
              </Button>
            )}
          </div>
        )}
      </Card>
      <Card
        title={t('我的导入记录', 'My imports')}
        extra={<Button icon={<ReloadOutlined />} aria-label={t('刷新', 'Refresh')} onClick={loadRecent} />}
      >
        {recentError && <Alert type="error" showIcon title={recentError} style={{ marginBottom: 16 }} />}
        <Table<ImportJobView>
          rowKey="id"
          size="small"
          loading={recent === null}
          dataSource={recent ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('还没有导入过', 'No imports yet')} /> }}
          columns={[
            {
              title: t('时间', 'When'),
              dataIndex: 'createdAt',
              width: 150,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('文件', 'File'),
              dataIndex: 'fileName',
              ellipsis: true,
              render: (name: string, row) =>
                row.dryRun ? (
                  <Space size={4}>
                    {name}
                    <Tag>{t('试导入', 'Dry run')}</Tag>
                  </Space>
                ) : (
                  name
                ),
            },
            {
              title: t('内容', 'Kind'),
              dataIndex: 'kind',
              width: 90,
              render: (value: ImportKind) => kindLabel(value),
            },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 110,
              render: (status: ImportJobStatus, row) => (
                <Tag color={STATUS_COLOURS[status]} title={row.error?.message}>
                  {statusLabel(status, t)}
                  {status === 'running' ? ` ${row.percent}%` : ''}
                </Tag>
              ),
            },
            {
              title: t('新增/更新/无变化', 'Added / updated / same'),
              width: 150,
              render: (_: unknown, row) => `${row.inserted} / ${row.updated} / ${row.unchanged}`,
            },
            {
              title: t('未导入', 'Rejected'),
              dataIndex: 'rejected',
              width: 150,
              render: (rejected: number, row) =>
                rejected > 0 ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => void download(`/api/imports/${row.id}/rejected.xlsx`, 'rejected.xlsx')}
                  >
                    {t(`${rejected} 行，下载`, `${rejected}, download`)}
                  </Button>
                ) : (
                  0
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function statusLabel(status: ImportJobStatus, t: (zh: string, en: string) => string): string {
  switch (status) {
    case 'queued':
      return t('排队中', 'Queued');
    case 'running':
      return t('处理中', 'Running');
    case 'done':
      return t('已完成', 'Done');
    case 'failed':
      return t('失败', 'Failed');
  }
}
