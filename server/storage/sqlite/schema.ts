/**
 * Tables of the SQLite store. `user_version` numbers the schema so later versions can migrate
 * in place. Every table is keyed by space first: a record is never read outside its space.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS workflows (
  space_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  tags TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  valid INTEGER NOT NULL,
  validation_errors TEXT NOT NULL,
  trigger_types TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (space_id, id)
);
CREATE TABLE IF NOT EXISTS workflow_versions (
  space_id TEXT NOT NULL,
  workflow_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  PRIMARY KEY (space_id, workflow_id, revision)
);
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  space_id TEXT NOT NULL,
  id TEXT NOT NULL,
  workflow_id TEXT NOT NULL,
  workflow_name TEXT NOT NULL,
  workflow_revision INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  is_test_run INTEGER NOT NULL,
  triggered_by TEXT NOT NULL,
  inputs TEXT NOT NULL,
  event TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  resume_at TEXT,
  output TEXT,
  parent_execution_id TEXT,
  dry_run INTEGER NOT NULL DEFAULT 0,
  concurrency_key TEXT,
  queued INTEGER NOT NULL DEFAULT 0,
  UNIQUE (space_id, id)
);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (space_id, status, seq);
CREATE INDEX IF NOT EXISTS executions_by_concurrency ON executions (space_id, workflow_id, concurrency_key, status);
CREATE INDEX IF NOT EXISTS executions_by_workflow ON executions (space_id, workflow_id, seq DESC);
CREATE TABLE IF NOT EXISTS step_executions (
  space_id TEXT NOT NULL,
  id TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  step_name TEXT NOT NULL,
  step_type TEXT NOT NULL,
  path TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT,
  output TEXT,
  error TEXT,
  attempt INTEGER NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  state TEXT,
  effects TEXT,
  PRIMARY KEY (space_id, id)
);
CREATE INDEX IF NOT EXISTS step_executions_by_execution ON step_executions (space_id, execution_id, sequence, attempt);
CREATE TABLE IF NOT EXISTS execution_logs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  space_id TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  step_path TEXT,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS execution_logs_by_execution ON execution_logs (space_id, execution_id, seq);
`;

/**
 * Version 2: the executions table is the engine's durable run queue. `runner_key` names the
 * runner task (and so the user) that may pick a run up; a lease says which node runs it until when.
 */
export const SCHEMA_V2 = `
ALTER TABLE executions ADD COLUMN runner_key TEXT NOT NULL DEFAULT 'internal';
ALTER TABLE executions ADD COLUMN lease_owner TEXT;
ALTER TABLE executions ADD COLUMN lease_expires_at TEXT;
CREATE INDEX IF NOT EXISTS executions_unfinished ON executions (runner_key, status, seq)
  WHERE status IN ('pending', 'running', 'waiting', 'waiting_for_input');
CREATE INDEX IF NOT EXISTS executions_leased ON executions (lease_owner) WHERE status = 'running';
`;
