// A floating person's arrival (来), registered in under a minute and with no signal if need be:
// who (the ID number checked on the phone by its check digit), from where, where they live in my
// grid, and the rental house (出租屋) they rent, if any. It waits in the outbox like every write.
import { useEffect, useState } from 'react';
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import { parseIdNumber, parsePhone, shanghaiDate, type CurrentUser, type RecordView } from '@gridwork/core';
import { api } from '@gridwork/client';
import { navigate } from '../../app/router.js';
import { isOnline } from '../../lib/network.js';
import { flushOutbox } from '../outbox/outbox.sender.js';
import { newClientKey, nextSeq, putOutboxItem } from '../outbox/outbox.store.js';
import type { RegisterArrivalItem } from '../outbox/outbox.types.js';
import { useMyGrids } from './my-grids.js';

interface ArrivalValues {
  name: string;
  idNumber: string;
  phone?: string;
  hukouPlace?: string;
  address?: string;
}

export function ArrivalPage({ user }: { user: CurrentUser }) {
  const grids = useMyGrids(user);
  const [form] = Form.useForm<ArrivalValues>();
  const [gridId, setGridId] = useState<string | null>(null);
  const [houses, setHouses] = useState<RecordView[]>([]);
  const [houseId, setHouseId] = useState<string | null>(null);
  const selected = gridId ?? grids?.mine[0]?.id ?? null;

  // The rental houses of the grid, when there is a signal to ask for them.
  useEffect(() => {
    setHouseId(null);
    if (!selected || !isOnline()) return setHouses([]);
    let live = true;
    api.get<{ items: RecordView[] }>('/api/houses', { gridId: selected, category: 'rental', limit: 50 }).then(
      (answer) => live && setHouses(answer.items),
      () => live && setHouses([]),
    );
    return () => {
      live = false;
    };
  }, [selected]);

  async function submit(values: ArrivalValues) {
    if (!selected) return;
    const idNumber = parseIdNumber(values.idNumber, shanghaiDate(Date.now()));
    if (!idNumber.ok) return;
    const house = houses.find((candidate) => candidate.id === houseId);
    const item: RegisterArrivalItem = {
      kind: 'register_arrival',
      key: newClientKey(),
      seq: nextSeq(),
      label: `流动人口来：${values.name.trim()}${house ? `（租住 ${house.name}）` : ''}`,
      state: 'waiting',
      message: null,
      attempts: 0,
      createdAt: new Date().toISOString(),
      sentAt: null,
      photos: [],
      body: {
        gridId: selected,
        name: values.name.trim(),
        idType: 'resident_id',
        idNumber: idNumber.value,
        residenceStatus: 'floating',
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.hukouPlace?.trim() ? { hukouPlace: values.hukouPlace.trim() } : {}),
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      },
      houseId: house?.id ?? null,
      personId: null,
    };
    await putOutboxItem(item);
    void flushOutbox();
    Toast.show({ icon: 'success', content: isOnline() ? '已提交' : '已保存，有信号时自动上传' });
    navigate('/grid');
  }

  return (
    <div className="page">
      <Form
        form={form}
        layout="horizontal"
        onFinish={(values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" size="large">
            登记
          </Button>
        }
      >
        <Form.Header>流动人口来（到达登记）</Form.Header>
        <Form.Item
          name="name"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input placeholder="姓名" clearable />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="身份证号"
          rules={[
            { required: true, message: '请填写身份证号' },
            {
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const parsed = parseIdNumber(value, shanghaiDate(Date.now()));
                return parsed.ok
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        parsed.problem === 'check_digit' ? '校验码不符，请核对每一位' : '身份证号不正确',
                      ),
                    );
              },
            },
          ]}
        >
          <Input placeholder="18 位" clearable />
        </Form.Item>
        <Form.Item
          name="phone"
          label="电话"
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value || parsePhone(value).ok
                  ? Promise.resolve()
                  : Promise.reject(new Error('电话号码不正确')),
            },
          ]}
        >
          <Input type="tel" placeholder="手机 11 位" clearable />
        </Form.Item>
        <Form.Item name="hukouPlace" label="来自">
          <Input placeholder="户籍地，如：四川省乐山市犍为县" clearable />
        </Form.Item>
        <Form.Item name="address" label="现住址">
          <Input placeholder="如：马踏村一组 8 号" clearable />
        </Form.Item>
        <Form.Header>所在网格</Form.Header>
        <Form.Item>
          <Selector
            columns={3}
            value={selected ? [selected] : []}
            onChange={(values) => values[0] && setGridId(values[0])}
            options={(grids?.mine ?? []).map((grid) => ({ label: grid.name, value: grid.id }))}
          />
        </Form.Item>
        <Form.Header>租住的出租屋（可不选）</Form.Header>
        <Form.Item>
          {houses.length > 0 ? (
            <Selector
              columns={2}
              value={houseId ? [houseId] : []}
              onChange={(values) => setHouseId(values[0] ?? null)}
              options={houses.map((house) => ({
                label: house.name,
                value: house.id,
                description: house.address ?? undefined,
              }))}
            />
          ) : (
            <span className="hint">
              {isOnline() ? '本网格没有登记的出租屋' : '没有信号：出租屋可以稍后在人员信息里补充'}
            </span>
          )}
        </Form.Item>
      </Form>
    </div>
  );
}
