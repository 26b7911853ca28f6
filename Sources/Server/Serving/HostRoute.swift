import Foundation
import SiteAPI
/// Which site and pointer a `Host` header names: `<site>.<domain>` (live), `preview--<site>.<domain>`,
/// `v<N>--<site>.<domain>`.
package struct HostRoute: Equatable, Sendable {
    package enum Target: Equatable, Sendable {
        case live
        case preview
        case version(Int)
    }

    package var site: String
    package var target: Target

    package init(site: String, target: Target) {
        self.site = site
        self.target = target
    }

    /// A `Host` value as a custom domain: lower-cased, without port or trailing dot; nil for IP literals and
    /// names that are not domain names.
    /// `1`–`65535` in digits (an empty port, as in `host:`, is allowed by RFC 3986).
    static func isPort(_ text: Substring) -> Bool {
        text.isEmpty || (text.count <= 5 && text.utf8.allSatisfy { (0x30...0x39).contains($0) } && (Int(text) ?? 0) <= 65535)
    }

    package static func domainName(_ rawHost: String) -> String? {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") { return nil }
        if let colon = host.lastIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return nil }
            host = String(host[..<colon])
        }
        return DomainNameRules.normalized(host)
    }

    /// Nil when the host is not under `domain` or names no site.
    package init?(host rawHost: String, domain: String) {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") { return nil }
        if let colon = host.lastIndex(of: ":") {
            guard Self.isPort(host[host.index(after: colon)...]) else { return nil }
            host = String(host[..<colon])
        }
        if host.hasSuffix(".") { host.removeLast() }
        let suffix = "." + domain.lowercased()
        guard host.hasSuffix(suffix) else { return nil }
        let label = String(host.dropLast(suffix.count))
        guard !label.isEmpty, !label.contains(".") else { return nil }
        if label.hasPrefix("preview--") {
            site = String(label.dropFirst("preview--".count))
            target = .preview
        } else if label.hasPrefix("v"), let separator = label.range(of: "--"),
            case let digits = label[label.index(after: label.startIndex)..<separator.lowerBound],
            !digits.isEmpty, digits.count <= 9, digits.first != "0", digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let number = Int(digits)
        {
            site = String(label[separator.upperBound...])
            target = .version(number)
        } else {
            site = label
            target = .live
        }
        guard SiteName.problem(with: site) == nil else { return nil }
    }
}
