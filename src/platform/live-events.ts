/**
 * In-process live events for signed-in staff: a module announces "something new for these employees" and every
 * open WebSocket of theirs on this process hears it. Listeners refetch what changed; nothing is carried here
 * that the REST answer does not hold. (Several processes behind one database would relay these through
 * PostgreSQL LISTEN/NOTIFY; one process is what runs today.)
 */
type Listener = (topic: string) => void;
const listeners = new Map<string, Set<Listener>>();

export function publishTo(employeeIds: Iterable<string>, topic: string): void {
  for (const id of new Set(employeeIds)) for (const listener of listeners.get(id) ?? []) listener(topic);
}

/** Starts listening for one employee; returns the function that stops. */
export function subscribeTo(employeeId: string, listener: Listener): () => void {
  const set = listeners.get(employeeId) ?? new Set<Listener>();
  listeners.set(employeeId, set);
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(employeeId);
  };
}
