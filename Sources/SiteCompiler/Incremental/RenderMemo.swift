/// What a page body gave besides its HTML, kept between builds under the body's key: enough for lists, feeds and
/// the search index to show the page without rendering it again.
package struct BodyFacts: Sendable, Equatable {
    /// The summary its first paragraph gives (nil when it has none).
    package var summary: String?
    /// The start of its text, for the search index.
    package var searchText: String
    /// The digest of what lists show of a regular page with this body (its ``TemplateContext/summary(of:)``),
    /// which follows from the body key alone; nil until a build computed it.
    package var listFacts: String?

    package init(summary: String?, searchText: String, listFacts: String? = nil) {
        self.summary = summary
        self.searchText = searchText
        self.listFacts = listFacts
    }
}

/// What a rendered page left in the output folder, kept between builds under its output path: the key of its
/// inputs, the ids it offers to `#fragment` links, and the broken links found in it.
package struct PageRecord: Sendable, Equatable {
    package var key: String
    /// The ids as stored: joined by U+001F (``join(_:)``), split only when a link needs them.
    package var joinedAnchors: String
    package var findings: [Diagnostic]

    package init(key: String, anchors: [String], findings: [Diagnostic]) {
        self.init(key: key, joinedAnchors: Self.join(anchors), findings: findings)
    }

    package init(key: String, joinedAnchors: String, findings: [Diagnostic]) {
        self.key = key
        self.joinedAnchors = joinedAnchors
        self.findings = findings
    }

    /// The ids.
    package var anchors: [String] { Self.split(joinedAnchors) }

    /// `ids` as one string: tabs and line breaks become spaces (the records are lines of tab-separated fields), and
    /// empty ids and ids holding U+001F are left out.
    package static func join(_ ids: [String]) -> String {
        var joined = ""
        for id in ids where !id.isEmpty && !id.utf8.contains(0x1F) {
            if !joined.isEmpty { joined.unicodeScalars.append("\u{1F}") }
            joined += RecordStore.clean(id)
        }
        return joined
    }

    /// The ids of a joined string.
    package static func split(_ joined: String) -> [String] {
        joined.isEmpty ? [] : joined.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The incremental state of a build: what the earlier build recorded, which of its output files are still in
/// place, and what this build records for the next.
///
/// A page whose key (a digest of every input of its rendering: its source, layout, the facts of the pages its
/// lists and navigation show, site.yaml, the theme, the options) equals the recorded one, and whose file is still
/// in place, is not rendered or written again: the output folder is the cache of whole pages.
package struct RenderMemo: Sendable {
    /// Whether anything is looked up or recorded (false: a plain full build, everything in memory).
    package var isEnabled: Bool
    /// The earlier build's body facts by body key.
    package var bodies: [String: BodyFacts] = [:]
    /// The earlier build's page records by output path.
    package var pages: [String: PageRecord] = [:]
    /// The earlier build's digest of every link target (output paths and ids).
    package var targetsDigest: String?
    /// Output files of the earlier build that are still as it wrote them.
    package var existing: Set<String> = []
    /// Reads an output file of the earlier build (for checking the links of a page that was not rendered again).
    package var readOutput: @Sendable (String) -> String? = { _ in nil }

    /// Where the earlier records came from (nil when there were none): lets ``RecordStore/save(_:)`` append what
    /// changed instead of rewriting everything.
    package struct Stored: Sendable, Equatable {
        /// The base file's generation, which its journal must name.
        package var generation: String
        package var baseBytes: Int
        /// The journal's length up to its last complete batch (0: no journal of this generation).
        package var journalBytes: Int
        /// Whether the journal goes on past its last complete batch: appending would join that tail.
        package var journalTail = false
    }
    package var stored: Stored?

    /// This build's records, for the next build.
    package var newBodies: [String: BodyFacts] = [:]
    package var newPages: [String: PageRecord] = [:]
    package var newTargetsDigest: String?
    /// What was rendered and what was reused.
    package var stats = CompileStats()

    /// An enabled memo over an earlier build's records.
    package init(bodies: [String: BodyFacts] = [:], pages: [String: PageRecord] = [:], targetsDigest: String? = nil) {
        self.isEnabled = true
        self.bodies = bodies
        self.pages = pages
        self.targetsDigest = targetsDigest
    }

    /// A memo that finds nothing and records nothing: a full build with every file in memory.
    package static var disabled: RenderMemo {
        var memo = RenderMemo()
        memo.isEnabled = false
        return memo
    }
}
