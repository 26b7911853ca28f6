import SiteCompiler

/// A Gallery of the images in a static folder, with alt text made from the file names (to be reviewed).
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
        // Files named one by one: their alt text is asked for, never made up ("Work 01" describes nothing).
        var given: [String]?
        if !named.isEmpty {
            let shown = images.map { String($0.dropFirst("static".count)) }
            let question = AgentQuestion(text: "What does each picture show? Give one short description per image, in this order, separated by semicolons: \(Phrase.list(shown)). For example: “A bright studio desk; Two designers at work; Our shop front”.")
            let answer = request.context.answer?.trimmingWhitespace ?? ""
            let parts = answer.split(separator: /\s*(?:;|\n)\s*/).map { Phrase.value(String($0)).trimmingWhitespace }.filter { !$0.isEmpty }
            guard request.context.question?.text == question.text, parts.count == images.count else {
                if request.context.question?.text == question.text, !answer.isEmpty {
                    return .question(AgentQuestion(text: "I need \(images.count) descriptions and read \(parts.count). " + question.text))
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
        if let given {
            return .change(workspace, summary: "Added a gallery to \(top ? "the top" : "the bottom") of “\(page.title)” with the \(images.count) images named, each with the description you gave (\(Phrase.list(given.map { "“\($0)”" }))).")
        }
        let alts = images.map(altText(for:))
        return .change(workspace, summary: "Added a gallery to \(top ? "the top" : "the bottom") of “\(page.title)” with the \(images.count) images \(named.isEmpty ? "in " + folder : "named"). The alt text was made from the file names (\(Phrase.list(alts))): please review it so that it describes each image.")
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
