// Photos for a daily-operations record: each picture is uploaded on its own (POST /api/photos)
// as soon as it is chosen, and the form sends the ids the server answered. While a picture is still
// uploading the form cannot be saved, and a failed one is shown until it is removed or chosen again,
// so no photo is dropped without the operator seeing it.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Upload, type UploadFile } from 'antd';
import { ApiError } from '@gridwork/client';
import { useLocale } from '../../app/i18n.js';

export async function uploadPhoto(file: File): Promise<string> {
  const response = await fetch('/api/photos', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  const payload = (await response.json().catch(() => ({}))) as { id?: string; error?: { code: string; message: string } };
  if (!response.ok || !payload.id) throw new ApiError(response.status, payload.error?.code ?? 'INTERNAL', payload.error?.message ?? response.statusText);
  return payload.id;
}

/** The ids of the pictures whose upload finished. */
export function uploadedIds(files: readonly UploadFile[]): string[] {
  return files.flatMap((file) => (file.status === 'done' && typeof file.response === 'string' ? [file.response] : []));
}

/** Whether a picture is still uploading (the form waits for it). */
export function photosUploading(files: readonly UploadFile[]): boolean {
  return files.some((file) => file.status === 'uploading');
}

/** The pictures whose upload failed (the form refuses to save until they are removed). */
export function failedPhotos(files: readonly UploadFile[]): UploadFile[] {
  return files.filter((file) => file.status === 'error');
}

/** What the form says when it cannot save because of its photos, or '' when it can. */
export function photoProblem(files: readonly UploadFile[], t: (zh: string, en: string) => string): string {
  if (photosUploading(files)) return t('照片仍在上传，请稍候再保存', 'Photos are still uploading; save when they are done');
  const failed = failedPhotos(files);
  if (failed.length > 0) return t(`有 ${failed.length} 张照片上传失败，请移除后重新上传`, `${failed.length} photo(s) failed to upload; remove them and upload again`);
  return '';
}

export function PhotoUpload({ files, onChange, max = 9, label }: { files: UploadFile[]; onChange(files: UploadFile[]): void; max?: number; label?: string }) {
  const { t } = useLocale();
  const failed = failedPhotos(files);
  return (
    <>
    <Upload
      listType="picture"
      accept="image/jpeg,image/png,image/webp"
      maxCount={max}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as File).then(
          (id) => onSuccess?.(id),
          (caught: unknown) => onError?.(caught as Error),
        );
      }}
    >
      <Button icon={<UploadOutlined />} aria-label={label}>
        {t('上传照片', 'Upload photos')}
      </Button>
    </Upload>
    {failed.length > 0 && (
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 8 }}
        title={t('照片上传失败', 'Photo upload failed')}
        description={failed.map((file) => `${file.name}：${file.error instanceof Error ? file.error.message : t('上传失败', 'upload failed')}`).join('；')}
      />
    )}
    </>
  );
}
