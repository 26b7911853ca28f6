import Foundation
import SiteCompiler
import Yams

/// Every editable slot of a site, enumerated from the site itself: `site.yaml` settings, menu items, design
/// tokens, each page's description and date, each component block's text props and the props of its list
/// items, and the headings of page bodies. Names come from the theme (`label`, `aliases`) and from
/// ``SlotNames``.
struct EditSurface {
    var slots: [EditSlot]

    init(site: SiteSnapshot, components: [ComponentSchema]?, tokens: [DesignToken]?) {
        var slots: [EditSlot] = []
        Self.settings(site, into: &slots)
        Self.menu(site, into: &slots)
        Self.tokens(site, tokens ?? [], into: &slots)
        for page in site.pages {
            guard let text = site.files.text(page.path) else { continue }
            Self.frontMatter(page, text, into: &slots)
            Self.blocks(page, text, components ?? [], into: &slots)
            Self.headings(page, text, into: &slots)
        }
        self.slots = slots
    }

    /// The slot at `location`, if the site has it.
    func slot(at location: EditSlot.Location) -> EditSlot? {
        slots.first { $0.location == location }
    }

    // MARK: - Enumeration

    private static let settingNames: [(key: String, child: String?, names: [String], label: String)] = [
        ("title", nil, ["site title", "title site", "site name", "name site", "website name", "website title", "brand name", "name website", "title website"], "the site title"),
        ("tagline", nil, ["tagline", "slogan", "strapline", "motto", "site tagline", "site subtitle", "line under the site name", "line under the blog name", "line under the site title", "text under the site name", "line under the logo"], "the tagline"),
        ("description", nil, ["site description", "description site", "website description", "site seo description", "site meta description", "meta description site", "seo description site", "search description site", "description website", "meta description website"], "the site description"),
        ("footer", nil, ["footer", "footer text", "footer line", "footer note", "copyright", "copyright line", "copyright notice", "copyright text"], "the footer text"),
        ("author", nil, ["author", "author name", "site author"], "the author"),
    ]

    private static func settings(_ site: SiteSnapshot, into slots: inout [EditSlot]) {
        guard let root = try? YAMLBudget.compose(site.siteYAML) else { return }
        for setting in settingNames {
            guard let value = root[setting.key]?.string else { continue }
            slots.append(EditSlot(location: .site(key: setting.key, child: nil), kind: .text, value: value, label: setting.label,
                                  patterns: [[setting.names]]))
        }
        // "The site address should be https://books.example.org/ from now on": the address feeds, the sitemap and
        // canonical links use.
        if let address = root["base_url"]?.string {
            slots.append(EditSlot(location: .site(key: "base_url", child: nil), kind: .url, value: address, label: "the site address (base URL)",
                                  patterns: [[["site address", "website address", "web address", "site url", "website url", "base url", "address site", "url site", "site domain", "domain site", "address website", "url website"]]]))
        }
        let cta = ["header button", "header cta", "cta", "call to action", "top button", "header call to action", "button in header"]
        if let label = root["cta"]?["label"]?.string {
            slots.append(EditSlot(location: .site(key: "cta", child: "label"), kind: .text, value: label, label: "the header button's text",
                                  patterns: [[cta, ["", "text", "label", "wording"]]], maxLength: 40))
        }
        if let url = root["cta"]?["url"]?.string {
            slots.append(EditSlot(location: .site(key: "cta", child: "url"), kind: .url, value: url, label: "where the header button goes",
                                  patterns: [[cta, ["link", "url", "target", "address", "destination"]]]))
        }
    }

    private static let menuWords = ["menu item", "menu link", "menu entry", "nav item", "nav link", "navigation item", "navigation link", "menu", "nav", "navigation", "tab", "link menu", "item menu"]

    private static func menu(_ site: SiteSnapshot, into slots: inout [EditSlot]) {
        for (index, item) in site.nav.enumerated() {
            let names = [item.label] + SlotNames.ordinalNames(index, count: site.nav.count)
            slots.append(EditSlot(location: .nav(index: index, field: "label"), kind: .text, value: item.label,
                                  label: "the menu label “\(item.label)”", patterns: [[names, menuWords, ["", "label", "text", "name", "wording"]]], maxLength: 60))
            slots.append(EditSlot(location: .nav(index: index, field: "url"), kind: .url, value: item.url,
                                  label: "where the menu item “\(item.label)” goes",
                                  patterns: [[names, menuWords, ["link", "url", "target", "address", "destination"]]]))
        }
    }

    private static func tokens(_ site: SiteSnapshot, _ declared: [DesignToken], into slots: inout [EditSlot]) {
        for token in declared {
            let kind: EditSlot.Kind
            switch token.kind {
            case .color: kind = .color
            case .font: kind = .font
            case .length: kind = .length
            case .number, .string: continue
            }
            let words = token.name.replacingOccurrences(of: "_bg", with: " background").replacingOccurrences(of: "_", with: " ")
            var names = [words]
            if kind == .color { names += [words + " colour", words + " color"] }
            if kind == .font, token.name.hasPrefix("font_") {
                let what = String(token.name.dropFirst(5))
                names += ["\(what) font", "font \(what)", "\(what) typeface"]
                if what == "heading" { names += ["headings font", "heading font", "font headings", "title font"] }
                if what == "body" { names += ["body text font", "text font", "main font", "paragraph font"] }
                if what == "mono" { names += ["code font", "monospace font"] }
            }
            let aliases = SlotNames.tokenAliases[token.name] ?? []
            let othersAliases = Set(SlotNames.tokenAliases.filter { $0.key != token.name }.values.joined())
            if kind == .length, token.name.hasSuffix("_width") {
                names += aliases.flatMap { [$0 + " width", "width of " + $0, $0 + " size"] }
            } else {
                names += aliases
            }
            // The theme's description names what the token styles: "Background of cards and alternating bands".
            for part in (token.description ?? "").lowercased().split(whereSeparator: { ",;(".contains($0) }).flatMap({ $0.components(separatedBy: " and ") }) {
                let content = SlotNames.tokens(part)
                guard (1...3).contains(content.count), !othersAliases.contains(content.joined(separator: " ")) else { continue }
                names.append(content.joined(separator: " "))
                if content.count == 2 { names.append(content.reversed().joined(separator: " ")) }
                // "Warning callout accent": "the warning boxes", "the warning notes" too.
                if content.count >= 2, content[1].hasPrefix("callout") {
                    names += ["\(content[0]) box", "\(content[0]) boxes", "\(content[0]) note", "\(content[0]) notes", "\(content[0]) callouts"]
                }
                // "Tip callout accent" → "tip callout": the thing without the last word.
                if content.count == 3, kind != .font, !othersAliases.contains(content.prefix(2).joined(separator: " ")) {
                    names.append(content.prefix(2).joined(separator: " "))
                }
            }
            let label = kind == .font ? names.dropFirst().first ?? words : words + (kind == .color ? " colour" : "")
            slots.append(EditSlot(location: .token(token.name), kind: kind, value: site.tokens[token.name] ?? token.defaultValue,
                                  label: "the " + label, patterns: [[names]]))
        }
    }

    private static func frontMatter(_ page: PageRecord, _ text: String, into slots: inout [EditSlot]) {
        let editor = FrontMatterEditor(text)
        if let title = editor.string("title") {
            // "the About page title", "the title of my first post": named with the page (see SlotMatcher).
            slots.append(EditSlot(location: .frontMatter(path: page.path, key: "title"), kind: .text, value: title,
                                  label: "the title of “\(page.title)”",
                                  patterns: [[["page title", "post title", "article title", "title page", "title post", "page heading", "page name", "post name"]]],
                                  page: page, maxLength: 120))
        }
        if let description = editor.string("description") {
            slots.append(EditSlot(location: .frontMatter(path: page.path, key: "description"), kind: .text, value: description,
                                  label: "the description of “\(page.title)”",
                                  patterns: [[["description", "seo description", "meta description", "summary", "search description", "page description", "search engine description"]]],
                                  page: page, maxLength: 300))
        }
        if page.isPost, let date = editor.string("date") {
            slots.append(EditSlot(location: .frontMatter(path: page.path, key: "date"), kind: .date, value: date,
                                  label: "the date of “\(page.title)”",
                                  patterns: [[["date", "publish date", "publication date", "post date", "published date"]]], page: page))
        }
    }

    private static func blocks(_ page: PageRecord, _ text: String, _ components: [ComponentSchema], into slots: inout [EditSlot]) {
        let editor = ComponentBlockEditor(text)
        for (blockIndex, block) in editor.blocks.enumerated() {
            guard let props = editor.props(of: block), let mapping = props.mapping else { continue }
            let schema = components.first { $0.name.lowercased() == block.name.lowercased() }
            var componentWords = componentNames(block.name)
            // "the warning callout", "the tip box": a block's kind, when it has one.
            if let kind = (props["type"] ?? props["kind"] ?? props["variant"])?.string, kind.count <= 20 {
                let lower = kind.lowercased()
                componentWords += componentWords.prefix(2).map { lower + " " + $0 } + [lower + " box", lower + " note"]
            }
            for (keyNode, value) in mapping {
                guard let key = keyNode.string else { continue }
                let field = schema?.props.first { $0.name == key }
                if let string = value.string, value.scalar != nil {
                    guard let kind = kind(of: field?.schema, key: key, value: string) else { continue }
                    // The component may go unsaid ("the button", "the intro"), at a lower score than when it is said.
                    var patterns: [[[String]]] = [[componentWords, propNames(key, field?.schema)]]
                    let declared = declaredNames(field?.schema)
                    if !declared.isEmpty { patterns.insert([declared], at: 0) }
                    let shown = field?.schema.label ?? "the \(key.replacingOccurrences(of: "_", with: " ")) of the \(block.name) section"
                    var slot = EditSlot(location: .prop(path: page.path, block: blockIndex, key: key), kind: kind, value: string,
                                        label: shown + " on “\(page.title)”", patterns: patterns, page: page,
                                        maxLength: field?.schema.maxLength, pattern: field?.schema.pattern)
                    slot.fallbackPatterns = [[propNames(key, field?.schema)]]
                    // "swap the poster image for …": a picture named by what it is, for the block's image file.
                    if kind == .url, ["src", "image"].contains(key), ImageIntent.isImage(string) {
                        slot.patterns.append([Self.pictureWords])
                    }
                    slots.append(slot)
                } else if let items = value.sequence {
                    listItems(page, block: block.name, blockIndex: blockIndex, list: key, field: field, items: Array(items),
                              sectionTitle: props["title"]?.string, into: &slots)
                }
            }
        }
    }

    static let pictureWords = ["image", "picture", "photo", "photograph", "pic", "poster", "poster image", "cover image", "main image",
                               "illustration", "diagram", "graphic", "artwork", "figure", "screenshot", "image file", "picture file"]

    private static func listItems(_ page: PageRecord, block: String, blockIndex: Int, list: String, field: PropField?, items: [Node],
                                  sectionTitle: String? = nil, into slots: inout [EditSlot]) {
        let itemSchema = field?.schema.items
        let nouns = itemNouns(component: block, list: list, schema: field?.schema)
        for (index, item) in items.enumerated() {
            guard let mapping = item.mapping else { continue }
            let pairs = mapping.compactMap { key, value in key.string.flatMap { k in value.string.map { (k, $0) } } }
            // The item's name: its first text field (a card's title, a tier's name, a question).
            let identityKey = pairs.first { SlotNames.itemNameKeys.contains($0.0) }?.0 ?? pairs.first?.0
            let identity = pairs.first { $0.0 == identityKey }?.1
            // An item is named by its position, its name, or two or more words in a row of a short text of it
            // ("the Northern Roast image" for the caption “Northern Roast packaging”).
            let texts = pairs.filter { $0.0 != identityKey && $0.1.count <= 60 && !URLPath.looksLikePath($0.1) }.map { "~" + $0.1 }
            // A proper name inside a short text names the item on its own ("the Pennywise image" for the caption
            // “Pennywise app”).
            let properNames = pairs.filter { $0.1.count <= 60 && !URLPath.looksLikePath($0.1) }.flatMap { Self.properNames(in: $0.1) }.map { "=" + $0 }
            // "the Kind words testimonial": the section's title names its items (all of them, so several ask which).
            let names = SlotNames.ordinalNames(index, count: items.count) + (identity.map { [$0, "~" + $0] } ?? []) + texts + properNames
                + (sectionTitle.map { [$0] } ?? [])
            let itemLabel = identity.map { "the \(nouns.first ?? "item") “\($0)”" } ?? "\(SlotNames.ordinals[min(index, 11)]) \(nouns.first ?? "item")"
            for (key, value) in pairs {
                let propField = itemSchema?.fields.first { $0.name == key }
                guard let kind = kind(of: propField?.schema, key: key, value: value) else { continue }
                var propWords = propNames(key, propField?.schema) + declaredNames(propField?.schema)
                let isName = key == identityKey
                if isName { propWords.append("name") }
                var slot = EditSlot(
                    location: .itemProp(path: page.path, block: blockIndex, list: list, item: index, key: key), kind: kind, value: value,
                    label: "the \(key.replacingOccurrences(of: "_", with: " ")) of \(itemLabel) on “\(page.title)”",
                    patterns: [[names, nouns, propWords]] + (identity.map { SlotNames.tokens($0).count >= 2 } == true ? [[[identity!], propWords]] : []), page: page, maxLength: propField?.schema.maxLength, isItemName: isName,
                    component: block)
                // "the Pennywise caption": a proper name and the field, without the list's noun — a loose name, so
                // it never rivals a slot named fully ("the website name" is the site's title, not the card "Website").
                if !properNames.isEmpty { slot.fallbackPatterns = [[properNames, propWords]] }
                slots.append(slot)
            }
        }
    }

    /// Capitalised words of four letters or more that are not the usual sentence openers: "Pennywise",
    /// "Northern", "Roast" in “Pennywise app”, “Northern Roast packaging”.
    static func properNames(in text: String) -> [String] {
        let common: Set<String> = ["the", "this", "that", "our", "your", "with", "from", "what", "when", "where", "which", "who", "how", "why", "does", "can", "will", "and", "for"]
        return text.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { word in
            guard word.count >= 4, let first = word.first, first.isUppercase, word.dropFirst().contains(where: \.isLowercase) else { return false }
            return !common.contains(word.lowercased())
        }
    }

    private static func headings(_ page: PageRecord, _ text: String, into slots: inout [EditSlot]) {
        let lines = TextLines(text)
        var fence = false
        for index in FrontMatterEditor(text).bodyStart..<lines.count {
            let line = lines[index]
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fence.toggle() }
            guard !fence, line.hasPrefix("#"), let match = line.firstMatch(of: /^#{1,6}\s+(?<text>.+?)\s*#*$/) else { continue }
            let heading = String(match.text)
            slots.append(EditSlot(location: .heading(path: page.path, line: index), kind: .text, value: heading,
                                  label: "the heading “\(heading)” on “\(page.title)”",
                                  patterns: [[[heading], ["", "heading", "section heading", "subheading", "title", "header", "section title"]]], page: page, maxLength: 120))
        }
    }

    // MARK: - Names and kinds

    static func componentNames(_ name: String) -> [String] {
        let lower = name.lowercased()
        var names = [lower, SlotNames.singular(lower)]
        switch lower {
        case "hero": names += ["banner", "top section", "hero section"]
        case "features": names += ["features section", "feature cards", "cards", "feature grid"]
        case "pricing": names += ["prices", "plans", "pricing table", "price table"]
        case "faq": names += ["faqs", "questions", "frequently asked questions"]
        case "testimonials": names += ["reviews", "quotes"]
        case "contactform": names += ["contact form", "form", "contact"]
        case "gallery": names += ["images", "photos", "portfolio"]
        case "callout": names += ["note", "callout box", "tip box", "box", "note box", "info box", "notice"]
        case "figure": names += ["image", "picture", "figure", "photo", "diagram", "illustration", "chart", "graphic", "screenshot", "drawing"]
        default: break
        }
        return names
    }

    static func itemNouns(component: String, list: String, schema: PropSchema?) -> [String] {
        var nouns: [String] = []
        for name in declaredNames(schema) { nouns.append(SlotNames.singular(name)) }
        nouns += SlotNames.items["\(component.lowercased()).\(list)"] ?? []
        if list != "items" { nouns.append(SlotNames.singular(list)) }
        nouns.append(SlotNames.singular(component.lowercased()))
        var seen = Set<String>()
        return nouns.filter { seen.insert($0).inserted }
    }

    static func declaredNames(_ schema: PropSchema?) -> [String] {
        guard let schema else { return [] }
        return ([schema.label].compactMap { $0 } + schema.aliases)
    }

    static func propNames(_ key: String, _ schema: PropSchema?) -> [String] {
        let own = key.replacingOccurrences(of: "_", with: " ")
        return [own] + (SlotNames.props[key] ?? [])
    }

    /// The slot kind for a prop, or nil for props the agent does not edit as text (enums, bools, numbers).
    static func kind(of schema: PropSchema?, key: String, value: String) -> EditSlot.Kind? {
        switch schema?.kind {
        case .url?: return .url
        case .string?: return .text
        case nil: return URLPath.looksLikePath(value) || ["src", "href", "url", "image", "poster", "endpoint"].contains(key) || key.hasSuffix("_url") ? .url : .text
        default: return nil
        }
    }
}
