import SiteCompiler

/// A Gallery of the images in a static folder or of files named one by one, with the alt text the person gives
/// (or, when they say so, made from file names that are words).
enum GalleryTemplate {
    private static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]

    static func add(to page: PageRecord, rest: String, top: Bool, _ request: AgentRequest) throws -> Resolution {
        // "using /img/work/01.jpg and /img/work/02.jpg": exactly the files named, each of which must exist.
        let named = rest.matches(of: /(?:\/|static\/)?[\w.\/-]+\.(?i:jpe?g|png|gif|webp|avif|svg)/).map { match -> String in
            let path = String(match.0)
            return path.hasPrefix("static/") ? path : "static" + (path.hasPrefix("/") ? path : "/" + path)
        }
        if let missing = named.first(where: { request.site.files[$0] == nil }) {
            let known = request.site.files.paths.filter { $0.hasPrefix("static/") && imageExtensions.contains($0.split(separator: ".").last.map { $0.lowercased() } ?? "") }
            return .question(AgentQuestion(text: "There is no image \(missing.dropFirst("static".count)) in the site's static/ folder\(known.isEmpty ? "" : "; it has \(Phrase.list(known.prefix(8).map { String($0.dropFirst("static".count)) }))"). Which images should the gallery show?"))
        }
        let folder = named.isEmpty ? folderPath(in: rest) : "the files named"
        let images = !named.isEmpty ? named : request.site.files.paths.filter { path in
            path.hasPrefix(folder) && imageExtensions.contains(path.split(separator: ".").last.map { $0.lowercased() } ?? "")
        }
        guard !images.isEmpty else {
            return .noChange("There are no images in \(folder). Put the files under static/ first (static/img/a.jpg is served at /img/a.jpg).")
        }
        // Alt text is asked for, never made up ("Work 01" describes nothing); file names that are words may be
        // taken as they are, when the person says so.
        var given: [String]?
        let shown = images.map { String($0.dropFirst("static".count)) }
        let fromNames = images.map(altText(for:))
        let wordy = images.allSatisfy { path in
            let stem = path.split(separator: "/").last.map { $0.split(separator: ".").dropLast().joined(separator: ".") } ?? ""
            return stem.filter(\.isLetter).count >= 3
        }
        let question = AgentQuestion(
            text: "What does each picture show? Give one short description per image, in this order, separated by semicolons: \(Phrase.list(shown)). For example: “A bright studio desk; Two designers at work; Our shop front”.",
            options: wordy ? ["Use the file names: \(fromNames.prefix(4).joined(separator: "; "))\(fromNames.count > 4 ? "; …" : "")"] : [])
        let asked = request.context.question.map { $0.text.hasSuffix(question.text) } ?? false
        if asked, wordy, case .option(0) = request.answer(to: question) {
            given = fromNames
        } else {
            let answer = request.context.answer?.trimmingWhitespace ?? ""
            let parts = answer.split(separator: /\s*(?:;|\n)\s*/).map { Phrase.value(String($0)).trimmingWhitespace }.filter { !$0.isEmpty }
            guard asked, parts.count == images.count else {
                if asked, !answer.isEmpty {
                    return .question(AgentQuestion(text: "I need \(images.count) descriptions and read \(parts.count). " + question.text, options: question.options))
                }
                return .question(question)
            }
            given = parts
        }
        let items = images.enumerated().map { index, path -> YAMLValue in
            .map([("src", .string("/" + path.dropFirst("static/".count))), ("alt", .string(given?[index] ?? altText(for: path)))])
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        editor.insert("Gallery", props: .map([("images", .list(items))]), at: top ? .top : .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "Gallery with \(images.count) images from \(folder)")
        let which = named.isEmpty ? "in " + folder.dropFirst("static".count) : "named"
        return .change(workspace, summary: "Added a gallery to \(top ? "the top" : "the bottom") of “\(page.title)” with the \(images.count) images \(which), each with the description \(given == fromNames ? "made from its file name" : "you gave") (\(Phrase.list((given ?? []).map { "“\($0)”" }))).")
    }

    /// `static/img/work/` from "the images in static/img/work" (or `/img/work`); `static/` when no folder is named.
    static func folderPath(in text: String) -> String {
        guard let token = text.split(separator: " ").map(String.init).first(where: { $0.contains("/") }) else { return "static/" }
        var path = token.trimming(characters: "/.,;:!\"'“”")
        if !path.hasPrefix("static/") && path != "static" { path = "static/" + path }
        return path + "/"
    }

    /// `static/img/work/01.jpg` → "Work 01"; `team-photo.png` → "Team Photo".
    static func altText(for path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        let stem = parts.last.map { $0.split(separator: ".").dropLast().joined(separator: ".") } ?? ""
        let words = URLSlug.title(fromSlug: stem)
        if stem.allSatisfy(\.isNumber), parts.count > 2 {
            return URLSlug.title(fromSlug: parts[parts.count - 2]) + " " + stem
        }
        return words
    }
}
