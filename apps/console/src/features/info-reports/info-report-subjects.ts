// The grid workers of the caller's township, who may be the exemplary grid worker (优秀网格员) a
// report is about.
import { useEffect, useState } from 'react';
import type { Account } from '@gridwork/core';
import { api } from '@gridwork/client';

export function useTownshipGridWorkers(orgPath: string): { id: string; name: string }[] {
  const [workers, setWorkers] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let alive = true;
    Promise.all(
      (['grid_worker_fulltime', 'grid_worker_parttime'] as const).map((role) => api.get<{ items: Account[] }>('/api/accounts', { role, orgPath, limit: 200 })),
    ).then(
      (pages) => alive && setWorkers(pages.flatMap((page) => page.items.filter((account) => !account.disabled).map((account) => ({ id: account.id, name: account.displayName })))),
      () => alive && setWorkers([]),
    );
    return () => {
      alive = false;
    };
  }, [orgPath]);
  return workers;
}
