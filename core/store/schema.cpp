#include "core/store/schema.h"

#include "core/store/database.h"
#include "core/store/transaction.h"

#include <array>
#include <string_view>

namespace hindsight::store {

namespace {

// Each entry migrates from version (index) to version (index + 1). Never edit a released step;
// append a new one instead. docs/architecture.md describes the tables.
constexpr std::array<std::string_view, 3> kMigrations = {
    // 0 -> 1: the capture store.
    R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value ANY
) STRICT, WITHOUT ROWID;

CREATE TABLE event_types(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE urls(
  id    INTEGER PRIMARY KEY,
  url   TEXT NOT NULL UNIQUE,
  host  TEXT NOT NULL,
  path  TEXT NOT NULL,
  query TEXT NOT NULL,
  hash  TEXT NOT NULL
) STRICT;
CREATE INDEX urls_path ON urls(host, path);

CREATE TABLE texts(
  id    INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE distinct_ids(
  id          INTEGER PRIMARY KEY,
  distinct_id TEXT NOT NULL UNIQUE,
  person      INTEGER NOT NULL REFERENCES distinct_ids(id)
) STRICT;
CREATE INDEX distinct_ids_person ON distinct_ids(person);

CREATE TABLE sessions(
  id          INTEGER PRIMARY KEY,
  session_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE chains(
  id    INTEGER PRIMARY KEY,
  chain TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE properties(
  id   INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL,
  json TEXT NOT NULL
) STRICT;
CREATE INDEX properties_hash ON properties(hash);

CREATE TABLE interactions(
  id          INTEGER PRIMARY KEY,
  uuid        BLOB NOT NULL,
  type        INTEGER NOT NULL REFERENCES event_types(id),
  distinct_id INTEGER NOT NULL REFERENCES distinct_ids(id),
  session     INTEGER REFERENCES sessions(id),
  url         INTEGER REFERENCES urls(id),
  title       INTEGER REFERENCES texts(id),
  referrer    INTEGER REFERENCES urls(id),
  chain       INTEGER REFERENCES chains(id),
  properties  INTEGER REFERENCES properties(id),
  consent     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX interactions_uuid ON interactions(uuid);

CREATE TABLE imports(
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  format    TEXT NOT NULL,
  started   INTEGER NOT NULL,
  finished  INTEGER,
  lines     INTEGER NOT NULL DEFAULT 0,
  stored    INTEGER NOT NULL DEFAULT 0,
  duplicate INTEGER NOT NULL DEFAULT 0,
  rejected  INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO meta(key, value) VALUES
  ('interactions', 0), ('people', 0), ('sessions', 0), ('elements', 0),
  ('created', CAST(strftime('%s','now') AS INTEGER) * 1000);
)sql",
    // 1 -> 2: the definitions catalog (core/definitions/catalog.h, docs/definitions.md).
    R"sql(
CREATE TABLE definitions(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,
  content     TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'verified', 'deprecated', 'archived')),
  version     INTEGER NOT NULL CHECK (version >= 1),
  created_by  TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  changed_by  TEXT NOT NULL,
  changed_ms  INTEGER NOT NULL,
  verified_by TEXT,
  verified_ms INTEGER
) STRICT;

CREATE TABLE definition_members(
  definition INTEGER NOT NULL REFERENCES definitions(id),
  position   INTEGER NOT NULL,
  member     INTEGER NOT NULL REFERENCES definitions(id),
  PRIMARY KEY (definition, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX definition_members_member ON definition_members(member);

CREATE TABLE definition_history(
  id          INTEGER PRIMARY KEY,
  definition  INTEGER NOT NULL REFERENCES definitions(id),
  version     INTEGER NOT NULL,
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at_ms       INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT NOT NULL,
  UNIQUE (definition, version)
) STRICT;

CREATE TABLE definition_aliases(
  alias_key  TEXT PRIMARY KEY,
  alias      TEXT NOT NULL,
  definition INTEGER NOT NULL REFERENCES definitions(id),
  created_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX definition_aliases_definition ON definition_aliases(definition);

INSERT INTO meta(key, value) VALUES ('generation', 0);
)sql",
    // 2 -> 3: governance — workspace settings, masking rules with history, the erasure log and
    // the workspace's secret key (for keyed hashes: masking by hash, erasure log entries).
    R"sql(
CREATE TABLE settings(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE mask_rules(
  id         INTEGER PRIMARY KEY,
  content    TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version    INTEGER NOT NULL CHECK (version >= 1),
  created_by TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE mask_rule_history(
  id          INTEGER PRIMARY KEY,
  rule        INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at_ms       INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT,
  UNIQUE (rule, version)
) STRICT;

CREATE TABLE erasures(
  id            INTEGER PRIMARY KEY,
  at_ms         INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  subject_hash  TEXT NOT NULL,
  distinct_ids  INTEGER NOT NULL,
  interactions  INTEGER NOT NULL
) STRICT;

INSERT INTO meta(key, value) VALUES ('secret', randomblob(32));
)sql",
};

} // namespace

int currentSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

bool migrate(Database &db, int fromVersion, std::string *error)
{
    for (int v = fromVersion; v < currentSchemaVersion(); ++v) {
        Transaction tx(db);
        if (!tx.active() || !db.exec(kMigrations[static_cast<std::size_t>(v)]) ||
            !db.exec("PRAGMA user_version = " + std::to_string(v + 1)) ||
            (v == 0 && !db.exec("PRAGMA application_id = " + std::to_string(kApplicationId))) ||
            !tx.commit()) {
            if (error)
                *error = "schema migration to version " + std::to_string(v + 1) + " failed: " + db.error();
            return false;
        }
    }
    return true;
}

} // namespace hindsight::store
