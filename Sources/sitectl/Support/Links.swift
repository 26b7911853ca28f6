/// What the CLI says about symbolic links it did not follow out of a site folder.
enum Links {
    /// One warning line on stderr naming the links left out (at most ten, then a count).
    static func warnSkipped(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let shown = paths.sorted().prefix(10).joined(separator: ", ")
        let more = paths.count > 10 ? " and \(paths.count - 10) more" : ""
        Terminal.err(
            "Warning: skipped \(paths.count) symbolic link(s) that lead outside the site, to a folder or nowhere: \(shown)\(more)")
    }
}
