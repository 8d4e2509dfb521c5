// The territory: the org tree of my scope opened level by level, and for a village its grids with
// their area and grid workers; grids are created, renamed, drawn and given their workers here.
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS, can, type Grid, type OrgUnit, type Role } from '@gridwork/core';
import { ApiError, api } from '@gridwork/client';
import { useUser } from '../auth/auth.js';
import { useLocale } from '../../app/i18n.js';
import { GridDialog } from './grid-dialog.js';

const GridBoundaryEditor = lazy(async () => ({
  default: (await import('./grid-boundary-editor.js')).GridBoundaryEditor,
}));

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  unit: OrgUnit;
  children?: TreeNode[];
}

const VILLAGE_KINDS: readonly string[] = ['village', 'community', 'resident_group'];
const nodeOf = (unit: OrgUnit): TreeNode => ({
  key: unit.id,
  title: unit.name,
  isLeaf: unit.children === 0 || VILLAGE_KINDS.includes(unit.kind),
  unit,
});

function withChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

export function TerritoryPage() {
  const user = useUser();
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [village, setVillage] = useState<OrgUnit | null>(null);
  const villageId = params.get('village');

  useEffect(() => {
    api.get<{ items: OrgUnit[] }>('/api/org-units').then(
      (answer) => setTree(answer.items.filter((unit) => unit.kind !== 'grid').map(nodeOf)),
      () => setTree([]),
    );
  }, []);

  async function load(node: TreeNode) {
    if (node.children) return;
    const answer = await api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId: node.unit.id });
    setTree((current) =>
      withChildren(current, node.key, answer.items.filter((unit) => unit.kind !== 'grid').map(nodeOf)),
    );
  }

  return (
    <Row gutter={16}>
      <Col xs={24} md={8} lg={6}>
        <Card
          title={t('组织机构', 'Organisation')}
          styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflow: 'auto' } }}
        >
          {tree.length === 0 ? (
            <Spin />
          ) : (
            <Tree<TreeNode>
              treeData={tree}
              loadData={load}
              selectedKeys={villageId ? [villageId] : []}
              onSelect={(_keys, { node }) => {
                if (!VILLAGE_KINDS.includes(node.unit.kind)) return;
                setVillage(node.unit);
                setParams({ village: node.unit.id });
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={16} lg={18}>
        {villageId ? (
          <VillageGrids
            villageId={villageId}
            villageName={village?.id === villageId ? village.name : ''}
            canManage={can(user.role, 'grid.manage')}
          />
        ) : (
          <Card>
            <Empty
              description={t(
                '在左侧选择一个村（社区），查看和管理它的网格',
                'Pick a village (community) on the left to see and manage its grids',
              )}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function VillageGrids({
  villageId,
  villageName,
  canManage,
}: {
  villageId: string;
  villageName: string;
  canManage: boolean;
}) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [grids, setGrids] = useState<Grid[] | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<
    | { kind: 'create' }
    | { kind: 'rename'; grid: Grid }
    | { kind: 'workers'; grid: Grid }
    | { kind: 'boundary'; grid: Grid }
    | null
  >(null);

  const reload = useCallback(() => {
    setGrids(null);
    api.get<{ items: Grid[] }>('/api/grids', { villageId }).then(
      (answer) => (setGrids(answer.items), setError('')),
      (caught: unknown) => (
        setGrids([]),
        setError(
          caught instanceof ApiError ? caught.message : t('加载失败，请重试', 'Could not load; try again'),
        )
      ),
    );
  }, [villageId, t]);

  useEffect(reload, [reload]);

  return (
    <Card
      title={`${villageName} ${t('网格', 'grids')}`}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('新建网格', 'New grid')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Grid>
        rowKey="id"
        loading={grids === null}
        dataSource={grids ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('还没有网格', 'No grids yet')} /> }}
        columns={[
          { title: t('编号', 'Code'), dataIndex: 'code', width: 80 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          {
            title: t('面积', 'Area'),
            dataIndex: 'areaM2',
            width: 140,
            render: (area: number | null) =>
              area === null ? (
                <Tag color="gold">{t('未划边界', 'No boundary')}</Tag>
              ) : (
                `${(area / 1e6).toFixed(2)} km²`
              ),
          },
          {
            title: t('网格员', 'Grid workers'),
            dataIndex: 'workers',
            render: (workers: Grid['workers']) =>
              workers.length === 0 ? (
                <Typography.Text type="danger">{t('未配备', 'None')}</Typography.Text>
              ) : (
                workers.map((worker) => (
                  <Tag key={worker.id}>
                    {worker.displayName}（{ROLE_LABELS[worker.role as Role]?.[locale] ?? worker.role}）
                  </Tag>
                ))
              ),
          },
          ...(canManage
            ? [
                {
                  title: t('操作', 'Actions'),
                  width: 260,
                  render: (_value: unknown, grid: Grid) => (
                    <Space>
                      <Button size="small" onClick={() => setDialog({ kind: 'boundary', grid })}>
                        {t('边界', 'Boundary')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'workers', grid })}>
                        {t('网格员', 'Workers')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'rename', grid })}>
                        {t('改名', 'Rename')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'boundary' && (
        <Suspense fallback={<Spin />}>
          <GridBoundaryEditor
            grid={dialog.grid}
            neighbours={(grids ?? []).filter((grid) => grid.id !== dialog.grid.id)}
            onClose={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              void message.success(t('边界已保存', 'Boundary saved'));
              reload();
            }}
          />
        </Suspense>
      )}
      {(dialog?.kind === 'create' || dialog?.kind === 'rename' || dialog?.kind === 'workers') && (
        <GridDialog
          villageId={villageId}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('已保存', 'Saved'));
            reload();
          }}
        />
      )}
    </Card>
  );
}
