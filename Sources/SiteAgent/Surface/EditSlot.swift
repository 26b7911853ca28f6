/// One editable value of a site — a setting, a menu field, a design token, a page's front matter field, a
/// component prop or a list item's prop, a heading — with what it holds and the names people use for it.
struct EditSlot {
    enum Kind: String, Sendable {
        case text, color, font, length, date, url
    }

    /// Where the value lives; identifies the slot across versions of the same site.
    enum Location: Hashable, CustomStringConvertible {
        /// A top-level `site.yaml` string (`title`, `tagline`, `footer`…), or one under a mapping (`cta.label`).
        case site(key: String, child: String?)
        /// A field (`label`, `url`) of the menu item at `index`.
        case nav(index: Int, field: String)
        case token(String)
        case frontMatter(path: String, key: String)
        /// A top-level prop of the `block`-th component block of a page.
        case prop(path: String, block: Int, key: String)
        /// A prop of item `item` of the list prop `list` of a component block.
        case itemProp(path: String, block: Int, list: String, item: Int, key: String)
        /// A Markdown heading of a page's body (line index in the file).
        case heading(path: String, line: Int)

        var path: String {
            switch self {
            case .site, .nav, .token: "site.yaml"
            case .frontMatter(let path, _), .prop(let path, _, _), .itemProp(let path, _, _, _, _), .heading(let path, _): path
            }
        }

        var description: String {
            switch self {
            case .site(let key, let child): "site.yaml " + key + (child.map { "." + $0 } ?? "")
            case .nav(let index, let field): "site.yaml nav[\(index)].\(field)"
            case .token(let name): "site.yaml tokens.\(name)"
            case .frontMatter(let path, let key): "\(path) \(key)"
            case .prop(let path, let block, let key): "\(path) block \(block) \(key)"
            case .itemProp(let path, let block, let list, let item, let key): "\(path) block \(block) \(list)[\(item)].\(key)"
            case .heading(let path, let line): "\(path) heading at line \(line + 1)"
            }
        }
    }

    var location: Location
    var kind: Kind
    /// The current value as the site renders it (a token's theme default when the site does not set it).
    var value: String
    /// How a reply names the slot: “the text of the feature “Fast everywhere” on Home”.
    var label: String
    /// Ways to name the slot. Each pattern is a list of concept groups that must all be named, each by one of
    /// its phrases (normalised with ``SlotNames/normalized(_:)``); a group holding "" may be left out.
    var patterns: [[[String]]]
    /// Looser ways to name the slot ("the button" without its component), scored lower than any pattern, so a
    /// slot named fully elsewhere wins.
    var fallbackPatterns: [[[String]]] = []
    /// The page the slot is on (nil for site.yaml).
    var page: PageRecord?
    var maxLength: Int?
    /// A regular expression the whole value must match (a theme prop's `pattern`, e.g. an email address).
    var pattern: String?
    /// The item's identifying prop (a card's title, a tier's name): "rename the Pro plan" means this one.
    var isItemName = false
    /// For a list item's prop: the list's identity, so replies and list operations can find the item.
    var component: String?
}
