// Reporting an event in two taps: a category, then 提交. The title starts as the category's name,
// the GPS point and the grid it falls in are filled in (and can be changed), photos are shrunk on
// the phone. The report goes into the outbox and up when there is a signal.
import { useEffect, useState } from 'react';
import { Button, Form, Input, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import type { Category, CurrentUser, Grid } from '@gridwork/core';
import { navigate } from '../../app/router.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { freshOutboxFields, newClientKey, pendingPhotos, putOutboxItem } from '../outbox/outbox.store.js';
import type { ReportEventItem } from '../outbox/outbox.types.js';
import { useMyGrids } from '../grid/my-grids.js';
import { CategoryPicker } from './category-picker.js';
import { locateGrid } from './grid-locate.js';
import { PhotoPicker } from './photo-picker.js';
import { usePosition } from './use-position.js';
import { PositionText } from './position-text.js';
import { isOnline } from '../../lib/network.js';
import { t } from '../../app/i18n.js';

export function ReportPage({ user }: { user: CurrentUser }) {
  const [category, setCategory] = useState<Category | null>(null);
  if (!category) return <CategoryPicker onPick={setCategory} />;
  return <ReportForm key={category.code} user={user} category={category} onBack={() => setCategory(null)} />;
}

interface ReportValues {
  title: string;
  description?: string;
  address?: string;
  result?: string;
}

function ReportForm({ user, category, onBack }: { user: CurrentUser; category: Category; onBack: () => void }) {
  const [form] = Form.useForm<ReportValues>();
  const { state: position, locate } = usePosition();
  const grids = useMyGrids(user);
  const [gridId, setGridId] = useState<string | null>(null);
  const [gridTouched, setGridTouched] = useState(false);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [onSpot, setOnSpot] = useState(false);
  const [afterPhotos, setAfterPhotos] = useState<Blob[]>([]);
  const [saving, setSaving] = useState(false);

  const fix = position.status === 'found' ? position.position : null;
  useEffect(() => {
    if (!fix || !grids || gridTouched) return;
    let live = true;
    void locateGrid(fix.lon, fix.lat, grids.all).then((grid) => live && !gridTouched && setGridId(grid?.id ?? null));
    return () => {
      live = false;
    };
  }, [fix, grids, gridTouched]);

  const choices: Grid[] = grids?.all ?? [];
  const grid = choices.find((candidate) => candidate.id === gridId) ?? null;

  async function submit(values: ReportValues) {
    if (onSpot && afterPhotos.length === 0) {
      Toast.show({ content: t('自行处置需拍一张处置后的照片', 'Resolving on the spot needs a photo of the result') });
      return;
    }
    setSaving(true);
    const key = newClientKey();
    const title = values.title.trim();
    const item: ReportEventItem = {
      kind: 'report_event',
      ...freshOutboxFields(title, key, photos),
      body: {
        clientKey: key,
        title,
        description: values.description?.trim() ?? '',
        categoryCode: category.code,
        ...(fix ? { lon: fix.lon, lat: fix.lat } : {}),
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        ...(gridId ? { gridId } : {}),
      },
      onSpot: onSpot ? { result: values.result?.trim() ?? '', photos: pendingPhotos(afterPhotos) } : null,
      eventId: null,
      gridName: grid?.name ?? null,
    };
    try {
      await putOutboxItem(item);
      void flushOutbox();
      Toast.show({
        icon: 'success',
        content: isOnline() ? t('已提交', 'Sent') : t('已保存，有信号时自动上传', 'Saved: sent when there is a signal'),
      });
      navigate('/events');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      name="report"
      className="report-form"
      initialValues={{ title: category.name }}
      onFinish={(values: ReportValues) => void submit(values)}
      footer={
        <Button block type="submit" color="primary" size="large" loading={saving}>
          {t('提交', 'Submit')}
        </Button>
      }
    >
      <Form.Header>
        <span className="chosen-category">
          {category.name}
          <Button size="mini" fill="none" color="primary" onClick={onBack}>
            {t('换类别', 'Change')}
          </Button>
        </span>
      </Form.Header>
      <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, message: t('请填写标题', 'Enter a title') }]}>
        <Input maxLength={100} clearable />
      </Form.Item>
      <Form.Item name="description" label={t('描述', 'Description')}>
        <TextArea placeholder={t('发生了什么、在哪里、涉及哪些人', 'What happened, where, who is involved')} maxLength={4000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item label={t('现场照片', 'Photos')}>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </Form.Item>
      <Form.Item label={t('位置', 'Location')} description={<PositionText state={position} onRetry={locate} />}>
        <span data-testid="located-grid">{grid ? grid.name : fix ? t('不在我的网格内：请选择网格', 'Not in my grids: choose a grid') : t('请选择网格', 'Choose a grid')}</span>
      </Form.Item>
      {choices.length > 0 && (
        <Form.Item label={t('所属网格', 'Grid')}>
          <Selector
            aria-label={t('所属网格', 'Grid')}
            options={choices.map((candidate) => ({ label: candidate.name, value: candidate.id }))}
            value={gridId ? [gridId] : []}
            onChange={(value) => {
              setGridTouched(true);
              setGridId(value[0] ?? null);
            }}
          />
        </Form.Item>
      )}
      <Form.Item name="address" label={t('地址（可选）', 'Address (optional)')}>
        <Input maxLength={200} placeholder={t('如：三组村道口', 'e.g. the lane by group 3')} />
      </Form.Item>
      {category.onSpotAllowed && (
        <Form.Item label={t('当场已处置（自行处置）', 'Resolved on the spot')} childElementPosition="right">
          <Switch aria-label={t('当场已处置', 'Resolved on the spot')} checked={onSpot} onChange={setOnSpot} />
        </Form.Item>
      )}
      {onSpot && (
        <>
          <Form.Item name="result" label={t('处置结果', 'Result')} rules={[{ required: true, message: t('请填写处置结果', 'Enter the result') }]}>
            <TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item label={t('处置后照片', 'Photos after')}>
            <PhotoPicker photos={afterPhotos} onChange={setAfterPhotos} label={t('拍处置后照片', 'Photo of the result')} />
          </Form.Item>
        </>
      )}
    </Form>
  );
}
