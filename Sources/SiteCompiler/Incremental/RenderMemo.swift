/// Rendered fragments (page bodies, whole pages) remembered between builds, keyed by a ``ContextDigest`` of every
/// input that went into them. A key that is found is, by construction, the same rendering; a change anywhere in the
/// inputs (source bytes, theme files, site.yaml, the lists and navigation a page shows) gives a new key.
package struct RenderMemo: Sendable {
    /// Looks a key up in the earlier build's store.
    package var lookup: @Sendable (String) -> String?
    /// Fragments rendered by this build, to be stored for the next.
    package var added: [String: String] = [:]
    /// Every key this build used (found or added): what the store should keep.
    package var used: Set<String> = []
    /// What was rendered and what was reused.
    package var stats = CompileStats()
    /// Whether fragments are looked up at all (false: a plain full build).
    package var isEnabled: Bool

    /// A memo over `lookup`.
    package init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
        self.isEnabled = true
    }

    /// A memo that never finds anything and remembers nothing: a full build.
    package static var disabled: RenderMemo {
        var memo = RenderMemo { _ in nil }
        memo.isEnabled = false
        return memo
    }

    /// The fragment for `key`, if an earlier build (or this one) rendered it.
    mutating func fragment(for key: String) -> String? {
        guard isEnabled else { return nil }
        if let found = added[key] ?? lookup(key) {
            used.insert(key)
            return found
        }
        return nil
    }

    /// Remembers `fragment` under `key`.
    mutating func remember(_ fragment: String, for key: String) {
        guard isEnabled else { return }
        added[key] = fragment
        used.insert(key)
    }
}
