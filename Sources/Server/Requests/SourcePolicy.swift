import HTTPTypes
package import Foundation
package import SiteAPI
package import SiteCompiler

/// What a version's source may hold, enforced on imports and on every change an agent makes.
///
/// The runner, not the agent, decides what changed: it diffs the workspace against the base and checks the diff here.
package enum SourcePolicy {
    package static let maxFileBytes = 10 * 1024 * 1024
    package static let maxTotalBytes = 200 * 1024 * 1024
    package static let maxFiles = 10_000
    package static let maxPathBytes = 1024
    package static let maxDepth = 32
    /// Zero-width characters and bidirectional controls.
    static let invisible = Set<UInt32>([0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF])
        .union(0x202A...0x202E).union(0x2066...0x2069)

    /// Why a path is not allowed in a site's source, or nil when it is.
    package static func problem(withPath path: String) -> String? {
        if path.isEmpty || path.hasPrefix("/") { return "is not a relative path" }
        if path.utf8.count > maxPathBytes { return "is longer than \(maxPathBytes) bytes" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return "has an empty, '.' or '..' segment" }
        if segments.contains(where: { $0.hasPrefix(".") }) { return "is a hidden file" }
        if path.contains("\\") || path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "has a control character or backslash"
        }
        if path.unicodeScalars.contains(where: { invisible.contains($0.value) }) {
            return "has an invisible or text-direction character (which makes a name look like another)"
        }
        if segments.count > maxDepth { return "is nested more than \(maxDepth) folders deep" }
        if segments.contains(where: { $0.utf8.count > 255 }) { return "has a name longer than 255 bytes" }
        if path == "site.yaml" { return nil }
        if segments.count >= 2, segments[0] == "content" || segments[0] == "static" { return nil }
        return "is outside site.yaml, content/ and static/"
    }

    /// Checks a whole tree: allowed paths, sizes, counts, and a site.yaml.
    package static func check(_ files: SiteFiles) throws {
        if files.files.count > maxFiles {
            throw ServerError.badRequest("The source holds \(files.files.count) files; the limit is \(maxFiles).")
        }
        var total = 0
        for path in files.paths {
            if let problem = problem(withPath: path) {
                throw ServerError(.unprocessableContent, .policyViolation, "'\(path)' \(problem).",
                    hint: "A site's source holds only site.yaml, content/ and static/.")
            }
            let size = files.files[path]?.count ?? 0
            if size > maxFileBytes {
                throw ServerError(.contentTooLarge, .tooLarge, "'\(path)' is \(size) bytes; the limit is \(maxFileBytes).")
            }
            total += size
        }
        // A file and a folder with one name (`static/a` and `static/a/b`), also when they differ only in Unicode
        // normalisation, cannot both exist in a folder: downloads and checkouts of the version would fail.
        let normalized = Set(files.paths.map { $0.precomposedStringWithCanonicalMapping })
        for path in files.paths {
            var prefix = ""
            for segment in path.precomposedStringWithCanonicalMapping.split(separator: "/").dropLast() {
                prefix += prefix.isEmpty ? String(segment) : "/" + segment
                if normalized.contains(prefix) {
                    throw ServerError(.unprocessableContent, .policyViolation, "'\(prefix)' is both a file and a folder (of '\(path)').",
                        hint: "Rename the file or the folder.")
                }
            }
        }
        if total > maxTotalBytes {
            throw ServerError(.contentTooLarge, .tooLarge, "The source is \(total) bytes; the limit is \(maxTotalBytes).")
        }
        if files.files["site.yaml"] == nil {
            throw ServerError(.unprocessableContent, .policyViolation, "The source has no site.yaml.",
                hint: "Add a site.yaml at the top of the folder (see docs/formats.md).")
        }
    }

    /// The files that differ between two trees, as (path, change).
    package static func changes(from base: SiteFiles, to new: SiteFiles) -> [(path: String, change: String)] {
        var result: [(String, String)] = []
        for path in Set(base.files.keys).union(new.files.keys).sorted() {
            switch (base.files[path], new.files[path]) {
            case (nil, .some): result.append((path, "added"))
            case (.some, nil): result.append((path, "deleted"))
            case (.some(let a), .some(let b)) where a != b: result.append((path, "modified"))
            default: break
            }
        }
        return result
    }

    /// Checks an agent's change: every touched path must be allowed, and the result must pass ``check(_:)``.
    package static func checkChange(from base: SiteFiles, to new: SiteFiles) throws {
        for (path, change) in changes(from: base, to: new) {
            if let problem = problem(withPath: path) {
                throw ServerError(.unprocessableContent, .policyViolation, "The agent \(change) '\(path)', which \(problem).")
            }
        }
        // Raw HTML lets script through Markdown: only the site's owner turns it on or off (by importing the site).
        let before = (try? SiteConfig.parse(base.files["site.yaml"] ?? Data()))?.rawHTML ?? false
        let after = (try? SiteConfig.parse(new.files["site.yaml"] ?? Data()))?.rawHTML ?? false
        if before != after {
            throw ServerError(
                .unprocessableContent, .policyViolation,
                "The agent changed raw_html in site.yaml, which only the site's owner may change.",
                hint: "Edit raw_html yourself and import the site again (sitectl sites create NAME --from DIR).")
        }
        // Response headers (framing, CSP) are the owner's too: an agent may not write static/_headers.
        if base.files["static/_headers"] != new.files["static/_headers"] {
            throw ServerError(
                .unprocessableContent, .policyViolation,
                "The agent changed static/_headers (the site's response headers), which only the site's owner may change.",
                hint: "Edit static/_headers yourself and import the site again (sitectl sites create NAME --from DIR).")
        }
        try check(new)
    }

    /// Decodes an uploaded tree (`sites create --from`), rejecting bad paths before anything is stored.
    package static func decodeUpload(_ uploaded: [SourceFile]) throws -> SiteFiles {
        var files = SiteFiles()
        for file in uploaded {
            guard let data = file.content else {
                throw ServerError.badRequest("'\(file.path)' is not valid base64.")
            }
            if files.files[file.path] != nil { throw ServerError.badRequest("'\(file.path)' appears twice.") }
            files.files[file.path] = data
        }
        return files
    }

    /// Sets `theme:` in site.yaml, leaving every other line as it is.
    package static func settingTheme(_ theme: String, in files: SiteFiles) -> SiteFiles {
        var result = files
        let text = files.text("site.yaml") ?? ""
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("theme:") }) {
            lines[index] = "theme: \(theme)"
        } else {
            lines.insert("theme: \(theme)", at: 0)
        }
        result.setText("site.yaml", lines.joined(separator: "\n"))
        return result
    }
}
