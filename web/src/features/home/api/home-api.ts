import { useQuery } from '@tanstack/react-query';
import { get } from '../../../app/api-client.ts';

/** The server's shape: src/modules/home/home.schema.ts. A null part is one the user may not see. */
export interface Home {
  today: string;
  retentionTasks:
    | {
        id: string;
        customerId: string;
        customerNo: string;
        customerName: string;
        offer: string;
        dueDate: string;
        overdue: boolean;
      }[]
    | null;
  workOrderSteps:
    | {
        id: string;
        orderNo: string;
        status: string;
        step: 'start' | 'resolve' | 'return_visit';
        dueAt: string;
        breached: boolean;
      }[]
    | null;
  queues: { queue: 'mine' | 'department' | 'return_visit'; open: number; breached: number }[] | null;
  atRisk: { customerId: string; customerNo: string; name: string; score: number; reason: string | null }[] | null;
  keyFigures: { from: string; to: string; active: number; new: number; cancelled: number; churned: number } | null;
}

export const useHome = () => useQuery({ queryKey: ['home'], queryFn: () => get<Home>('/api/home') });
