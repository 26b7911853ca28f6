import SiteCompiler

/// A Gallery of the images in a static folder, with alt text made from the file names (to be reviewed).
enum GalleryTemplate {
    private static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]

    static func add(to page: PageRecord, rest: String, top: Bool, _ request: AgentRequest) throws -> Resolution {
        let folder = folderPath(in: rest)
        let images = request.site.files.paths.filter { path in
            path.hasPrefix(folder) && imageExtensions.contains(path.split(separator: ".").last.map { $0.lowercased() } ?? "")
        }
        guard !images.isEmpty else {
            return .noChange("There are no images in \(folder). Put the files under static/ first (static/img/a.jpg is served at /img/a.jpg).")
        }
        let items = images.map { path -> YAMLValue in
            .map([("src", .string("/" + path.dropFirst("static/".count))), ("alt", .string(altText(for: path)))])
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        editor.insert("Gallery", props: .map([("images", .list(items))]), at: top ? .top : .bottom)
        var workspace = request.workspace
        workspace.write(page.path, editor.text, step: "Gallery with \(images.count) images from \(folder)")
        let alts = images.map(altText(for:))
        return .change(workspace, summary: "Added a gallery to \(top ? "the top" : "the bottom") of “\(page.title)” with the \(images.count) images in \(folder). The alt text was made from the file names (\(Phrase.list(alts))): please review it so that it describes each image.")
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
