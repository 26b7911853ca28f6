/// A run of text in one style; rows are built from segments so one row can mix colours.
package struct Segment: Equatable, Sendable {
    package var text: String
    package var style: CellStyle

    package init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

extension Screen {
    /// Writes segments left to right on one row of `rect`, clipped to it. With `highlight`, the whole row is drawn
    /// in reverse video (the selected row), keeping each segment's other attributes.
    package mutating func putSegments(_ segments: [Segment], row: Int, in rect: Rect, highlight: Bool = false) {
        let base: CellStyle = highlight ? .selected : .plain
        fill(Rect(row: row, col: rect.col, width: rect.width, height: 1).intersection(rect), style: base)
        var col = rect.col
        for segment in segments {
            var style = segment.style
            if highlight { style.reverse = true }
            col = put(segment.text, row: row, col: col, style: style, clip: rect)
        }
    }
}
