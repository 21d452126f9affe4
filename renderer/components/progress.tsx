/** Progress of long work (backup, restore, demo, later imports): one modal with a bar, never a frozen window. */
import { Modal, Progress, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type ReportProgress = (done: number, total: number | null) => void;

interface Task {
  label: string;
  done: number;
  total: number | null;
}

type RunTask = <T>(label: string, work: (report: ReportProgress) => Promise<T>) => Promise<T>;

const TaskContext = createContext<RunTask | null>(null);

export function TaskProgressProvider({ children }: { children: ReactNode }) {
  const [task, setTask] = useState<Task | null>(null);
  const run = useCallback<RunTask>(async (label, work) => {
    setTask({ label, done: 0, total: null });
    try {
      return await work((done, total) => setTask({ label, done, total }));
    } finally {
      setTask(null);
    }
  }, []);
  const value = useMemo(() => run, [run]);
  const pct = task?.total ? Math.min(100, (task.done / task.total) * 100) : 100;
  return (
    <TaskContext.Provider value={value}>
      {children}
      <Modal
        opened={task !== null}
        onClose={() => undefined}
        withCloseButton={false}
        centered
        title={task?.label}
        closeOnEscape={false}
        closeOnClickOutside={false}
      >
        <Stack gap="xs" role="status" aria-live="polite">
          <Progress value={pct} animated={!task?.total} aria-label={task?.label ?? ''} />
          {task?.total ? (
            <Text size="sm" c="dimmed">
              {task.done.toLocaleString()} / {task.total.toLocaleString()}
            </Text>
          ) : null}
        </Stack>
      </Modal>
    </TaskContext.Provider>
  );
}

export function useLongTask(): RunTask {
  const run = useContext(TaskContext);
  if (!run) throw new Error('useLongTask outside TaskProgressProvider');
  return run;
}
