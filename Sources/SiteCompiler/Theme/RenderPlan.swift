internal import Foundation
internal import Mustache

/// A theme's Mustache templates compiled once into a render plan: a tree of text, lookups (names split once),
/// sections and partials (resolved by name), rendered into one string per page with plain type checks instead of
/// the protocol casts swift-mustache makes at every lookup (which were most of the time a large build spent in
/// layouts).
///
/// Mustache stays the template language and swift-mustache stays its definition: the plan is read from the token
/// tree swift-mustache's own parser made (through reflection, so whitespace, standalone lines and partial
/// indentation come out exactly as it parses them), and rendering follows `MustacheTemplate.render` rule for rule
/// (stack lookup, sequence context, `index()`-style transforms, indentation of standalone partials).
/// `RenderPlanTests` renders every built-in template both ways over a corpus of contexts and compares the bytes.
/// Templates using anything the plan does not model (inheritance `{{<`/`{{$`, dynamic partials, other content
/// types) make ``compile(_:)`` return nil, and the theme renders through swift-mustache as before.
struct RenderPlan: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Lookup, escaped: Bool)
        case section(Lookup, body: [Node], inverted: Bool)
        case partial(name: String, indentation: String?)
    }

    /// A name as written (`page.title`, `.`, `.x`, `index()`), taken apart once.
    struct Lookup: Sendable {
        enum Root: Sendable {
            /// `.`: the top of the stack.
            case current
            /// A bare transform (`index()`): the sequence context of the innermost list.
            case sequence
            /// `.name`: looked up in the top of the stack only.
            case top
            /// `name`: the first part looked up down the stack.
            case stack
        }

        var root: Root
        var names: [String]
        /// Applied last to first, as swift-mustache does (`a(b(x))` is written `["a", "b"]`).
        var transforms: [String]

        init(name: String, transforms: [String]) {
            self.transforms = transforms
            if name == "." {
                root = .current
                names = []
            } else if name.isEmpty, !transforms.isEmpty {
                root = .sequence
                names = []
            } else {
                root = name.first == "." ? .top : .stack
                names = name.split(separator: ".").map(String.init)
            }
        }
    }

    /// How deep partials may nest.
    static let maxPartialDepth = 64
    /// How many partials one render may expand: a recursive partial over a list that does not shrink would
    /// otherwise take exponential time within the depth limit.
    static let maxPartials = 100_000

    /// Plans by the name the library registered them under (`layouts/page`, `header`, `components/Hero`).
    let templates: [String: [Node]]

    /// Plans for every template, or nil when any template uses something the plan does not model.
    static func compile(_ templates: [String: MustacheTemplate]) -> RenderPlan? {
        var plans: [String: [Node]] = [:]
        for (name, template) in templates {
            guard let nodes = nodes(of: template) else { return nil }
            plans[name] = nodes
        }
        return RenderPlan(templates: plans)
    }

    /// Renders template `name` with `context`; nil when there is no such template.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        guard let nodes = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16_384)
        var renderer = Renderer(templates: templates, stack: [context])
        renderer.render(nodes, Renderer.Frame(), into: &out)
        return out
    }

    // MARK: Reading swift-mustache's token tree

    /// The nodes of a parsed template, read by reflection from its `tokens`; nil for tokens the plan does not model.
    private static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            return nil
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return nil }
            let fields = Mirror(reflecting: payload).children.map { ($0.label, $0.value) }
            func field(_ label: String) -> Any? { fields.first { $0.0 == label }?.1 }
            switch kind {
            case "text":
                // Kept as the parser split it (at line ends): indentation inside a partial goes between tokens.
                guard let text = payload as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                guard let name = field("name") as? String, let transforms = field("transforms") as? [String] else { return nil }
                nodes.append(.variable(Lookup(name: name, transforms: transforms), escaped: kind == "variable"))
            case "section", "invertedSection":
                guard let name = field("name") as? String, let transforms = field("transforms") as? [String],
                    let body = (field("template") as? MustacheTemplate).flatMap(nodes(of:))
                else { return nil }
                nodes.append(.section(Lookup(name: name, transforms: transforms), body: body, inverted: kind == "invertedSection"))
            case "partial":
                // `(String, indentation: String?, inherits: [String: MustacheTemplate]?)`: inheritance is not modelled.
                guard fields.count == 3, let name = fields[0].1 as? String, let indentation = fields[1].1 as? String?,
                    let inherits = fields[2].1 as? [String: MustacheTemplate]?, inherits == nil
                else { return nil }
                nodes.append(.partial(name: name, indentation: indentation))
            case "contentType":
                // Our pragma (the same escaping as the library's HTML); any other content type is not modelled.
                guard payload is FastHTMLEscape else { return nil }
            default:
                return nil
            }
        }
        return nodes
    }

    // MARK: Rendering

    /// Where a list section is: what `first()`, `last()`, `index()`, `even()` and `odd()` give.
    struct SequenceState {
        var first: Bool
        var last: Bool
        var index: Int

        func transform(_ name: String) -> Any? {
            switch name {
            case "first": first
            case "last": last
            case "index": index
            case "even": (index & 1) == 0
            case "odd": (index & 1) == 1
            default: nil
            }
        }
    }

    /// One render: the context stack (pushed and popped, never copied) and how many partials may still expand.
    private struct Renderer {
        /// What swift-mustache's `MustacheContext` carries besides the stack.
        struct Frame {
            /// The innermost list's position; nil outside lists, in pushed values and in partials.
            var sequence: SequenceState?
            /// Put before each line a standalone partial writes.
            var indentation: String?
            /// Partials this one is nested in.
            var depth = 0
        }

        let templates: [String: [Node]]
        var stack: [Any]
        var partialsLeft = RenderPlan.maxPartials

        /// `MustacheTemplate.render(context:)`: with an indentation (inside a standalone partial), each token's text
        /// is put after the indentation when what this template wrote so far ends a line.
        mutating func render(_ nodes: [Node], _ frame: Frame, into out: inout String) {
            if let indentation = frame.indentation, !indentation.isEmpty {
                var endsLine = false
                for node in nodes {
                    var piece = ""
                    render(node, frame, into: &piece)
                    guard !piece.isEmpty else { continue }
                    if endsLine { out += indentation }
                    out += piece
                    endsLine = piece.last == "\n"
                }
            } else {
                for node in nodes { render(node, frame, into: &out) }
            }
        }

        mutating func render(_ node: Node, _ frame: Frame, into out: inout String) {
            switch node {
            case .text(let text):
                out += text
            case .variable(let lookup, let escaped):
                guard let child = resolve(lookup, frame) else { return }
                let text = RenderPlan.describe(child)
                out += escaped ? HTMLText.escape(text) : text
            case .section(let lookup, let body, let inverted):
                let child = resolve(lookup, frame)
                if inverted {
                    renderInverted(child, body, frame, into: &out)
                } else {
                    renderSection(child, body, frame, into: &out)
                }
            case .partial(let name, let partialIndentation):
                // A partial's own context: no sequence, the indentation added to the one it is in. Partials nested
                // deeper than `maxPartialDepth`, or beyond `maxPartials` in one render (a partial that includes
                // itself), render nothing, where swift-mustache recurses until the stack overflows.
                guard let nodes = templates[name], frame.depth < RenderPlan.maxPartialDepth, partialsLeft > 0 else { return }
                partialsLeft -= 1
                let indentation = partialIndentation.map { (frame.indentation ?? "") + $0 } ?? frame.indentation
                render(nodes, Frame(sequence: nil, indentation: indentation, depth: frame.depth + 1), into: &out)
            }
        }

        /// `MustacheTemplate.renderSection`: a list renders once per element (pushed, with its sequence state),
        /// `true` renders in place, any other value is pushed, nil and `false` render nothing.
        mutating func renderSection(_ child: Any?, _ body: [Node], _ frame: Frame, into out: inout String) {
            guard let child else { return }
            let type = type(of: child)
            if type == [[String: Any]].self {
                renderEach(child as! [[String: Any]], body, frame, into: &out)
            } else if type == [Any].self {
                renderEach(child as! [Any], body, frame, into: &out)
            } else if type == [String].self {
                renderEach(child as! [String], body, frame, into: &out)
            } else if type == Bool.self {
                if child as! Bool { render(body, frame, into: &out) }
            } else if type == String.self || type == [String: Any].self || type == [String: String].self || type == Int.self {
                renderPushed(child, body, frame, into: &out)
            } else if let list = child as? any MustacheSequence {
                renderEach(list, body, frame, into: &out)
            } else if let bool = child as? Bool {
                if bool { render(body, frame, into: &out) }
            } else if let null = child as? MustacheCustomRenderable, null.isNull {
                return
            } else {
                renderPushed(child, body, frame, into: &out)
            }
        }

        /// `MustacheTemplate.renderInvertedSection`: renders for nil, `false` and an empty list (which is pushed).
        mutating func renderInverted(_ child: Any?, _ body: [Node], _ frame: Frame, into out: inout String) {
            guard let child else {
                render(body, frame, into: &out)
                return
            }
            if let list = child as? any MustacheSequence {
                if RenderPlan.isEmpty(list) { renderPushed(child, body, frame, into: &out) }
            } else if let bool = child as? Bool {
                if !bool { render(body, frame, into: &out) }
            } else if let null = child as? MustacheCustomRenderable, null.isNull {
                render(body, frame, into: &out)
            }
        }

        /// `withObject`: `value` on top of the stack, outside any list.
        mutating func renderPushed(_ value: Any, _ body: [Node], _ frame: Frame, into out: inout String) {
            var inner = frame
            inner.sequence = nil
            stack.append(value)
            render(body, inner, into: &out)
            stack.removeLast()
        }

        /// `withSequence` for each element, with its position.
        mutating func renderEach<S: Sequence>(_ list: S, _ body: [Node], _ frame: Frame, into out: inout String) {
            var iterator = list.makeIterator()
            guard var current = iterator.next() else { return }
            var inner = frame
            inner.sequence = SequenceState(first: true, last: false, index: 0)
            while true {
                let next = iterator.next()
                inner.sequence?.last = next == nil
                stack.append(current)
                render(body, inner, into: &out)
                stack.removeLast()
                guard let next else { return }
                current = next
                inner.sequence?.first = false
                inner.sequence?.index += 1
            }
        }

        /// `MustacheTemplate.getChild`: the value a lookup names, after its transforms.
        func resolve(_ lookup: Lookup, _ frame: Frame) -> Any? {
            var child: Any?
            switch lookup.root {
            case .current:
                child = stack.last
            case .sequence:
                guard let sequence = frame.sequence else { return nil }
                child = sequence
            case .top:
                child = RenderPlan.descend(lookup.names[...], from: stack[stack.count - 1])
            case .stack:
                if let first = lookup.names.first {
                    for object in stack.reversed() {
                        if let found = RenderPlan.child(named: first, of: object) {
                            child = RenderPlan.descend(lookup.names.dropFirst(), from: found)
                            break
                        }
                    }
                } else {
                    child = stack.last
                }
            }
            if let representation = child as? MustacheCustomRepresentation { child = representation.representation }
            guard var value = child else { return nil }
            for transform in lookup.transforms.reversed() {
                if let state = value as? SequenceState, let result = state.transform(transform) {
                    value = result
                } else if let transformable = value as? MustacheTransformable, let result = transformable.transform(transform) {
                    value = result
                } else {
                    return nil
                }
            }
            return value
        }
    }

    private static func isEmpty<S: Sequence>(_ list: S) -> Bool {
        var iterator = list.makeIterator()
        return iterator.next() == nil
    }

    private static func descend(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            guard let next = child(named: name, of: object) else { return nil }
            object = next
        }
        return object
    }

    /// `_getImmediateChild`: a dictionary's value, nothing of a string, number or flag, else what the library finds
    /// (`MustacheParent`, then a stored property by reflection).
    private static func child(named name: String, of object: Any) -> Any? {
        let type = type(of: object)
        if type == [String: Any].self { return (object as! [String: Any])[name] }
        if type == [String: String].self { return (object as! [String: String])[name] }
        if type == String.self || type == Bool.self || type == Int.self || type == [[String: Any]].self || type == [String].self {
            return nil
        }
        let object: Any? = (object as? MustacheCustomRepresentation).map { $0.representation } ?? object
        guard let object else { return nil }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }

    /// How `{{value}}` shows a value: text as it is, anything else as `String(describing:)` gives it.
    private static func describe(_ value: Any) -> String {
        if let text = value as? String { return text }
        if let optional = value as? OptionalValue { return String(describing: optional.wrappedAny ?? value) }
        return String(describing: value)
    }
}

/// Optional values boxed in `Any`, unwrapped before they are shown (as swift-mustache's `AnyOptional`).
private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self }
}
