import Foundation
import SiteCompiler

/// Random edits of the kinds people and agents make to a site, for the incremental-build equivalence test.
enum SiteEdit: CaseIterable {
    case body, title, date, draft, weight, partial, token, rename, delete, add, tags, paginate, sourceLink

    /// Applies a random edit of this kind to `site` (or, for `partial`, to the theme under `themeDirectory`);
    /// `step` makes names and values unique. Returns a short description for failure messages.
    func apply(
        to site: inout SiteFiles,
        themeDirectory: URL,
        step: Int,
        using random: inout SeededGenerator
    ) throws -> String {
        let pages = site.paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        let leaves = pages.filter { !$0.hasSuffix("_index.md") }
        guard let page = pages.randomElement(using: &random) else { return "nothing to edit" }
        switch self {
        case .body:
            let text = site.text(page) ?? ""
            if Bool.random(using: &random) {
                site.setText(page, text + "\nEdited paragraph \(step) with **bold** text.\n")
            } else {
                let header = Self.frontMatter(of: text)
                site.setText(page, header + "A new first paragraph \(step).\n\n## Part \(step)\n\nMore.\n")
            }
            return "body of \(page)"
        case .title:
            site.setText(page, Self.setting("title", to: "\"Title \(step)\"", in: site.text(page) ?? ""))
            return "title of \(page)"
        case .date:
            let year = [2023, 2024, 2099].randomElement(using: &random) ?? 2024
            let date = String(format: "%d-%02d-%02d", year, Int.random(in: 1...12, using: &random), step % 28 + 1)
            site.setText(page, Self.setting("date", to: date, in: site.text(page) ?? ""))
            return "date of \(page) → \(date)"
        case .draft:
            let draft = Bool.random(using: &random)
            site.setText(page, Self.setting("draft", to: String(draft), in: site.text(page) ?? ""))
            return "draft of \(page) → \(draft)"
        case .weight:
            let weight = Int.random(in: 1...5, using: &random)
            site.setText(page, Self.setting("weight", to: String(weight), in: site.text(page) ?? ""))
            return "weight of \(page) → \(weight)"
        case .partial:
            let folder = themeDirectory.appendingPathComponent("partials")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            guard let name = names.randomElement(using: &random) else { return "no partials" }
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            try (text + "<!-- edit \(step) -->\n").write(to: url, atomically: true, encoding: .utf8)
            return "partial \(name)"
        case .token:
            let color = String(format: "\"#%06x\"", Int.random(in: 0...0xFFFFFF, using: &random))
            let lines = (site.text("site.yaml") ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            let edited = lines.map { $0.hasPrefix("  primary:") ? "  primary: \(color)" : String($0) }
            site.setText("site.yaml", edited.joined(separator: "\n"))
            return "token primary → \(color)"
        case .rename:
            guard let leaf = leaves.randomElement(using: &random) else { return "nothing to rename" }
            let folder = leaf.split(separator: "/").dropLast().joined(separator: "/")
            site["\(folder)/renamed-\(step).md"] = site[leaf]
            site[leaf] = nil
            return "rename \(leaf)"
        case .delete:
            guard leaves.count > 1, let leaf = leaves.randomElement(using: &random) else { return "nothing to delete" }
            site[leaf] = nil
            return "delete \(leaf)"
        case .add:
            let folders = pages.filter { $0.hasSuffix("_index.md") }.map { $0.dropLast("_index.md".count) }
            let folder = folders.randomElement(using: &random) ?? "content/"
            let date = String(format: "2024-%02d-%02d", Int.random(in: 1...12, using: &random), step % 28 + 1)
            site.setText(
                "\(folder)added-\(step).md",
                "---\ntitle: \"Added \(step)\"\ndate: \(date)\n---\n\nFresh page \(step), see [home](/).\n"
            )
            return "add \(folder)added-\(step).md"
        case .tags:
            // Tag pages appear, grow, shrink and go away; `Swift` and `swift` share one page.
            let tags = ["Swift", "swift", "Web Design", "notes"].filter { _ in Bool.random(using: &random) }
            let value = "[" + tags.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            site.setText(page, Self.setting("tags", to: value, in: site.text(page) ?? ""))
            return "tags of \(page) → \(value)"
        case .paginate:
            // Small pages, so the seeds' short lists are split (and page counts change with later edits).
            let lists = pages.filter { $0.hasSuffix("_index.md") && $0 != "content/_index.md" }
            guard let list = lists.randomElement(using: &random) else { return "no list to split" }
            let size = Int.random(in: 0...2, using: &random)
            site.setText(list, Self.setting("paginate", to: String(size), in: site.text(list) ?? ""))
            return "paginate \(list) → \(size)"
        case .sourceLink:
            // A link to a list page's source (lists are never renamed or deleted here; a draft edit may still break
            // it, in both builds alike).
            let lists = pages.filter { $0.hasSuffix("_index.md") }
            guard let target = lists.randomElement(using: &random) else { return "no page to link to" }
            let text = site.text(page) ?? ""
            site.setText(page, text + "\nSee [the other page](/\(target.dropFirst("content/".count))).\n")
            return "link from \(page) to \(target)"
        }
    }

    /// The front matter block of `text` with its delimiters (empty when there is none).
    private static func frontMatter(of text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return "" }
        return String(text[..<end.upperBound])
    }

    /// `text` with front matter `key: value` set (replaced, or added).
    private static func setting(_ key: String, to value: String, in text: String) -> String {
        let header = frontMatter(of: text)
        let body = text.dropFirst(header.count)
        guard !header.isEmpty else { return "---\n\(key): \(value)\n---\n" + body }
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // lines: "---", fields…, "---", "" (the trailing newline).
        if let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[index] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: 1)
        }
        return lines.joined(separator: "\n") + body
    }
}
