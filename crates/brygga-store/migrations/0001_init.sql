-- 0001: the foundation tables. Forward-only: a later migration adds, it never edits this file.
-- Timestamps are unix milliseconds in `_ms` columns, always supplied by the caller's clock.
-- JSON columns are TEXT checked with json_valid, so a bad write fails here, not on a later read.

-- Marks the file as Brygga's ('BRYG'), so another program's SQLite file is refused, not migrated.
PRAGMA application_id = 1112693063;

-- Non-secret settings; secrets live in the keychain only.
CREATE TABLE settings (
    key           TEXT PRIMARY KEY NOT NULL,
    value         TEXT NOT NULL CHECK (json_valid(value)),
    updated_at_ms INTEGER NOT NULL
) STRICT;

-- One position per change feed, opaque text in exactly the form the remote API expects back.
CREATE TABLE cursors (
    feed          TEXT PRIMARY KEY NOT NULL,
    value         TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL
) STRICT;

-- One row per side effect on a remote system. UNIQUE(kind, idempotency_key) means a planner
-- that sees the same change twice queues the call once.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'running', 'done', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    INTEGER NOT NULL CHECK (max_attempts >= 1),
    run_at_ms       INTEGER NOT NULL,
    last_error_code TEXT,
    last_error      TEXT,
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    done_at_ms      INTEGER,
    UNIQUE (kind, idempotency_key)
) STRICT;

-- The drain worker asks "oldest due pending row" on every turn.
CREATE INDEX outbox_due ON outbox (status, run_at_ms, id);

-- One row per sync cycle. A run is open while finished_at_ms and outcome are both NULL.
CREATE TABLE sync_runs (
    id             INTEGER PRIMARY KEY,
    flow           TEXT NOT NULL,
    dry_run        INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
    started_at_ms  INTEGER NOT NULL,
    finished_at_ms INTEGER,
    outcome        TEXT CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),
    counts         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
    error          TEXT,
    CHECK ((finished_at_ms IS NULL) = (outcome IS NULL))
) STRICT;

CREATE INDEX sync_runs_flow_started ON sync_runs (flow, started_at_ms);

-- What happened to one thing ("order:1234"), for the history shown next to it.
CREATE TABLE events (
    id      INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    kind    TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    at_ms   INTEGER NOT NULL
) STRICT;

CREATE INDEX events_subject_at ON events (subject, at_ms);
