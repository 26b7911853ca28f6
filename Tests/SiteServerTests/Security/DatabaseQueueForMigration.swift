import GRDB
@testable import SiteServer

/// An in-memory database migrated only up to a given migration, to test later migrations on old data.
enum DatabaseQueueForMigration {
    static func openAtV3() throws -> DatabaseQueue {
        let db = try DatabaseQueue()
        try MetadataDatabase.migrator.migrate(db, upTo: "v3")
        return db
    }
}
