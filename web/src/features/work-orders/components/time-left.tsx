import { useEffect, useState } from 'react';
import type { WorkOrder } from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

/** The deadline that matters now: the response deadline until someone starts, then the resolution deadline. */
export function currentDeadline(w: WorkOrder): string | null {
  if (!['new', 'dispatched', 'in_progress'].includes(w.status)) return null;
  return w.respondedAt === null && w.status !== 'in_progress' ? w.responseDue : w.resolveDue;
}

function duration(ms: number, en: boolean): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return en ? `${minutes} min` : `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return en ? `${hours} h ${minutes % 60} min` : `${hours} 小时 ${minutes % 60} 分`;
  return en ? `${Math.floor(hours / 24)} days` : `${Math.floor(hours / 24)} 天`;
}

/** Time left in colour: green with room, amber under an hour, red once overdue. Re-renders every half minute. */
export function TimeLeft({ workOrder }: { workOrder: WorkOrder }) {
  const { dateTime } = useDateFormat();
  const { t, i18n } = useWorkOrdersT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const due = currentDeadline(workOrder);
  if (!due) return <span className="muted">{t('left.done')}</span>;
  const left = Date.parse(due) - now;
  const en = i18n.language === 'en';
  const tone = left < 0 ? 'overdue' : left < 3_600_000 ? 'soon' : 'ok';
  return (
    <span className={`time-left time-left--${tone}`} title={dateTime(due)} data-testid="time-left">
      {left < 0 ? t('left.overdue', { time: duration(left, en) }) : t('left.left', { time: duration(left, en) })}
    </span>
  );
}
