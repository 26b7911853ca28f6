import Foundation
import SiteCompiler
import Testing

/// The build records: a base file plus a journal of changed lines must read back as what the last build recorded,
/// whatever sequence of builds wrote them, and a torn or foreign journal must never be taken for records.
@Suite struct RecordStoreTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
    }

    static func diagnostic(_ index: Int) -> Diagnostic {
        Diagnostic(severity: .error, file: "content/p\(index).md", line: index, column: 2, message: "broken link \"/x\(index)/\"")
    }

    /// A build's records: `pages` of the given keys, bodies by key.
    static func memo(over earlier: RenderMemo, pages: [Int: Int], targets: String) -> RenderMemo {
        var memo = earlier
        memo.newBodies = [:]
        memo.newPages = [:]
        for (page, version) in pages {
            let body = "body-\(page)-\(version)"
            memo.newBodies[body] = BodyFacts(
                summary: version % 3 == 0 ? nil : "Summary \(page) v\(version)", searchText: "text \(page) \(version)",
                listFacts: version % 2 == 0 ? "facts-\(version)" : nil)
            memo.newPages["p\(page)/index.html"] = PageRecord(
                key: "key-\(page)-\(version)", anchors: version % 2 == 0 ? ["a\(page)", "b"] : [],
                findings: version % 4 == 0 ? [Self.diagnostic(page)] : [])
        }
        memo.newTargetsDigest = targets
        return memo
    }

    @Test func aSequenceOfBuildsReadsBackAsTheLastOneRecorded() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RecordStore(directory: folder)
        var random = SeededGenerator(seed: 5)
        var pages: [Int: Int] = [:]
        for page in 0..<300 { pages[page] = 0 }
        var sawJournal = false
        var sawCompaction = false
        var generations: Set<String> = []
        for step in 0..<120 {
            // Edit, add or remove a few pages, or change many at once.
            let edits = step % 10 == 9 ? 200 : Int.random(in: 1...3, using: &random)
            for _ in 0..<edits {
                let page = Int.random(in: 0..<320, using: &random)
                if pages[page] != nil, Bool.random(using: &random), step % 7 == 0 {
                    pages[page] = nil
                } else {
                    pages[page, default: 0] += 1
                }
            }
            let earlier = store.memo()
            let memo = Self.memo(over: earlier, pages: pages, targets: "targets-\(step / 5)")
            try store.save(memo)
            let journal = folder.appendingPathComponent("records.log")
            if FileManager.default.fileExists(atPath: journal.path) { sawJournal = true }
            let loaded = store.memo()
            if let generation = loaded.stored?.generation, generations.insert(generation).inserted, step > 0 {
                sawCompaction = true
            }
            #expect(loaded.pages == memo.newPages, "step \(step)")
            #expect(loaded.targetsDigest == memo.newTargetsDigest, "step \(step)")
            for (key, facts) in memo.newBodies { #expect(loaded.bodies[key] == facts, "step \(step) \(key)") }
        }
        #expect(sawJournal, "one-page edits append to the journal")
        #expect(sawCompaction, "a large journal is folded into a new base file")
    }

    @Test func aTornOrForeignJournalIsNeverTakenForRecords() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RecordStore(directory: folder)
        var pages: [Int: Int] = [:]
        for page in 0..<50 { pages[page] = 0 }
        try store.save(Self.memo(over: RenderMemo(), pages: pages, targets: "t0"))
        pages[1] = 1
        let first = Self.memo(over: store.memo(), pages: pages, targets: "t1")
        try store.save(first)
        let journal = folder.appendingPathComponent("records.log")
        let complete = try Data(contentsOf: journal)
        #expect(String(decoding: complete, as: UTF8.self).split(separator: "\n").last?.hasPrefix("E\t") == true)

        // A build stopped while appending its batch: every cut of the second batch reads as the first batch.
        pages[2] = 1
        try store.save(Self.memo(over: store.memo(), pages: pages, targets: "t2"))
        let both = try Data(contentsOf: journal)
        for cut in stride(from: complete.count, to: both.count - 1, by: 7) {
            try both.prefix(cut).write(to: journal)
            let loaded = store.memo()
            #expect(loaded.pages == first.newPages, "cut at \(cut)")
            #expect(loaded.targetsDigest == "t1", "cut at \(cut)")
        }
        // A damaged line in a complete batch: the records are forgotten (everything is rendered again).
        var damaged = complete
        damaged.append(contentsOf: "P\tonly-three\tfields\nE\n".utf8)
        try damaged.write(to: journal)
        #expect(store.memo().pages.isEmpty)
        // The journal of another base file (a build stopped between writing a new base and removing the old
        // journal) is ignored.
        let foreign = String(decoding: complete, as: UTF8.self).replacingOccurrences(
            of: #"sitectl-journal 5\t[^\n]*"#, with: "sitectl-journal 5\tother-generation", options: .regularExpression)
        try Data(foreign.utf8).write(to: journal)
        let base = store.memo()
        #expect(base.targetsDigest == "t0")
        #expect(base.pages["p1/index.html"]?.key == "key-1-0")
    }

    /// From the attack run: one changed letter in a well-formed line used to put another summary into lists, feeds
    /// and the search index. Every line is now under a digest: a damaged file reads as an earlier complete state
    /// or as nothing, never as other records.
    @Test func aChangedByteInRecordsOrJournalIsNeverTakenForRecords() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RecordStore(directory: folder)
        var pages: [Int: Int] = [:]
        for page in 0..<40 { pages[page] = 0 }
        var states: [[String: PageRecord]] = [[:]]
        try store.save(Self.memo(over: RenderMemo(), pages: pages, targets: "t0"))
        states.append(store.memo().pages)
        for step in 1...2 {
            pages[step] = step * 4
            try store.save(Self.memo(over: store.memo(), pages: pages, targets: "t\(step)"))
            states.append(store.memo().pages)
        }
        let journal = folder.appendingPathComponent("records.log")
        let base = folder.appendingPathComponent("records")
        #expect(FileManager.default.fileExists(atPath: journal.path))
        var random = SeededGenerator(seed: 3)
        for file in [base, journal] {
            let good = try Data(contentsOf: file)
            for _ in 0..<150 {
                var copy = good
                let index = Int.random(in: 0..<copy.count, using: &random)
                copy[index] ^= UInt8.random(in: 1...255, using: &random)
                try copy.write(to: file)
                let loaded = store.memo().pages
                #expect(states.contains(loaded), "\(file.lastPathComponent) byte \(index)")
            }
            try good.write(to: file)
        }
        #expect(store.memo().pages == states.last)
    }

    /// A journal with a torn batch at its end is started over by the next build, which keeps every earlier batch.
    @Test func aBuildAfterATornBatchKeepsTheEarlierOnes() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RecordStore(directory: folder)
        var pages: [Int: Int] = [:]
        for page in 0..<40 { pages[page] = 0 }
        try store.save(Self.memo(over: RenderMemo(), pages: pages, targets: "t0"))
        pages[1] = 1
        try store.save(Self.memo(over: store.memo(), pages: pages, targets: "t1"))
        let journal = folder.appendingPathComponent("records.log")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("P\tp9/index.html\tkey-torn\t\t\nB\tbody-9".utf8))
        try handle.close()
        pages[2] = 2
        let third = Self.memo(over: store.memo(), pages: pages, targets: "t2")
        try store.save(third)
        let loaded = store.memo()
        #expect(loaded.pages == third.newPages)
        #expect(loaded.targetsDigest == "t2")
    }

    /// A FIFO in a cache file's place reads as missing instead of blocking the build forever.
    @Test func aFIFOInPlaceOfACacheFileIsNotWaitedOn() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RecordStore(directory: folder)
        var pages: [Int: Int] = [:]
        for page in 0..<10 { pages[page] = 0 }
        try store.save(Self.memo(over: RenderMemo(), pages: pages, targets: "t0"))
        pages[1] = 1
        try store.save(Self.memo(over: store.memo(), pages: pages, targets: "t1"))
        for name in ["records.log", "records"] {
            let path = folder.appendingPathComponent(name).path
            try FileManager.default.removeItem(atPath: path)
            #expect(mkfifo(path, 0o600) == 0)
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var loaded: RenderMemo?
            Thread.detachNewThread {
                loaded = store.memo()
                done.signal()
            }
            #expect(done.wait(timeout: .now() + 10) == .success, "\(name) was waited on")
            if name == "records" { #expect(loaded?.pages.isEmpty == true) }
        }
        #expect(CacheFile.read(folder.appendingPathComponent("records").path) == nil)
    }
}
