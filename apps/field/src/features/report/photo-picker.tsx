// Photos from the camera, shrunk on the phone at once; thumbnails with a remove button.
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Toast } from 'antd-mobile';
import { CameraIcon, CloseIcon } from '../../app/icons.js';
import { MAX_EVENT_PHOTOS } from '@gridwork/core';
import { compressPhoto } from './photo-compress.js';
import { t } from '../../app/i18n.js';

interface PhotoPickerProps {
  readonly photos: readonly Blob[];
  readonly onChange: (photos: Blob[]) => void;
  readonly label?: string;
}

function Thumbnail({ blob, onRemove }: { blob: Blob; onRemove: () => void }) {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div className="photo-thumb">
      <img src={url} alt={t('已拍照片', 'Photo taken')} />
      <button type="button" aria-label={t('删除照片', 'Remove photo')} onClick={onRemove}>
        <CloseIcon />
      </button>
    </div>
  );
}

export function PhotoPicker({ photos, onChange, label = t('拍照', 'Take photo') }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false);
  async function take(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    try {
      const room = MAX_EVENT_PHOTOS - photos.length;
      const shrunk = await Promise.all(files.slice(0, room).map(compressPhoto));
      onChange([...photos, ...shrunk]);
      if (files.length > room) Toast.show({ content: t(`最多 ${MAX_EVENT_PHOTOS} 张照片`, `At most ${MAX_EVENT_PHOTOS} photos`) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="photo-picker">
      {photos.map((blob, index) => (
        <Thumbnail key={index} blob={blob} onRemove={() => onChange(photos.filter((_, at) => at !== index))} />
      ))}
      {photos.length < MAX_EVENT_PHOTOS && (
        <label className="photo-add" aria-busy={busy}>
          <CameraIcon />
          <span>{busy ? t('处理中…', 'Working…') : label}</span>
          <input type="file" accept="image/*" capture="environment" onChange={(event) => void take(event)} aria-label={label} />
        </label>
      )}
    </div>
  );
}
