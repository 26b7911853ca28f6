package import GRDB
import Foundation

/// Opens the metadata database (SQLite in WAL mode through GRDB) and runs the versioned migrations.
package enum MetadataDatabase {
    /// Opens (creating if needed) the database file; `nil` path gives an in-memory database for tests.
    package static func open(path: String?) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // WAL with synchronous=NORMAL: a commit is not fsynced on its own, the WAL is at checkpoints. A killed
            // daemon loses nothing (the WAL is in the OS's cache); a power cut can lose the last commits, never the
            // database's consistency, and every lifecycle step is one transaction (a version with its request's
            // `done`), so a lost commit is a step not taken, done again after the restart: still exactly once.
            // Blobs are fsynced before the version that names them commits. Saves an fsync per job log line.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let writer: any DatabaseWriter
        if let path {
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue(configuration: configuration)
        }
        try migrator.migrate(writer)
        return writer
    }

    /// Versioned migrations; never edit a shipped one, add a new one.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    password_hash TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE access_tokens (
                    token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    family TEXT NOT NULL,
                    expires_at DATETIME NOT NULL
                );
                CREATE TABLE refresh_tokens (
                    token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    family TEXT NOT NULL,
                    expires_at DATETIME NOT NULL,
                    used_at DATETIME
                );
                CREATE INDEX refresh_tokens_family ON refresh_tokens(family);
                CREATE TABLE sites (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    name TEXT NOT NULL UNIQUE,
                    theme TEXT NOT NULL,
                    description TEXT,
                    status TEXT NOT NULL DEFAULT 'enabled',
                    live_version INTEGER,
                    preview_version INTEGER,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE TABLE versions (
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    created_at DATETIME NOT NULL,
                    origin TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    request_id INTEGER,
                    source_manifest TEXT NOT NULL,
                    output_manifest TEXT NOT NULL,
                    source_files INTEGER NOT NULL,
                    output_files INTEGER NOT NULL,
                    output_bytes INTEGER NOT NULL,
                    check_status TEXT NOT NULL,
                    findings TEXT NOT NULL DEFAULT '[]',
                    build_log TEXT,
                    transcript TEXT,
                    fence INTEGER,
                    PRIMARY KEY (site_id, number)
                );
                CREATE TABLE deployments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    pointer TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    previous INTEGER,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE build_requests (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    message TEXT NOT NULL,
                    state TEXT NOT NULL,
                    question TEXT,
                    answer TEXT,
                    reply TEXT,
                    job_id INTEGER,
                    version INTEGER,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE TABLE jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                    request_id INTEGER REFERENCES build_requests(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    state TEXT NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL DEFAULT 3,
                    lease_owner TEXT,
                    lease_expires_at DATETIME,
                    cancel_requested INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    version INTEGER,
                    created_at DATETIME NOT NULL,
                    started_at DATETIME,
                    finished_at DATETIME
                );
                CREATE INDEX jobs_state ON jobs(state, priority, id);
                CREATE TABLE job_logs (
                    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    time DATETIME NOT NULL,
                    level TEXT NOT NULL,
                    message TEXT NOT NULL,
                    PRIMARY KEY (job_id, seq)
                );
                CREATE TABLE site_locks (
                    site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
                    holder TEXT,
                    fence INTEGER NOT NULL DEFAULT 0,
                    expires_at DATETIME
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            // Browser checks: the home page screenshot (a blob digest) and the one-line outcome.
            try db.execute(
                sql: """
                    ALTER TABLE versions ADD COLUMN screenshot TEXT;
                    ALTER TABLE versions ADD COLUMN browser_checks TEXT;
                    """)
        }
        migrator.registerMigration("v3") { db in
            // A site's own agent backend (JSON of AgentBackendConfiguration); NULL uses the daemon's.
            try db.execute(sql: "ALTER TABLE sites ADD COLUMN agent_config TEXT")
        }
        migrator.registerMigration("v4") { db in
            // Accounts pick an operator profile by name; whole backend configurations written by accounts
            // (commands, sandbox settings, key variables) are dropped, never run again.
            try db.execute(
                sql: """
                    ALTER TABLE sites ADD COLUMN agent_profile TEXT;
                    ALTER TABLE sites DROP COLUMN agent_config;
                    """)
        }
        migrator.registerMigration("v5") { db in
            // Version numbers are never reused: each site counts the numbers it has handed out, so deleting the
            // newest version does not free its number.
            try db.execute(
                sql: """
                    ALTER TABLE sites ADD COLUMN last_version INTEGER NOT NULL DEFAULT 0;
                    UPDATE sites SET last_version = COALESCE((SELECT MAX(number) FROM versions WHERE site_id = sites.id), 0);
                    """)
        }
        migrator.registerMigration("v6") { db in
            // The version a chat request's agent started from (nil for seeds, imports and rows made before v6):
            // what `versions diff SITE@N` compares with, and how a rebuild after a rollback is explained.
            try db.execute(sql: "ALTER TABLE versions ADD COLUMN base_version INTEGER")
        }
        migrator.registerMigration("v7") { db in
            // API tokens for CI (`sitectl auth token create`): only the SHA-256 of the secret is kept; a revoked
            // token keeps its row so using it is answered as revoked, not as unknown.
            try db.execute(
                sql: """
                    CREATE TABLE api_tokens (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        token_hash TEXT NOT NULL UNIQUE,
                        prefix TEXT NOT NULL,
                        created_at DATETIME NOT NULL,
                        expires_at DATETIME,
                        last_used_at DATETIME,
                        revoked_at DATETIME
                    );
                    CREATE INDEX api_tokens_user ON api_tokens(user_id);
                    """)
        }
        migrator.registerMigration("v8") { db in
            // Custom domains (`sitectl sites alias`): each names one site, served as its live version; a domain is
            // unique across all sites, so only the account whose site holds it can serve it.
            try db.execute(
                sql: """
                    CREATE TABLE site_aliases (
                        domain TEXT PRIMARY KEY,
                        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX site_aliases_site ON site_aliases(site_id);
                    """)
        }
        migrator.registerMigration("v9") { db in
            // A custom domain may redirect to another of its site's domains (example.com → www.example.com).
            try db.execute(sql: "ALTER TABLE site_aliases ADD COLUMN redirect_to TEXT")
        }
        return migrator
    }
}
