/// What a mouse click at a cell means: views mark the rows they draw, modals mark their whole frame first so that a
/// click on them never reaches what is underneath.
package enum HitTarget: Equatable, Sendable {
    case site(String)
    case version(Int)
    case job(Int64)
    /// Inside a modal or overlay, on nothing in particular.
    case blocked
}

extension Screen {
    /// Marks `rect` as `target`; later marks win where they overlap.
    package mutating func mark(_ rect: Rect, _ target: HitTarget) {
        let clipped = rect.intersection(bounds)
        guard clipped.width > 0, clipped.height > 0 else { return }
        hits.append(Hit(rect: clipped, target: target))
    }

    /// The target at a cell, if any view marked it.
    package func target(atRow row: Int, col: Int) -> HitTarget? {
        hits.last { $0.rect.contains(row: row, col: col) }?.target
    }
}

/// One marked region of a ``Screen``.
package struct Hit: Sendable {
    var rect: Rect
    var target: HitTarget
}
