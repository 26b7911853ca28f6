/// One item of `site.yaml`'s `nav:` list as it sits in the file.
struct NavLine {
    /// The item's `key: value` pairs, in order (`label`, `url`, …).
    var pairs: [(String, String)]
    /// The lines the item occupies (including blank or comment lines that follow it).
    var lines: Range<Int>
    /// Whether the item is written `- { label: …, url: … }` on one line.
    var isFlow: Bool
    /// The indentation of the item's `-`.
    var dashIndent: Int

    var label: String { value("label") ?? "" }
    var url: String { value("url") ?? "" }

    func value(_ key: String) -> String? {
        pairs.first { $0.0 == key }?.1
    }
}
