// Someone new arriving: name, the ID number checked on the phone by its check digit, a phone
// number, and the grid of mine they live in (when I look after more than one).
import { Form, Input, Selector } from 'antd-mobile';
import { parseIdNumber, parsePhone, shanghaiDate, type Grid } from '@gridwork/core';
import { t } from '../../app/i18n.js';

function idNumberRule(_rule: unknown, value: string | undefined): Promise<void> {
  if (!value) return Promise.resolve();
  const parsed = parseIdNumber(value, shanghaiDate(Date.now()));
  if (parsed.ok) return Promise.resolve();
  return Promise.reject(
    new Error(
      parsed.problem === 'check_digit'
        ? t('校验码不符，请核对每一位', 'The check digit does not match')
        : t('身份证号不正确', 'Not a valid ID number'),
    ),
  );
}

interface NewPersonFieldsProps {
  readonly grids: readonly Grid[];
  readonly gridId: string | null;
  readonly onGrid: (gridId: string) => void;
}

export function NewPersonFields({ grids, gridId, onGrid }: NewPersonFieldsProps) {
  return (
    <>
      <Form.Item
        name="name"
        label={t('姓名', 'Name')}
        rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter the name') }]}
      >
        <Input placeholder={t('姓名', 'Name')} clearable />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('身份证号', 'ID number')}
        rules={[
          { required: true, message: t('请填写身份证号', 'Enter the ID number') },
          { validator: idNumberRule },
        ]}
      >
        <Input placeholder={t('18 位', '18 characters')} clearable />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('电话', 'Phone')}
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              !value || parsePhone(value).ok
                ? Promise.resolve()
                : Promise.reject(new Error(t('电话号码不正确', 'Not a valid phone number'))),
          },
        ]}
      >
        <Input type="tel" placeholder={t('手机 11 位', '11-digit mobile')} clearable />
      </Form.Item>
      {grids.length > 1 && (
        <Form.Item label={t('所在网格', 'Grid')}>
          <Selector
            columns={3}
            value={gridId ? [gridId] : []}
            onChange={(value) => value[0] && onGrid(value[0])}
            options={grids.map((grid) => ({ label: grid.name, value: grid.id }))}
          />
        </Form.Item>
      )}
    </>
  );
}
