/// Finds and rewrites references to a site URL in Markdown pages: inline links `[text](/careers/)`,
/// HTML `href="/careers/"` and YAML values (`button_url: /careers/`) in front matter and component props.
enum LinkRewriter {
    /// Whether `target` (as written) points at `url` (normalised `/careers/`), ignoring a `#fragment`.
    static func pointsAt(_ target: String, _ url: String) -> Bool {
        let path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        guard !path.isEmpty, URLPath.isInternal(path) else { return false }
        return URLPath.normalized(path) == url
    }

    /// Every occurrence of a link to `url` in `text` (for "X links to Y" replies).
    static func count(in text: String, to url: String) -> Int {
        var total = 0
        _ = rewrite(text, url: url) { target in total += 1; return .keep(target) }
        return total
    }

    /// What to do with one link.
    enum Action {
        case keep(String)
        case retarget(String)
        /// Replace a Markdown link by its text (HTML and YAML references are kept).
        case unlink
    }

    /// Rewrites each reference to `url` as `action` decides; returns the new text.
    static func rewrite(_ text: String, url: String, _ action: (String) -> Action) -> String {
        var lines = TextLines(text)
        for index in 0..<lines.count {
            var line = lines[index]
            // Markdown inline links.
            line = line.replacing(/(?<bang>!?)\[(?<label>[^\]]*)\]\((?<target>[^)\s]+)(?<title>\s+"[^"]*")?\)/) { match in
                let target = String(match.target)
                guard match.bang.isEmpty, pointsAt(target, url) else { return String(match.0) }
                switch action(target) {
                case .keep: return String(match.0)
                case .retarget(let new): return "[\(match.label)](\(retargeted(target, to: new))\(match.title ?? ""))"
                case .unlink: return String(match.label)
                }
            }
            // HTML attributes.
            line = line.replacing(/href="(?<target>[^"]+)"/) { match in
                let target = String(match.target)
                guard pointsAt(target, url) else { return String(match.0) }
                if case .retarget(let new) = action(target) { return "href=\"\(retargeted(target, to: new))\"" }
                return String(match.0)
            }
            // YAML values: `key: /careers/` or `key: "/careers/"`.
            if let match = line.wholeMatch(of: /(?<head>\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)(?<quote>["']?)(?<target>[^"'\s]+)(?<close>["']?)\s*/),
               match.quote == match.close, pointsAt(String(match.target), url) {
                if case .retarget(let new) = action(String(match.target)) {
                    line = "\(match.head)\(match.quote)\(retargeted(String(match.target), to: new))\(match.close)"
                }
            }
            lines[index] = line
        }
        return lines.text
    }

    /// `new` with the original's `#fragment` kept.
    private static func retargeted(_ target: String, to new: String) -> String {
        guard let hash = target.firstIndex(of: "#") else { return new }
        return new + target[hash...]
    }
}
