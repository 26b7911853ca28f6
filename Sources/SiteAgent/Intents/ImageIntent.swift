import Foundation
import SiteCompiler

/// Pictures placed on a page: "add an image /img/work/03.jpg to the about page with alt text Our Berlin studio
/// desk", "put a picture on the Berlin team page: /img/work/04.jpg, alt text Designers at work", "add a hero image
/// /img/project-2.svg to the home page", "add a photo of our candles to the home page" (no file: says how to add
/// one). The file must exist under `static/`; alt text is never invented — without it the agent asks.
struct ImageIntent: RequestIntent {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        guard let head = message.prefixMatch(of: /(?i)^(?:add|put|insert|place|include|show|use)\s+(?:a|an|the|this|one|our|my)?\s*(?:(?:nice|new|good|great|lovely|beautiful|pretty|cool|fresh|small|little|large|proper)\s+)*(?<hero>hero\s+|header\s+|banner\s+|big\s+)?(?:image|picture|photo|photograph|illustration|figure|diagram|screenshot|pic)\b/) else { return nil }
        let rest = String(message[head.range.upperBound...])
        let site = request.site
        // The page: "to/on/onto the X page", "on the X page:".
        var page: PageRecord?
        if let match = rest.firstMatch(of: /(?i)\b(?:to|on|onto|in|into|at\s+the\s+(?:top|bottom)\s+of)\s+(?:the\s+|our\s+|my\s+)?(?<page>[^:,\/"“]+?)\s+(?:page|post|guide|article|doc|project)\b/)
            ?? rest.firstMatch(of: /(?i)\b(?:to|on|onto|in|into)\s+(?:the\s+|our\s+|my\s+)?(?<page>home\s*page|homepage|front\s+page)\b/) {
            let name = String(match.page).lowercased().contains("home") || String(match.page).lowercased().contains("front") ? "home" : String(match.page)
            switch site.findPage(name) {
            case .one(let found): page = found
            case .ambiguous(let pages): return .question(AgentQuestion(text: "Which page should the image go on?", options: pages.map(\.title)))
            case .none: return .noChange("There is no page called “\(match.page)”. Pages: \(Phrase.list(site.pages.filter { !$0.isSection || $0.isHome }.map { "“\($0.title)”" })).")
            }
        }
        let images = site.files.paths.filter { Self.isImage($0) && $0.hasPrefix("static/") }
        // "add the diagram image to the introduction page": a file of static/ named by its name alone; an answer
        // naming a file counts too.
        let answer = request.context.answer ?? ""
        let named = images.filter { path in
            let stem = (path.split(separator: "/").last ?? "").split(separator: ".").first.map { String($0).lowercased() } ?? ""
            return stem.count >= 3 && (message + " " + answer).lowercased().contains(Regex<Substring>(verbatim: stem).wordBoundaryKind(.default))
        }
        // A file named in the answer ("Which image should it be?" → "/img/work/03.jpg") replaces the one asked about.
        let filePattern = /(?<path>(?:\/|static\/)?[\w.\/-]+\.(?i:jpe?g|png|gif|webp|avif|svg))/
        let typed = (answer.firstMatch(of: filePattern) ?? rest.firstMatch(of: filePattern)).map { String($0.path) }
        guard let found = typed ?? (named.count == 1 ? String(named[0].dropFirst("static".count)) : nil) else {
            // "add a photo of our candles": no file named.
            if images.isEmpty {
                return .unsupported("The site has no images yet, and the offline agent cannot make or fetch one. Add the file to the site's static/ folder (static/img/candles.jpg is served at /img/candles.jpg) in a new version, then say “add the image /img/candles.jpg to the home page with alt text …”.")
            }
            return .question(AgentQuestion(
                text: "Which image? The site has \(images.count) in static/: \(Phrase.list(images.prefix(8).map { "/" + $0.dropFirst("static/".count) })). Say for example “add the image \("/" + images[0].dropFirst("static/".count)) to the \(page?.title ?? "home") page with alt text …”."))
        }
        var path = found
        if path.hasPrefix("static/") { path = String(path.dropFirst("static".count)) }
        if !path.hasPrefix("/") { path = "/" + path }
        // "project-2.svg": a file of static/ named without its folder.
        if site.files["static" + path] == nil, let file = images.first(where: { $0.hasSuffix(path) }) {
            path = String(file.dropFirst("static".count))
        }
        guard site.files[("static" + path)] != nil else {
            let known = images.prefix(8).map { "/" + $0.dropFirst("static/".count) }
            // No image to offer instead: nothing to ask, only what to do.
            if known.isEmpty {
                return .unsupported("There is no image \(path) in the site's static/ folder, and the site has no images yet; the offline agent cannot fetch or make one. Add the file under static/ (static\(path) is served at \(path)) in a new version, then ask again.")
            }
            return .question(AgentQuestion(
                text: "There is no image \(path) in the site's static/ folder\(known.isEmpty ? "" : "; it has \(Phrase.list(known))"). Which image should it be? (To use a new file, add it under static/ first.)",
                options: Array(known)))
        }
        // A page named some other way ("to the Your first project guide"): by its title, else ask — never the home
        // page by default.
        if page == nil, let named = rest.firstMatch(of: /(?i)\b(?:to|on|onto|into)\s+(?:the\s+|our\s+|my\s+)?(?<name>[^,:"“]+?)(?=\s+with\b|\s*,|\s*$|\s+alt\b|\s+and\b)/),
           !String(named.name).contains("/") {
            let name = String(named.name).replacing(/(?i)\s+(?:page|post|guide|article|doc)$/, with: "")
            switch site.findPage(name) {
            case .one(let found): page = found
            case .ambiguous(let pages): return .question(AgentQuestion(text: "Which page should the image go on?", options: pages.map(\.title)))
            case .none:
                if !name.lowercased().contains(/^(?:top|bottom|end|start)\b/) {
                    return .question(AgentQuestion(text: "Which page should \(path) go on? “\(name)” names none of them.", options: site.pages.filter { !$0.isPost || true }.prefix(8).map(\.title)))
                }
            }
        }
        guard let page = page ?? { if case .one(let home) = site.findPage("home") { return home } else { return nil } }() else { return nil }
        var alt: String?
        // Alt text and caption run to the end, or to where the other one starts ("… and alt text …").
        let described = rest.replacing(/(?i)\s+too$|\s+as\s+well$/, with: "")
        if let match = described.firstMatch(of: /(?i)(?:alt(?:\s*-?\s*text)?|description|described\s+as)\s*(?:of|:|=|as|saying|reading)?\s*(?<alt>"[^"]+"|“[^”]+”|.+?)(?=\s*(?:,?\s+and\s+(?:the\s+|a\s+)?caption|,?\s+(?:with\s+)?(?:the\s+|a\s+)?caption\b|,\s*caption\b|$))/) {
            alt = Phrase.value(String(match.alt))
        }
        // "…, it shows our studio kitchen table covered in sketches": what the picture shows, said in passing.
        if alt == nil, let match = described.firstMatch(of: /(?i)(?:,|;|—|–|-|\s)\s*(?:it\s+shows|which\s+shows|that\s+shows|showing|it['’]s(?:\s+a\s+(?:photo|picture|shot)\s+of)?|it\s+is(?:\s+a\s+(?:photo|picture|shot)\s+of)?)\s+(?<alt>[^,;]{3,200}?)[.!]?$/) {
            alt = Phrase.value(String(match.alt))
        }
        var caption: String?
        if let match = described.firstMatch(of: /(?i)caption(?:ed)?\s*(?::|=|saying|reading)?\s*(?<caption>"[^"]+"|“[^”]+”|.+?)(?=\s*(?:,?\s+and\s+(?:the\s+)?alt\b|,?\s+(?:with\s+)?(?:the\s+)?alt\b|,\s*alt\b|$))/) {
            caption = Phrase.value(String(match.caption))
        }
        // "What does /img/x.jpg show?" answered: the answer is the description.
        if alt == nil, let asked = request.context.question, asked.text.hasPrefix("What does \(path) show?"),
           let answer = request.context.answer?.trimmingWhitespace, !answer.isEmpty {
            let said = answer.replacing(/(?i)^(?:i\s+(?:already\s+)?(?:said|told\s+you)\s*[-—–:,.]*\s*|as\s+i\s+said\s*[-—–:,.]*\s*)/, with: "")
                .replacing(/(?i)^(?:the\s+)?(?:alt(?:\s*-?\s*text)?|description|it\s+shows|shows|it'?s|it\s+is)\s*(?::|=|is|should\s+be)?\s*/, with: "")
            if !said.isEmpty { alt = Phrase.value(said) }
        }
        var editor = ComponentBlockEditor(try request.workspace.text(page.path))
        var workspace = request.workspace
        if head.output.hero != nil {
            guard let hero = editor.blocks(named: "Hero").first else {
                return .question(AgentQuestion(text: "“\(page.title)” has no hero section to put the image in. Should I add the image as a figure on the page instead?", options: ["Add it as a figure", "Leave it"]))
            }
            editor.setProp("image", value: .string(path), in: hero)
            if let alt, let refreshed = editor.blocks(named: "Hero").first { editor.setProp("image_alt", value: .string(alt), in: refreshed) }
            workspace.write(page.path, editor.text, step: "Hero image \(path)")
            let note = alt == nil ? " It has no description, so screen readers skip it; say “set the hero image description to …” if it shows something that matters." : ""
            return .change(workspace, summary: "Set the hero image on “\(page.title)” to \(path)." + note)
        }
        guard let alt, !alt.isEmpty else {
            return .question(AgentQuestion(text: "What does \(path) show? I need a short description (alt text) for people who cannot see it; say for example “alt text A desk with a laptop and plants”."))
        }
        var props: [(String, YAMLValue)] = [("src", .string(path)), ("alt", .string(alt))]
        if let caption, !caption.isEmpty { props.append(("caption", .string(caption))) }
        let top = message.lowercased().contains(/at\s+the\s+(?:top|start|beginning)/)
        editor.insert("Figure", props: .map(props), at: top ? .top : .bottom)
        workspace.write(page.path, editor.text, step: "Figure \(path)")
        return .change(workspace, summary: "Added the image \(path) to \(top ? "the top" : "the bottom") of “\(page.title)” with the alt text “\(alt)”" + (caption.map { " and the caption “\($0)”" } ?? "") + ".")
    }

    static func isImage(_ path: String) -> Bool {
        imageExtensions.contains(path.split(separator: ".").last.map { $0.lowercased() } ?? "")
    }
}
