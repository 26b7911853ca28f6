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
    final class Budget {
        private var left = 100_000
        func take() -> Bool {
            left -= 1
            return left >= 0
        }
    }

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
        var stack: [Any] = [context]
        stack.reserveCapacity(8)
        render(nodes, stack: &stack, sequence: nil, indentation: nil, depth: 0, budget: Budget(), into: &out)
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

    /// `MustacheTemplate.render(context:)`: with an indentation (inside a standalone partial), each token's text
    /// is put after the indentation when what this template wrote so far ends a line.
    private func render(_ nodes: [Node], stack: inout [Any], sequence: SequenceState?, indentation: String?, depth: Int, budget: Budget, into out: inout String) {
        if let indentation, !indentation.isEmpty {
            var endsLine = false
            for node in nodes {
                var piece = ""
                render(node, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &piece)
                guard !piece.isEmpty else { continue }
                if endsLine { out += indentation }
                out += piece
                endsLine = piece.last == "\n"
            }
        } else {
            for node in nodes {
                render(node, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out)
            }
        }
    }

    private func render(_ node: Node, stack: inout [Any], sequence: SequenceState?, indentation: String?, depth: Int, budget: Budget, into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let lookup, let escaped):
            guard let child = resolve(lookup, stack: stack, sequence: sequence) else { return }
            let text = Self.describe(child)
            if escaped {
                out += HTMLText.escape(text)
            } else {
                out += text
            }
        case .section(let lookup, let body, let inverted):
            let child = resolve(lookup, stack: stack, sequence: sequence)
            if inverted {
                renderInverted(child, body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out)
            } else {
                renderSection(child, body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out)
            }
        case .partial(let name, let partialIndentation):
            // A partial's own context: no sequence, the indentation added to the one it is in.
            // Partials nested deeper than `maxPartialDepth`, or beyond `Budget.partials` in one render (a partial
            // that includes itself), render nothing, where swift-mustache recurses until the stack overflows.
            guard let nodes = templates[name], depth < Self.maxPartialDepth, budget.take() else { return }
            let nested = partialIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(nodes, stack: &stack, sequence: nil, indentation: nested, depth: depth + 1, budget: budget, into: &out)
        }
    }

    /// `MustacheTemplate.renderSection`: a list renders once per element (pushed, with its sequence state), `true`
    /// renders in place, any other value is pushed, nil and `false` render nothing.
    private func renderSection(
        _ child: Any?, _ body: [Node], stack: inout [Any], sequence: SequenceState?, indentation: String?, depth: Int, budget: Budget, into out: inout String
    ) {
        guard let child else { return }
        let type = type(of: child)
        if type == [[String: Any]].self {
            renderEach(child as! [[String: Any]], body, stack: &stack, indentation: indentation, depth: depth, budget: budget, into: &out)
        } else if type == [Any].self {
            renderEach(child as! [Any], body, stack: &stack, indentation: indentation, depth: depth, budget: budget, into: &out)
        } else if type == [String].self {
            renderEach(child as! [String], body, stack: &stack, indentation: indentation, depth: depth, budget: budget, into: &out)
        } else if type == Bool.self {
            if child as! Bool { render(body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out) }
        } else if type == String.self || type == [String: Any].self || type == [String: String].self || type == Int.self {
            stack.append(child)
            render(body, stack: &stack, sequence: nil, indentation: indentation, depth: depth, budget: budget, into: &out)
            stack.removeLast()
        } else if let list = child as? any MustacheSequence {
            renderEach(list, body, stack: &stack, indentation: indentation, depth: depth, budget: budget, into: &out)
        } else if let bool = child as? Bool {
            if bool { render(body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out) }
        } else if let null = child as? MustacheCustomRenderable, null.isNull {
            return
        } else {
            stack.append(child)
            render(body, stack: &stack, sequence: nil, indentation: indentation, depth: depth, budget: budget, into: &out)
            stack.removeLast()
        }
    }

    /// `MustacheTemplate.renderInvertedSection`: renders for nil, `false` and an empty list (which is pushed).
    private func renderInverted(
        _ child: Any?, _ body: [Node], stack: inout [Any], sequence: SequenceState?, indentation: String?, depth: Int, budget: Budget, into out: inout String
    ) {
        guard let child else {
            render(body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out)
            return
        }
        if let list = child as? any MustacheSequence {
            guard Self.isEmpty(list) else { return }
            stack.append(child)
            render(body, stack: &stack, sequence: nil, indentation: indentation, depth: depth, budget: budget, into: &out)
            stack.removeLast()
        } else if let bool = child as? Bool {
            if !bool { render(body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out) }
        } else if let null = child as? MustacheCustomRenderable, null.isNull {
            render(body, stack: &stack, sequence: sequence, indentation: indentation, depth: depth, budget: budget, into: &out)
        }
    }

    private static func isEmpty<S: Sequence>(_ list: S) -> Bool {
        var iterator = list.makeIterator()
        return iterator.next() == nil
    }

    private func renderEach<S: Sequence>(_ list: S, _ body: [Node], stack: inout [Any], indentation: String?, depth: Int, budget: Budget, into out: inout String) {
        var iterator = list.makeIterator()
        guard var current = iterator.next() else { return }
        var state = SequenceState(first: true, last: false, index: 0)
        while true {
            let next = iterator.next()
            state.last = next == nil
            stack.append(current)
            render(body, stack: &stack, sequence: state, indentation: indentation, depth: depth, budget: budget, into: &out)
            stack.removeLast()
            guard let next else { return }
            current = next
            state.first = false
            state.index += 1
        }
    }

    /// `MustacheTemplate.getChild`: the value a lookup names, after its transforms.
    private func resolve(_ lookup: Lookup, stack: [Any], sequence: SequenceState?) -> Any? {
        var child: Any?
        switch lookup.root {
        case .current:
            child = stack.last
        case .sequence:
            guard let sequence else { return nil }
            child = sequence
        case .top:
            child = Self.descend(lookup.names[...], from: stack[stack.count - 1])
        case .stack:
            if let first = lookup.names.first {
                for object in stack.reversed() {
                    if let found = Self.child(named: first, of: object) {
                        child = Self.descend(lookup.names.dropFirst(), from: found)
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
