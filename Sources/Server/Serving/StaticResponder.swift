package import Foundation
package import HTTPTypes
package import Hummingbird
package import NIOCore

/// One file as a static responder sees it: its path (for the type and the caching policy), its identity bytes'
/// digest and size, its stored compressed variants, and when its version was made.
package struct ServedFile: Sendable {
    package var path: String
    package var digest: String
    package var size: Int
    package var br: Manifest.Variant?
    package var gzip: Manifest.Variant?
    /// `Last-Modified` (the version's creation time, already formatted) and the instant it names.
    package var lastModified: (text: String, date: Date)?

    package init(entry: Manifest.Entry, lastModified: (text: String, date: Date)?) {
        path = entry.path
        digest = entry.digest
        size = entry.size
        br = entry.br
        gzip = entry.gzip
        self.lastModified = lastModified
    }
}

/// A file with the response fields that do not depend on the request worked out once (type, caching policy,
/// `Vary`, `Last-Modified`, the security headers, each representation's ETag); versions are immutable, so
/// servers keep these for as long as they keep the version.
package struct PreparedFile: Sendable {
    package let file: ServedFile
    package let base: HTTPFields
    /// `base` as NIO's HTTP/1 header block (the site server starts each response from it).
    package let baseHTTP1: [(String, String)]
    let identityTag: String
    let brTag: String
    let gzipTag: String
    /// `base` as HTTP/1 header lines (`Name: value\r\n`), for responses other than a full 200.
    package let baseBlock: ByteBuffer
    /// The whole header block of a full 200 per representation (`base`, ETag, Content-Encoding, Accept-Ranges,
    /// Content-Length): the site server's hot path writes it as it is.
    let okBlocks: [ByteBuffer?]

    /// - Parameter changes: the version's header rules for this file (``HeaderRules``): set (replacing the
    ///   server's value) and removed.
    package init(
        _ file: ServedFile, extraHeaders: [(HTTPField.Name, String)] = [],
        changes: (set: [(name: String, value: String)], removed: Set<String>)? = nil
    ) {
        self.file = file
        var base = HTTPFields()
        base.reserveCapacity(12 + extraHeaders.count)
        base.append(HTTPField(name: .contentType, value: MediaType.forPath(file.path)))
        base.append(HTTPField(name: .cacheControl, value: StaticResponder.cacheControl(for: file.path, digest: file.digest)))
        if file.br != nil || file.gzip != nil { base.append(HTTPField(name: .vary, value: "Accept-Encoding")) }
        if let lastModified = file.lastModified { base.append(HTTPField(name: .lastModified, value: lastModified.text)) }
        for (name, value) in extraHeaders { base.append(HTTPField(name: name, value: value)) }
        if let changes {
            for name in changes.removed { if let field = HTTPField.Name(name) { base[field] = nil } }
            for (name, value) in changes.set { if let field = HTTPField.Name(name) { base[field] = value } }
        }
        self.base = base
        self.baseHTTP1 = base.map { ($0.name.rawName, $0.value) }
        let tag = String(file.digest.prefix(32))
        identityTag = "\"" + tag + "\""
        brTag = "\"" + tag + "-br\""
        gzipTag = "\"" + tag + "-gzip\""
        var block = ByteBuffer()
        for field in base { Self.writeLine(field.name.rawName, field.value, into: &block) }
        baseBlock = block
        var blocks: [ByteBuffer?] = []
        for (coding, tag, size) in [(ContentCoding?.none, identityTag, Optional(file.size)), (.br, brTag, file.br?.size), (.gzip, gzipTag, file.gzip?.size)] {
            guard let size else {
                blocks.append(nil)
                continue
            }
            var ok = block
            Self.writeLine(HTTPField.Name.eTag.rawName, tag, into: &ok)
            if let coding { Self.writeLine(HTTPField.Name.contentEncoding.rawName, coding.rawValue, into: &ok) }
            Self.writeLine(HTTPField.Name.acceptRanges.rawName, "bytes", into: &ok)
            Self.writeLine(HTTPField.Name.contentLength.rawName, String(size), into: &ok)
            blocks.append(ok)
        }
        okBlocks = blocks
    }

    static func writeLine(_ name: String, _ value: String, into buffer: inout ByteBuffer) {
        buffer.writeString(name)
        buffer.writeStaticString(": ")
        buffer.writeString(value)
        buffer.writeStaticString("\r\n")
    }

    /// The header block of a full 200 in `coding`.
    func okBlock(_ coding: ContentCoding?) -> ByteBuffer? {
        switch coding {
        case nil: okBlocks[0]
        case .br: okBlocks[1]
        case .gzip: okBlocks[2]
        }
    }

    func etag(_ coding: ContentCoding?) -> String {
        switch coding {
        case nil: identityTag
        case .br: brTag
        case .gzip: gzipTag
        }
    }
}

/// The parts of a request a static responder reads, from Hummingbird's `Request` or NIO's request head.
package struct StaticRequest: Sendable {
    package var isHead: Bool
    package var acceptEncoding: String?
    package var range: String?
    package var ifRange: String?
    package var ifNoneMatch: String?
    package var ifModifiedSince: String?

    package init(
        isHead: Bool, acceptEncoding: String? = nil, range: String? = nil, ifRange: String? = nil, ifNoneMatch: String? = nil,
        ifModifiedSince: String? = nil
    ) {
        self.isHead = isHead
        self.acceptEncoding = acceptEncoding
        self.range = range
        self.ifRange = ifRange
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
    }

    package init(_ request: Request) {
        let headers = request.headers
        self.init(
            isHead: request.method == .head, acceptEncoding: headers[.acceptEncoding], range: headers[.range], ifRange: headers[.ifRange],
            ifNoneMatch: headers[.ifNoneMatch], ifModifiedSince: headers[.ifModifiedSince])
    }
}

/// What a responder decided to send for one request: status, fields (the prepared file's, plus `added`) and
/// which bytes (the digest of the chosen representation and, for a 206, the range of it). The body is fetched by
/// the caller (a cache, a file).
package struct StaticReply: Sendable {
    package var status: HTTPResponse.Status
    package var prepared: PreparedFile
    /// Fields for this request: ETag, Content-Encoding, Accept-Ranges, Content-Range, Content-Length.
    package var added: HTTPFields
    /// The representation's blob and the bytes of it to send; nil for 304, 416 and HEAD.
    package var body: (digest: String, size: Int, range: ClosedRange<Int>?)?
    /// For a full 200: the prepared header block that equals `base` + `added`.
    package var block: ByteBuffer?

    package var headers: HTTPFields { prepared.base + added }
}

/// HTTP semantics of serving immutable files, shared by every static server in sitectl: content type, ETag per
/// representation, `Last-Modified`, conditional requests (`If-None-Match` before `If-Modified-Since`), `HEAD`,
/// single `Range` requests (206, 416; `If-Range`), `Accept-Encoding` negotiation over stored brotli and gzip
/// variants with `Vary`, and the caching policy (fingerprinted assets immutable for a year, HTML revalidated).
package enum StaticResponder {
    package static func reply(to request: StaticRequest, prepared: PreparedFile, status: HTTPResponse.Status = .ok) -> StaticReply {
        let file = prepared.file
        var headers = HTTPFields()
        headers.reserveCapacity(5)
        let isHead = request.isHead
        guard status == .ok else {
            // An error page (a site's 404.html): no ranges or validators, compressed when it can be.
            let (coding, digest, size) = representation(file, accept: request.acceptEncoding)
            if let coding { headers.append(HTTPField(name: .contentEncoding, value: coding.rawValue)) }
            headers.append(HTTPField(name: .contentLength, value: String(size)))
            return StaticReply(status: status, prepared: prepared, added: headers, body: isHead ? nil : (digest, size, nil))
        }
        let rangeHeader = request.range
        // A Range request gets the identity bytes: ranges of a compressed stream help no one.
        let ranged = rangeHeader != nil && ifRangeHolds(request.ifRange, file: file)
        let (coding, digest, size) = ranged ? (nil, file.digest, file.size) : representation(file, accept: request.acceptEncoding)
        let etag = prepared.etag(coding)
        headers.append(HTTPField(name: .eTag, value: etag))
        if let coding { headers.append(HTTPField(name: .contentEncoding, value: coding.rawValue)) }
        if notModified(request, etag: etag, file: file) {
            return StaticReply(status: .notModified, prepared: prepared, added: headers, body: nil)
        }
        headers.append(HTTPField(name: .acceptRanges, value: "bytes"))
        if ranged, let rangeHeader {
            switch parseRange(rangeHeader, size: size) {
            case .none:
                break  // not a single byte range we understand: the whole file, as RFC 9110 allows
            case .unsatisfiable:
                headers.append(HTTPField(name: .contentRange, value: "bytes */\(size)"))
                headers.append(HTTPField(name: .contentLength, value: "0"))
                return StaticReply(status: .rangeNotSatisfiable, prepared: prepared, added: headers, body: nil)
            case .range(let range):
                headers.append(HTTPField(name: .contentRange, value: "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"))
                headers.append(HTTPField(name: .contentLength, value: String(range.count)))
                return StaticReply(status: .partialContent, prepared: prepared, added: headers, body: isHead ? nil : (digest, size, range))
            }
        }
        headers.append(HTTPField(name: .contentLength, value: String(size)))
        return StaticReply(
            status: .ok, prepared: prepared, added: headers, body: isHead ? nil : (digest, size, nil), block: prepared.okBlock(coding))
    }

    /// Where a URL path leads in a file tree (a manifest, a build in memory): the daemon's site server, the
    /// browser checks' server and `sitectl serve` all map paths this way.
    package enum Resolution: Equatable, Sendable {
        /// The file at this output path, with 200 (or the tree's `404.html`, with 404).
        case file(String, notFound: Bool)
        /// A folder asked for without its slash: 301 to this location (always one leading slash, never another host).
        case redirect(String)
        /// Not in the tree and no `404.html`.
        case notFound
        /// Traversal, NUL or backslash: 400.
        case badRequest
    }

    package static func resolve(_ urlPath: String, exists: (String) -> Bool) -> Resolution {
        guard let path = SiteServing.outputPath(urlPath) else { return .badRequest }
        if exists(path) { return .file(path, notFound: false) }
        if !path.isEmpty, !path.hasSuffix("/"), exists(path + "/index.html") {
            // `outputPath` dropped every leading slash, so `//host/dir` cannot become a redirect to another host;
            // the (decoded) path is encoded again for the header.
            return .redirect("/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "/")
        }
        if exists("404.html") { return .file("404.html", notFound: true) }
        return .notFound
    }

    /// `public, max-age=31536000, immutable` for fingerprinted names (``isFingerprinted(_:digest:)``: new bytes get a
    /// new URL), `no-cache` for HTML, five minutes for the rest.
    package static func cacheControl(for path: String, digest: String) -> String {
        if isFingerprinted(path, digest: digest) { return "public, max-age=31536000, immutable" }
        if path.hasSuffix(".html") || path.hasSuffix(".htm") { return "no-cache" }
        return "public, max-age=300"
    }

    /// A name part of 8+ hex digits that starts the file's own SHA-256 (the compiler names assets
    /// `style.<first 10 hex of SHA-256>.css`): only then is the URL really tied to the bytes. A name that merely
    /// looks hashed (`photo.20240101.jpg`) is not trusted for a year.
    package static func isFingerprinted(_ path: String, digest: String) -> Bool {
        let name = path.split(separator: "/").last ?? Substring(path)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        return parts.dropFirst().dropLast().contains { part in
            part.count >= 8 && part.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
                && digest.hasPrefix(part)
        }
    }

    /// The representation `Accept-Encoding` prefers among those stored: brotli, then gzip, then the bytes as
    /// they are (`identity;q=0` is not honoured: the identity form always exists).
    static func representation(_ file: ServedFile, accept: String?) -> (ContentCoding?, String, Int) {
        guard let accept, file.br != nil || file.gzip != nil else { return (nil, file.digest, file.size) }
        let (br, gzip) = qualities(accept)
        // The client's preference decides; brotli on a tie (it is the smaller).
        if br > 0, br >= gzip, let variant = file.br { return (.br, variant.digest, variant.size) }
        if gzip > 0, let variant = file.gzip { return (.gzip, variant.digest, variant.size) }
        if br > 0, let variant = file.br { return (.br, variant.digest, variant.size) }
        return (nil, file.digest, file.size)
    }

    /// Whether `br` and `gzip` are acceptable (q > 0, named or through `*`).
    static func acceptable(_ header: String) -> (br: Bool, gzip: Bool) {
        let (br, gzip) = qualities(header)
        return (br > 0, gzip > 0)
    }

    /// The q-values of `br` and `gzip` (named, else through `*`, else 0).
    static func qualities(_ header: String) -> (br: Double, gzip: Double) {
        var br: Double?
        var gzip: Double?
        var star: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let name = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q" { quality = Double(pair[1]) ?? 0 }
            }
            let q = quality.isFinite ? min(max(quality, 0), 1) : 0
            switch name {
            case "br": br = q
            case "gzip", "x-gzip": gzip = q
            case "*": star = q
            default: break
            }
        }
        return (br ?? star ?? 0, gzip ?? star ?? 0)
    }

    /// `If-None-Match` (weak comparison, `*`) decides when present; otherwise `If-Modified-Since`.
    static func notModified(_ request: StaticRequest, etag: String, file: ServedFile) -> Bool {
        if let match = request.ifNoneMatch {
            return match.split(separator: ",").contains { candidate in
                var tag = candidate.trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                return tag == etag || tag == "*"
            }
        }
        if let since = request.ifModifiedSince, let lastModified = file.lastModified, let date = HTTPDate.parse(since),
            date.timeIntervalSinceNow <= 60  // a date in the future says nothing about what the client has
        {
            return lastModified.date.timeIntervalSince1970.rounded(.down) <= date.timeIntervalSince1970
        }
        return false
    }

    /// `If-Range` holds when absent, or when it names the identity ETag or the exact `Last-Modified`.
    static func ifRangeHolds(_ header: String?, file: ServedFile) -> Bool {
        guard let header else { return true }
        if header.hasPrefix("\"") { return header == "\"" + file.digest.prefix(32) + "\"" }
        return header == file.lastModified?.text
    }

    enum RangeRequest: Equatable {
        case range(ClosedRange<Int>)
        case unsatisfiable
    }

    /// One `bytes=` range (`a-b`, `a-`, `-n`); nil for anything else (several ranges, other units, bad syntax).
    static func parseRange(_ header: String, size: Int) -> RangeRequest? {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes=") else { return nil }
        let spec = value.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), first.count <= 18, last.count <= 18 else { return nil }
        if first.isEmpty {
            guard let suffix = Int(last) else { return nil }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .range(max(0, size - suffix)...(size - 1))
        }
        guard let start = Int(first) else { return nil }
        let end = last.isEmpty ? size - 1 : (Int(last) ?? -1)
        guard end >= start else { return last.isEmpty ? .unsatisfiable : nil }
        guard start < size else { return .unsatisfiable }
        return .range(start...min(end, size - 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// IMF-fixdate, the one date form HTTP sends (`Sun, 06 Nov 1994 08:49:37 GMT`); parsing also takes it only.
package enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    package static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int(fields[1]), let month = months.firstIndex(of: String(fields[2])),
            let year = Int(fields[3])
        else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            (0...60).contains(clock[2]), (1970...9999).contains(year)
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(clock[0])
        parts.tm_min = Int32(clock[1])
        parts.tm_sec = Int32(clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
