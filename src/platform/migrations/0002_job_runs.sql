-- When each job's latest attempt started (the admin jobs page shows it), and indexes for that page's status filter and
-- the failed-job figure of /api/health.
ALTER TABLE jobs ADD COLUMN last_run_at timestamptz;
CREATE INDEX jobs_failed_idx ON jobs (updated_at) WHERE status = 'failed';
CREATE INDEX jobs_status_idx ON jobs (status, id);
