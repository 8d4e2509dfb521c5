// A unit of the caller's territory, picked from the org tree as it is opened (one level at a time:
// a county has 119 villages and hundreds of grids). The value is the unit's org path.
import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '@gridwork/core';
import { api } from '@gridwork/client';

interface Node {
  readonly id: string;
  readonly pId: string | null;
  readonly value: string;
  readonly title: string;
  readonly isLeaf: boolean;
}

const nodeOf = (unit: OrgUnit, parent: string | null): Node => ({
  id: unit.id,
  pId: parent,
  value: unit.path,
  title: unit.name,
  isLeaf: unit.children === 0 || unit.kind === 'grid',
});

export function OrgUnitSelect({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: string;
  onChange?: (path: string) => void;
  placeholder?: string;
  id?: string;
}) {
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    api.get<{ items: OrgUnit[] }>('/api/org-units').then(
      (answer) => setNodes(answer.items.map((unit) => nodeOf(unit, null))),
      () => setNodes([]),
    );
  }, []);
  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%' }}
      value={value}
      placeholder={placeholder}
      treeData={nodes}
      onChange={(path: string) => onChange?.(path)}
      loadData={async (node) => {
        const parentId = (node as unknown as { id: string }).id;
        if (nodes.some((candidate) => candidate.pId === parentId)) return;
        const answer = await api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId });
        setNodes((current) => [
          ...current,
          ...answer.items
            .filter((unit) => !current.some((known) => known.id === unit.id))
            .map((unit) => nodeOf(unit, parentId)),
        ]);
      }}
    />
  );
}
