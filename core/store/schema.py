"""The database schema and its forward migrations (``PRAGMA user_version`` is the version).

Each migration is a list of SQL statements run inside one transaction by ``connection.migrate``;
append new steps, never edit old ones — a user's file may be at any earlier version.

Review data layout (why it looks like this):

* ``figures`` keeps the detector's proposal (``det_*``) and the reviewer's decision (``rev_*``)
  side by side. ``rev_*`` starts as a *copy* of ``det_*`` so the effective value is always
  ``rev_*`` (exports never need a COALESCE) and a reviewer can set a field to NULL on purpose
  (e.g. drop a wrong qualifier). ``status`` says whether anybody looked at it.
* ``text/start/end`` is the quoted span; every read re-checks it against ``reports.text``.
* ``audit`` is append-only: triggers refuse UPDATE and DELETE on it.
"""
from __future__ import annotations

APPLICATION_ID = 0x52445331  # "RDS1": tells our files apart from any other SQLite database

SCHEMA_V1 = [
    """
    CREATE TABLE reports (
        id            INTEGER PRIMARY KEY,
        sha256        TEXT NOT NULL UNIQUE,
        file_name     TEXT NOT NULL,
        source_path   TEXT NOT NULL,
        format        TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        detected_at   TEXT NOT NULL,
        org           TEXT,
        year          INTEGER,
        published     TEXT,
        doc_number    TEXT,
        title         TEXT,
        warnings      TEXT NOT NULL DEFAULT '[]',   -- JSON list of Chinese notes
        encoding      TEXT,
        text          TEXT NOT NULL,
        blocks        BLOB,                         -- zlib(JSON) of Document.blocks
        boxes         BLOB,                         -- zlib(CharBoxes.to_bytes()), PDF only
        page_sizes    TEXT NOT NULL DEFAULT '[]',
        original_file TEXT,                         -- name inside the originals folder
        det_sections  INTEGER NOT NULL DEFAULT 0,   -- counts written in the same transaction:
        det_figures   INTEGER NOT NULL DEFAULT 0,   -- lets a check prove a report is complete
        review_state  TEXT NOT NULL DEFAULT '未审'
                      CHECK (review_state IN ('未审', '审核中', '已审核')),
        reviewer      TEXT,
        reviewed_at   TEXT
    )
    """,
    """
    CREATE TABLE sections (
        id          INTEGER PRIMARY KEY,
        report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        origin      TEXT NOT NULL DEFAULT 'detected' CHECK (origin IN ('detected', 'manual')),
        marker      TEXT NOT NULL DEFAULT '',
        title       TEXT NOT NULL DEFAULT '',
        text        TEXT NOT NULL,                  -- quoted heading text == reports.text[start:end]
        start       INTEGER NOT NULL,
        "end"       INTEGER NOT NULL,
        det_level   INTEGER,
        det_kind    TEXT,
        rev_level   INTEGER NOT NULL,
        rev_kind    TEXT,
        removed     INTEGER NOT NULL DEFAULT 0,     -- a false heading the reviewer took out (hidden)
        stale       INTEGER NOT NULL DEFAULT 0,     -- re-detection no longer finds it
        reviewer    TEXT,
        reviewed_at TEXT
    )
    """,
    "CREATE INDEX sections_report ON sections(report_id, start)",
    """
    CREATE TABLE figures (
        id            INTEGER PRIMARY KEY,
        report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        text          TEXT NOT NULL,                -- quoted text == reports.text[start:end]
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL,
        page          INTEGER,                      -- PDF page (0-based) of start, else NULL
        det_value     NUMERIC,                      -- NULL for 人工新增
        det_unit      TEXT,
        det_qualifier TEXT,
        det_subject   TEXT,
        rev_value     NUMERIC,
        rev_unit      TEXT,
        rev_qualifier TEXT,
        rev_subject   TEXT,
        status        TEXT NOT NULL DEFAULT '待审'
                      CHECK (status IN ('待审', '已确认', '已修改', '已删除', '人工新增')),
        prev_status   TEXT,                         -- what 恢复 goes back to after 已删除
        stale         INTEGER NOT NULL DEFAULT 0,   -- re-detection no longer finds it
        reviewer      TEXT,
        reviewed_at   TEXT
    )
    """,
    "CREATE INDEX figures_report ON figures(report_id, start)",
    """
    CREATE TABLE audit (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        reviewer  TEXT NOT NULL,
        report_id INTEGER NOT NULL,
        entity    TEXT NOT NULL CHECK (entity IN ('report', 'section', 'figure')),
        entity_id INTEGER NOT NULL,
        action    TEXT NOT NULL,
        field     TEXT,
        old       TEXT,                             -- JSON
        new       TEXT                              -- JSON
    )
    """,
    "CREATE INDEX audit_entity ON audit(entity, entity_id)",
    "CREATE INDEX audit_report ON audit(report_id)",
    """
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
    """
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
]

# v2: counts per report and status read from an index alone, for the report list
# (the window refreshes it after every import; 22 ms -> 5 ms over the 146-report corpus)
SCHEMA_V2 = [
    "CREATE INDEX figures_report_status ON figures(report_id, status)",
]

# v3 (indicators): the editable indicator catalogue, each figure's indicator (detected vs
# reviewed), a 审核意见 per report, the reviewer's choice when several figures of one report
# fill one indicator, and reviewer-set body aliases for year-over-year matching. Only ADDs.
# ``catalog_audit`` is the append-only log of changes that belong to no report (catalogue,
# aliases): ``audit`` requires a report and its entity CHECK cannot be widened in place.
SCHEMA_V3_INDICATORS = [
    """
    CREATE TABLE indicators (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        area        TEXT NOT NULL DEFAULT '',
        unit        TEXT NOT NULL DEFAULT '',
        kind        TEXT NOT NULL CHECK (kind IN ('count', 'rate', 'money', 'people')),
        aggregate   TEXT NOT NULL CHECK (aggregate IN ('sum', 'mean', 'none')),
        definition  TEXT NOT NULL DEFAULT '',
        cues        TEXT NOT NULL DEFAULT '[]',     -- JSON list
        position    INTEGER NOT NULL,               -- column order
        origin      TEXT NOT NULL DEFAULT 'default' CHECK (origin IN ('default', 'user')),
        retired     INTEGER NOT NULL DEFAULT 0,     -- hidden from new work, history kept
        reviewer    TEXT,
        updated_at  TEXT
    )
    """,
    "ALTER TABLE figures ADD COLUMN det_indicator TEXT",
    "ALTER TABLE figures ADD COLUMN rev_indicator TEXT",
    # who chose rev_indicator; NULL = it follows the detector (re-detection may change it)
    "ALTER TABLE figures ADD COLUMN indicator_reviewer TEXT",
    "CREATE INDEX figures_indicator ON figures(rev_indicator, report_id)",
    "ALTER TABLE reports ADD COLUMN opinion TEXT",
    """
    CREATE TABLE indicator_choices (
        report_id    INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        indicator_id TEXT NOT NULL,
        mode         TEXT NOT NULL CHECK (mode IN ('sum', 'first', 'max', 'figure')),
        figure_id    INTEGER,                       -- the chosen figure when mode = 'figure'
        reviewer     TEXT NOT NULL,
        at           TEXT NOT NULL,
        PRIMARY KEY (report_id, indicator_id)
    )
    """,
    """
    CREATE TABLE body_aliases (
        name_key  TEXT PRIMARY KEY,                 -- normalised body name as detected
        body      TEXT NOT NULL,                    -- the body it is the same as
        reviewer  TEXT NOT NULL,
        at        TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE catalog_audit (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        reviewer  TEXT NOT NULL,
        entity    TEXT NOT NULL CHECK (entity IN ('indicator', 'body_alias')),
        entity_key TEXT NOT NULL,
        action    TEXT NOT NULL,
        field     TEXT,
        old       TEXT,                             -- JSON
        new       TEXT                              -- JSON
    )
    """,
    """
    CREATE TRIGGER catalog_audit_no_update BEFORE UPDATE ON catalog_audit
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
    """
    CREATE TRIGGER catalog_audit_no_delete BEFORE DELETE ON catalog_audit
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """,
]

# v4: checks a reviewer cannot do by eye (core/checks) with the reviewer's decision on each, and the
# list of bodies expected to report. Only adds tables: independent of other migrations.
# Decisions are audited in ``audit`` as entity 'report' (its CHECK allows no new entity without a
# table rebuild), field ``check#<id>.decision`` / ``check#<id>.note``: one trail per report.
SCHEMA_V4_CHECKS = [
    """
    CREATE TABLE checks (
        id           INTEGER PRIMARY KEY,
        report_id    INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,                -- core.checks.KINDS
        key          TEXT NOT NULL,                -- quoted text (or the message of an absence)
        message      TEXT NOT NULL,
        text         TEXT NOT NULL,                -- quoted text == reports.text[start:end]
        start        INTEGER NOT NULL,
        "end"        INTEGER NOT NULL,
        figures      TEXT NOT NULL DEFAULT '[]',   -- JSON [[start, end, text], ...] of the figures
        certain      INTEGER NOT NULL DEFAULT 1,
        detail       TEXT NOT NULL DEFAULT '{}',   -- JSON evidence (copy: the other report's span)
        stale        INTEGER NOT NULL DEFAULT 0,   -- a re-run no longer finds it (kept: decided)
        decision     TEXT NOT NULL DEFAULT '待核实'
                     CHECK (decision IN ('待核实', '核实无误', '确认问题')),
        note         TEXT,
        reviewer     TEXT,
        reviewed_at  TEXT,
        found_at     TEXT NOT NULL
    )
    """,
    "CREATE INDEX checks_report ON checks(report_id, kind)",
    """
    CREATE TABLE expected_bodies (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        added_at  TEXT NOT NULL,
        source    TEXT                             -- file it was imported from, or NULL if typed
    )
    """,
]

# v5 (reliability and open cost):
# * ``db_sessions``: one row per process with the database open read-write; a row left by a
#   process that no longer runs means an unclean shutdown, and only then does opening run the
#   full integrity check (see core/store/sessions.py).
# * ``reports_list``: a covering index for the report list, so listing never walks the rows'
#   large text/blocks/boxes (the list columns after them sat behind their overflow pages).
# * ``report_versions``: earlier files a report was replaced by a corrected re-send of; their
#   hashes still count as "already imported".
# * ``figure_counts`` / ``section_kinds``: per-report tallies kept by triggers, so the report list
#   reads a few rows per report instead of every figure and heading of the archive (at 2,000
#   reports: 430,000 figures, 100 ms a scan). Rebuilt from the tables in the migration itself.
SCHEMA_V5_RELIABILITY = [
    """
    CREATE TABLE db_sessions (
        id        INTEGER PRIMARY KEY,
        pid       INTEGER NOT NULL,
        host      TEXT NOT NULL,
        opened_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX reports_list ON reports(org, year, file_name, format, review_state, reviewer,"
    " reviewed_at, imported_at)",
    """
    CREATE TABLE report_versions (
        id            INTEGER PRIMARY KEY,
        report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        sha256        TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        source_path   TEXT NOT NULL,
        original_file TEXT,
        imported_at   TEXT NOT NULL,
        replaced_at   TEXT NOT NULL,
        replaced_by   TEXT NOT NULL                 -- reviewer who chose the replacement
    )
    """,
    "CREATE INDEX report_versions_sha ON report_versions(sha256)",
    """
    CREATE TABLE figure_counts (
        report_id INTEGER NOT NULL,
        status    TEXT NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (report_id, status)
    ) WITHOUT ROWID
    """,
    "INSERT INTO figure_counts SELECT report_id, status, count(*) FROM figures"
    " GROUP BY report_id, status",
    """
    CREATE TRIGGER figure_counts_insert AFTER INSERT ON figures BEGIN
        INSERT INTO figure_counts VALUES (NEW.report_id, NEW.status, 1)
            ON CONFLICT (report_id, status) DO UPDATE SET n = n + 1;
    END
    """,
    """
    CREATE TRIGGER figure_counts_delete AFTER DELETE ON figures BEGIN
        UPDATE figure_counts SET n = n - 1 WHERE report_id = OLD.report_id AND status = OLD.status;
    END
    """,
    """
    CREATE TRIGGER figure_counts_update AFTER UPDATE OF status, report_id ON figures
    WHEN OLD.status IS NOT NEW.status OR OLD.report_id IS NOT NEW.report_id BEGIN
        UPDATE figure_counts SET n = n - 1 WHERE report_id = OLD.report_id AND status = OLD.status;
        INSERT INTO figure_counts VALUES (NEW.report_id, NEW.status, 1)
            ON CONFLICT (report_id, status) DO UPDATE SET n = n + 1;
    END
    """,
    """
    CREATE TABLE section_kinds (
        report_id INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        n         INTEGER NOT NULL,               -- live (not removed) sections of this kind
        PRIMARY KEY (report_id, kind)
    ) WITHOUT ROWID
    """,
    "INSERT INTO section_kinds SELECT report_id, rev_kind, count(*) FROM sections"
    " WHERE removed = 0 AND rev_kind IS NOT NULL GROUP BY report_id, rev_kind",
    """
    CREATE TRIGGER section_kinds_insert AFTER INSERT ON sections
    WHEN NEW.removed = 0 AND NEW.rev_kind IS NOT NULL BEGIN
        INSERT INTO section_kinds VALUES (NEW.report_id, NEW.rev_kind, 1)
            ON CONFLICT (report_id, kind) DO UPDATE SET n = n + 1;
    END
    """,
    """
    CREATE TRIGGER section_kinds_delete AFTER DELETE ON sections
    WHEN OLD.removed = 0 AND OLD.rev_kind IS NOT NULL BEGIN
        UPDATE section_kinds SET n = n - 1 WHERE report_id = OLD.report_id AND kind = OLD.rev_kind;
    END
    """,
    """
    CREATE TRIGGER section_kinds_update AFTER UPDATE OF removed, rev_kind, report_id ON sections
    BEGIN
        UPDATE section_kinds SET n = n - 1 WHERE OLD.removed = 0 AND OLD.rev_kind IS NOT NULL
            AND report_id = OLD.report_id AND kind = OLD.rev_kind;
        INSERT INTO section_kinds SELECT NEW.report_id, NEW.rev_kind, 1
            WHERE NEW.removed = 0 AND NEW.rev_kind IS NOT NULL
            ON CONFLICT (report_id, kind) DO UPDATE SET n = n + 1;
    END
    """,
    """
    CREATE TRIGGER report_tallies_delete AFTER DELETE ON reports BEGIN
        DELETE FROM figure_counts WHERE report_id = OLD.id;
        DELETE FROM section_kinds WHERE report_id = OLD.id;
    END
    """,
]

# v6: 回收站 and duplicate texts (report management). Only ADDs, in tables of their own so the
# report list's reads of ``reports`` (the covering index of v5) stay as they are:
# * ``report_trash``: a report moved to the 回收站 (hidden from the list and exports, restorable);
#   emptying the bin deletes the report itself.
# * ``report_fingerprints``: the sentence hashes of each report's text (core/store/fingerprints.py),
#   to flag one report imported as PDF, DOCX and TXT. Reports stored before this step get theirs
#   when duplicates are first looked for.
SCHEMA_TRASH_FINGERPRINTS = [
    """
    CREATE TABLE report_trash (
        report_id  INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE report_fingerprints (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        sentences INTEGER NOT NULL,                 -- how many distinct sentences
        hashes    BLOB NOT NULL                     -- sorted CRC-32s, array('I') bytes
    )
    """,
]

# MIGRATIONS[n] brings a database from version n to n + 1.
MIGRATIONS: list[list[str]] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3_INDICATORS, SCHEMA_V4_CHECKS,
                               SCHEMA_V5_RELIABILITY, SCHEMA_TRASH_FINGERPRINTS]
SCHEMA_VERSION = len(MIGRATIONS)
