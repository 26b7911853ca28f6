/// Finds `:::component` blocks in Markdown, skipping fenced code, and reports malformed blocks with positions.
package struct ComponentScanner {
    private let source: SourceText

    /// `source` is the whole file (for excerpts); positions are file positions.
    package init(source: SourceText) {
        self.source = source
    }

    /// Scans `body`, whose first line is file line `lineOffset + 1`.
    package func scan(_ body: String, lineOffset: Int) throws(CompileFailure) -> ComponentScan {
        // Most bodies hold no block: nothing to split.
        guard ByteSearch.contains(":::component", in: body) else { return ComponentScan(markdown: body, blocks: []) }
        let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        var output: [Substring] = []
        var blocks: [ComponentBlock] = []
        var diagnostics: [Diagnostic] = []
        var fence = FenceTracker()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let fileLine = lineOffset + index + 1
            if fence.consume(line) || !Self.isOpener(line) {
                output.append(line)
                index += 1
                continue
            }
            let trimmed = line.drop { $0 == " " }
            let indent = line.utf8.count - trimmed.utf8.count
            let name = trimmed.dropFirst(":::component".count).trimmingSpaces()
            guard !name.isEmpty else {
                diagnostics.append(
                    .error(
                        "component block without a name",
                        in: source,
                        line: fileLine,
                        column: indent + 1,
                        hint: "write \":::component Name\", e.g. \":::component Hero\""
                    )
                )
                output.append(line)
                index += 1
                continue
            }
            let nameColumn = (source.column(of: String(name), onLine: fileLine) ?? indent + 13)
            guard
                let block = readBlock(
                    lines,
                    opener: index,
                    lineOffset: lineOffset,
                    name: String(name),
                    nameColumn: nameColumn,
                    diagnostics: &diagnostics
                )
            else {
                diagnostics.append(
                    .error(
                        "component \"\(name)\" is not closed",
                        in: source,
                        line: fileLine,
                        column: indent + 1,
                        hint: "end the block with a line \":::\""
                    )
                )
                break
            }
            output += ["", Substring(ComponentScan.placeholder(blocks.count)), ""]
            blocks.append(block.block)
            index = block.next
        }
        if diagnostics.hasErrors { throw CompileFailure(diagnostics: diagnostics) }
        return ComponentScan(markdown: output.joined(separator: "\n"), blocks: blocks)
    }

    /// Reads props and body up to the closer; nil when the file ends first.
    private func readBlock(
        _ lines: [Substring],
        opener: Int,
        lineOffset: Int,
        name: String,
        nameColumn: Int,
        diagnostics: inout [Diagnostic]
    ) -> (block: ComponentBlock, next: Int)? {
        var props: [Substring] = []
        var body: [Substring]?
        var bodyStart = 0
        var fence = FenceTracker()
        var index = opener + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces()
            let inFence = body != nil && fence.consume(line)
            if !inFence {
                if trimmed == ":::" {
                    let block = ComponentBlock(
                        name: name,
                        line: lineOffset + opener + 1,
                        nameColumn: nameColumn,
                        props: props.joined(separator: "\n"),
                        propsLineOffset: lineOffset + opener + 1,
                        body: body?.joined(separator: "\n"),
                        bodyLineOffset: lineOffset + bodyStart
                    )
                    return (block, index + 1)
                }
                if Self.isOpener(line) {
                    diagnostics.append(
                        .error(
                            "components do not nest: \"\(name)\" is still open",
                            in: source,
                            line: lineOffset + index + 1,
                            column: 1,
                            hint: "close the block above with a line \":::\" first"
                        )
                    )
                }
                if body == nil, trimmed == "---" {
                    body = []
                    bodyStart = index + 1
                    index += 1
                    continue
                }
            }
            if body != nil { body?.append(line) } else { props.append(line) }
            index += 1
        }
        return nil
    }

    private static func isOpener(_ line: Substring) -> Bool {
        let bytes = line.utf8
        let trimmed = bytes.drop { $0 == UInt8(ascii: " ") }
        guard bytes.count - trimmed.count <= 3, trimmed.starts(with: ":::component".utf8) else { return false }
        let rest = trimmed.dropFirst(":::component".utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\t")
    }
}

/// Tracks whether a line is inside a fenced code block (``` or ~~~, CommonMark rules simplified).
private struct FenceTracker {
    private var open: (character: UInt8, length: Int)?

    /// Feeds one line; returns true when the line is part of a fence (including its opening and closing lines).
    mutating func consume(_ line: Substring) -> Bool {
        let bytes = line.utf8
        let trimmed = bytes.drop { $0 == UInt8(ascii: " ") }
        guard bytes.count - trimmed.count <= 3 || open != nil else { return open != nil }
        let marker = trimmed.prefix { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }
        if let current = open {
            if marker.count >= current.length, marker.allSatisfy({ $0 == current.character }),
                trimmed.dropFirst(marker.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C })
            {
                open = nil
            }
            return true
        }
        guard marker.count >= 3, let first = marker.first, marker.allSatisfy({ $0 == first }) else { return false }
        if first == UInt8(ascii: "`"), trimmed.dropFirst(marker.count).contains(UInt8(ascii: "`")) { return false }
        open = (first, marker.count)
        return true
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
