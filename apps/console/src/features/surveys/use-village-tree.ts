// The county's townships and their villages as a tree, for picking the villages a survey covers
// (a township's own node is only a group: its value starts with `township:`).
import { useEffect, useState } from 'react';
import type { OrgUnit } from '@gridwork/core';
import { api } from '@gridwork/client';

export interface TreeNode {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeNode[];
}

/** The county's townships and their villages, for picking the villages a survey covers. */
export function useVillageTree(open: boolean): TreeNode[] {
  const [tree, setTree] = useState<TreeNode[]>([]);
  useEffect(() => {
    if (!open || tree.length > 0) return;
    void (async () => {
      const [county] = (await api.get<{ items: OrgUnit[] }>('/api/org-units')).items;
      if (!county) return;
      const townships = (await api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId: county.id })).items.filter((unit) => unit.kind === 'township');
      const villages = await Promise.all(townships.map((township) => api.get<{ items: OrgUnit[] }>('/api/org-units', { parentId: township.id })));
      setTree(
        townships.map((township, index) => ({
          value: `township:${township.id}`,
          title: township.name,
          children: (villages[index]?.items ?? []).filter((unit) => unit.kind !== 'grid').map((village) => ({ value: village.id, title: village.name })),
        })),
      );
    })().catch(() => undefined);
  }, [open, tree.length]);
  return tree;
}

