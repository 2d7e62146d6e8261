-- Earlier versions of events, so that corrections and removals do not erase what was believed
-- before. Each row is one version as it was, from when it was recorded until it was superseded,
-- kept as the same JSON object `timeline show UID --format json` prints.

CREATE TABLE event_history (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    superseded_at TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('edit', 'remove')),
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    CHECK (recorded_at <= superseded_at)
) STRICT;

CREATE INDEX event_history_by_uid ON event_history (uid, superseded_at);
