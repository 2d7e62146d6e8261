-- Schema v1 of a timeline database: entities, events with dates at their precision, measures,
-- sources and citations. Dates keep their EDTF text, their earliest and latest possible day
-- (ISO 'YYYY-MM-DD', inclusive; NULL for an open or unknown end), their precision and qualifiers.
-- Every row records when it was recorded (UTC), so later corrections can be told from first reports.

CREATE TABLE entity_types (
    name TEXT PRIMARY KEY NOT NULL,
    description TEXT NOT NULL
) STRICT;

INSERT INTO entity_types (name, description) VALUES
    ('organisation', 'A company, public body, or other organisation'),
    ('product', 'A product or service'),
    ('person', 'A person'),
    ('place', 'A place');

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (name <> ''),
    type TEXT NOT NULL REFERENCES entity_types (name),
    description TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE entity_aliases (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias TEXT NOT NULL CHECK (alias <> ''),
    language TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (entity_id, alias)
) STRICT;

CREATE INDEX entity_aliases_by_alias ON entity_aliases (alias COLLATE NOCASE);

CREATE TABLE relation_types (
    name TEXT PRIMARY KEY NOT NULL,
    description TEXT NOT NULL,
    transitive INTEGER NOT NULL DEFAULT 0 CHECK (transitive IN (0, 1))
) STRICT;

INSERT INTO relation_types (name, description, transitive) VALUES
    ('part-of', 'A unit or subsidiary of the other entity', 1),
    ('product-of', 'A product or service of the other entity', 1),
    ('contractor-of', 'Supplies work or services to the other entity', 1),
    ('acquired-by', 'Bought by the other entity', 0);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9-]*'),
    url TEXT UNIQUE,
    title TEXT,
    publisher TEXT NOT NULL CHECK (publisher <> ''),
    published_edtf TEXT,
    published_earliest TEXT,
    published_latest TEXT,
    published_precision TEXT,
    language TEXT NOT NULL CHECK (language <> ''),
    type TEXT NOT NULL CHECK (type IN ('news', 'press-release', 'filing', 'memo', 'dataset', 'other')),
    note TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((published_edtf IS NULL) = (published_precision IS NULL))
) STRICT;

CREATE TABLE entity_relations (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    relation TEXT NOT NULL REFERENCES relation_types (name),
    other_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    valid_edtf TEXT,
    valid_earliest TEXT,
    valid_latest TEXT,
    valid_precision TEXT,
    source_id INTEGER REFERENCES sources (id),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (entity_id <> other_id),
    UNIQUE (entity_id, relation, other_id)
) STRICT;

CREATE INDEX entity_relations_by_other ON entity_relations (other_id);

CREATE TABLE event_kinds (
    name TEXT PRIMARY KEY NOT NULL CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9-]*'),
    description TEXT NOT NULL
) STRICT;

INSERT INTO event_kinds (name, description) VALUES
    ('launch', 'A product, service or organisation starts'),
    ('expansion', 'Reaches new places, people or markets'),
    ('customer', 'Gains a customer or partner'),
    ('shutdown', 'A product, service or organisation stops'),
    ('layoff', 'Jobs are cut'),
    ('headcount-change', 'The number of employees changes, for any reason'),
    ('acquisition', 'One organisation buys another, or agrees or bids to'),
    ('regulatory', 'A regulator or court acts'),
    ('announcement', 'A plan or decision is made public'),
    ('funding', 'Money is raised'),
    ('leadership-change', 'Someone takes or leaves a leading role'),
    ('partnership', 'Organisations agree to work together'),
    ('other', 'Anything else');

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    kind TEXT NOT NULL REFERENCES event_kinds (name),
    status TEXT NOT NULL DEFAULT 'occurred' CHECK (status IN ('occurred', 'planned', 'considered', 'cancelled')),
    title TEXT NOT NULL CHECK (title <> ''),
    summary TEXT,
    when_edtf TEXT NOT NULL,
    when_earliest TEXT,
    when_latest TEXT,
    when_precision TEXT NOT NULL,
    when_approximate INTEGER NOT NULL DEFAULT 0 CHECK (when_approximate IN (0, 1)),
    when_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (when_uncertain IN (0, 1)),
    announced_edtf TEXT,
    announced_earliest TEXT,
    announced_latest TEXT,
    announced_precision TEXT,
    announced_approximate INTEGER NOT NULL DEFAULT 0 CHECK (announced_approximate IN (0, 1)),
    announced_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (announced_uncertain IN (0, 1)),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (when_precision IN ('day', 'month', 'season', 'quarter', 'half-year', 'year', 'decade', 'century', 'interval')),
    CHECK (announced_precision IS NULL OR announced_precision IN ('day', 'month', 'season', 'quarter', 'half-year', 'year', 'decade', 'century', 'interval')),
    CHECK ((announced_edtf IS NULL) = (announced_precision IS NULL)),
    CHECK (when_earliest IS NULL OR when_latest IS NULL OR when_earliest <= when_latest),
    CHECK (announced_earliest IS NULL OR announced_latest IS NULL OR announced_earliest <= announced_latest)
) STRICT;

-- The range query asks: earliest <= :to AND latest >= :from. Both bounds are indexed so the
-- planner can start from whichever side is more selective; open ends are stored as NULL and
-- read as -infinity / +infinity by the query.
CREATE INDEX events_by_when ON events (when_earliest, when_latest);
CREATE INDEX events_by_when_latest ON events (when_latest);
CREATE INDEX events_by_announced ON events (announced_earliest, announced_latest);
CREATE INDEX events_by_kind ON events (kind);

CREATE TABLE event_entities (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    role TEXT NOT NULL DEFAULT 'subject' CHECK (role <> '' AND role NOT GLOB '*[^a-z0-9-]*'),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, entity_id, role)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_entities_by_entity ON event_entities (entity_id);

CREATE TABLE event_tags (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (event_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_tags_by_tag ON event_tags (tag);

-- Values are exact decimals kept as text ('-99000', '30.50'): never binary floats.
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    quantity TEXT NOT NULL CHECK (quantity <> '' AND quantity NOT GLOB '*[^a-z0-9-]*'),
    value TEXT NOT NULL CHECK (value GLOB '[0-9]*' OR value GLOB '-[0-9]*'),
    unit TEXT NOT NULL CHECK (unit <> ''),
    entity_id INTEGER REFERENCES entities (id),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    qualifier TEXT CHECK (qualifier IN ('more-than', 'less-than', 'up-to', 'at-least')),
    source_id INTEGER REFERENCES sources (id),
    note TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (value NOT GLOB '*[^0-9.-]*' AND value NOT GLOB '*.*.*' AND value NOT GLOB '?*-*' AND value NOT GLOB '*.' )
) STRICT;

CREATE INDEX measures_by_event ON measures (event_id);
CREATE INDEX measures_by_quantity ON measures (quantity);

CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts', 'corrects')),
    quote TEXT,
    quote_language TEXT,
    translation TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (quote IS NOT NULL OR quote_language IS NULL),
    CHECK (quote IS NOT NULL OR translation IS NULL)
) STRICT;

CREATE INDEX citations_by_event ON citations (event_id);
CREATE INDEX citations_by_source ON citations (source_id);
