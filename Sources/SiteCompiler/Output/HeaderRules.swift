import Foundation

/// Response headers a theme or a site adds to its files, in the `_headers` format of Netlify and Cloudflare
/// Pages: a URL pattern on its own line, then indented `Name: value` lines (`! Name` removes a header the
/// server would send, such as a default security header). `*` matches any run of characters, `/` included.
///
/// ```
/// # every page may be framed by the shop
/// /*
///   Content-Security-Policy: frame-ancestors 'self' https://shop.example.com
///   ! X-Frame-Options
/// /downloads/*
///   Cache-Control: public, max-age=3600
/// ```
///
/// A theme's rules come from `headers:` in theme.yaml, a site's from `static/_headers`; the compiler writes both
/// into the output's `_headers` (the theme's first, so the site's win), and the site server applies them to every
/// file it serves from that version. Later rules override earlier ones for the same header.
package struct HeaderRules: Sendable, Equatable {
    package struct Rule: Sendable, Equatable {
        package var pattern: String
        /// Headers set, in order (name as written).
        package var set: [(name: String, value: String)]
        /// Headers removed (lower-cased names).
        package var removed: [String]

        package static func == (lhs: Rule, rhs: Rule) -> Bool {
            lhs.pattern == rhs.pattern && lhs.removed == rhs.removed && lhs.set.map(\.name) == rhs.set.map(\.name)
                && lhs.set.map(\.value) == rhs.set.map(\.value)
        }
    }

    package var rules: [Rule] = []

    /// The output file the compiler writes and the site server reads (never served itself).
    package static let fileName = "_headers"

    /// Headers rules may not set or remove: those describing the bytes or the connection (the server sets them from
    /// the file), the type and `nosniff` (a text file must never become a page that runs script), and cookies
    /// (sites share the daemon's domain, so a cookie could reach other accounts' sites).
    package static let reserved: Set<String> = [
        "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
        "etag", "last-modified", "content-range", "accept-ranges", "date", "vary", "location", "proxy-connection",
        "content-type", "x-content-type-options", "set-cookie", "set-cookie2",
    ]

    /// Largest rules file (theme and site together).
    package static let maxBytes = 64 << 10

    package init(rules: [Rule] = []) { self.rules = rules }

    package struct Problem: Error, Equatable, CustomStringConvertible {
        package var line: Int
        package var message: String
        package var description: String { "line \(line): \(message)" }
    }

    /// Parses `text`; throws the first problem with its line number.
    package static func parse(_ text: String) throws(Problem) -> HeaderRules {
        guard text.utf8.count <= maxBytes else { throw Problem(line: 1, message: "the rules are larger than 64 KB") }
        var rules: [Rule] = []
        var number = 0
        // "\r\n" is one Character in Swift: lines end at any of \n, \r\n and \r.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = line.first == " " || line.first == "\t"
            if !indented {
                guard trimmed.hasPrefix("/") else {
                    throw Problem(line: number, message: "a rule starts with a URL path such as /* or /assets/*, not \"\(trimmed.prefix(60))\"")
                }
                guard trimmed.count <= 512, !trimmed.contains(" ") else {
                    throw Problem(line: number, message: "a URL pattern has no spaces and at most 512 characters")
                }
                rules.append(Rule(pattern: String(trimmed), set: [], removed: []))
                continue
            }
            guard !rules.isEmpty else {
                throw Problem(line: number, message: "a header line comes before any URL pattern")
            }
            if trimmed.hasPrefix("!") {
                let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                guard isToken(name) else { throw Problem(line: number, message: "\"\(name.prefix(60))\" is not a header name") }
                guard !reserved.contains(name.lowercased()) else {
                    throw Problem(line: number, message: "\(name) is set by the server and cannot be removed")
                }
                rules[rules.count - 1].removed.append(name.lowercased())
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw Problem(line: number, message: "expected \"Name: value\" (or \"! Name\" to remove a header)")
            }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard isToken(name) else { throw Problem(line: number, message: "\"\(name.prefix(60))\" is not a header name") }
            guard !reserved.contains(name.lowercased()) else {
                throw Problem(line: number, message: "\(name) is set by the server and cannot be changed")
            }
            guard value.utf8.count <= 4096, value.unicodeScalars.allSatisfy({ $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F && $0.isASCII) }) else {
                throw Problem(line: number, message: "the value of \(name) must be printable ASCII of at most 4096 bytes")
            }
            rules[rules.count - 1].set.append((name, value))
        }
        guard rules.count <= 1000 else { throw Problem(line: number, message: "more than 1000 rules") }
        return HeaderRules(rules: rules)
    }

    static func isToken<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty && name.count <= 128
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)) }
    }

    /// The changes for a file served at `urlPaths` (its path, and its folder URL for an `index.html`): set and
    /// removed headers after every matching rule, in order.
    package func headers(for urlPaths: [String]) -> (set: [(name: String, value: String)], removed: Set<String>) {
        var set: [(name: String, value: String)] = []
        var removed: Set<String> = []
        for rule in rules where urlPaths.contains(where: { Self.matches(rule.pattern, $0) }) {
            for name in rule.removed {
                removed.insert(name)
                set.removeAll { $0.name.lowercased() == name }
            }
            for (name, value) in rule.set {
                set.removeAll { $0.name.lowercased() == name.lowercased() }
                removed.remove(name.lowercased())
                set.append((name, value))
            }
        }
        return (set, removed)
    }

    /// `*` matches any run of characters (none included); everything else matches itself.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        if parts.count == 1 { return pattern == path }
        var rest = Substring(path)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard !part.isEmpty else { continue }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
