import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../../app/api-client.ts';

/** The server's shapes (src/modules/backup/backup.routes.ts). */
export interface Backup {
  name: string;
  createdAt: string;
  sizeBytes: number;
  engine: 'pglite' | 'postgres' | null;
  tables: number | null;
  rows: number | null;
  files: number | null;
  verification: { status: 'verified' | 'failed'; at: string; problems: string[] } | null;
}
export interface BackupList {
  items: Backup[];
  inProgress: boolean;
  schedule: { everyHours: number; keep: number; dir: string };
}

const key = ['backups'] as const;

/** Polls while a backup runs, so the new archive and its verification appear when they are done. */
export function useBackups() {
  return useQuery({
    queryKey: key,
    queryFn: () => get<BackupList>('/api/backups'),
    refetchInterval: (query) => (query.state.data?.inProgress ? 2000 : false),
  });
}

export function useStartBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ jobId: string }>('/api/backups'),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const backupDownloadHref = (name: string) => `/api/backups/${encodeURIComponent(name)}`;
