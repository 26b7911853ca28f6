/// The tools the model may call: file operations on the in-memory workspace, compiling, asking the user, and the
/// typed site edits the embedded interpreter uses (they keep every other line of a file byte-identical).
enum AgentTool: String, CaseIterable, Sendable {
    case listFiles = "list_files"
    case readFile = "read_file"
    case writeFile = "write_file"
    case replaceInFile = "replace_in_file"
    case deleteFile = "delete_file"
    case compileSite = "compile_site"
    case setSiteField = "set_site_field"
    case setToken = "set_token"
    case navAdd = "nav_add"
    case navRemove = "nav_remove"
    case navMove = "nav_move"
    case setFrontMatter = "set_front_matter"
    case askUser = "ask_user"
    case revertToVersion = "revert_to_version"
    case reportUnsupported = "report_unsupported"

    /// What the tool does, as the model reads it.
    var summary: String {
        switch self {
        case .listFiles: "List the site's source files with their sizes. Optional prefix, e.g. content/blog/."
        case .readFile: "Read one source file as UTF-8 text."
        case .writeFile: "Create or replace a file under content/ or static/, or site.yaml, with the given text."
        case .replaceInFile: "Replace an exact snippet of a file. The search text must occur once unless all is true."
        case .deleteFile: "Delete a file under content/ or static/."
        case .compileSite: "Compile the site with its theme and check internal links; returns errors and warnings."
        case .setSiteField: "Set a top-level site.yaml setting such as title, description, tagline, author, lang or theme."
        case .setToken: "Set a design token in site.yaml (e.g. color-primary: navy, font-body, radius)."
        case .navAdd: "Add a navigation menu item (label and url), at an optional 0-based position."
        case .navRemove: "Remove the navigation menu item with this label."
        case .navMove: "Move the navigation menu item with this label to a 0-based position."
        case .setFrontMatter: "Set a front matter field (title, description, date, draft, weight, …) of a content file."
        case .askUser: "Ask the user one clarifying question (with options when there are clear choices) and stop."
        case .revertToVersion: "Undo: make the next version take the source of an earlier version number, and stop."
        case .reportUnsupported: "Stop because the request cannot be done on a static site; explain why."
        }
    }

    /// The JSON schema of the tool's arguments.
    var parameters: JSONValue {
        switch self {
        case .listFiles: Self.schema(optional: ["prefix": "string"])
        case .readFile, .deleteFile: Self.schema(["path": "string"])
        case .writeFile: Self.schema(["path": "string", "content": "string"])
        case .replaceInFile: Self.schema(["path": "string", "search": "string", "replace": "string"], optional: ["all": "boolean"])
        case .compileSite: Self.schema()
        case .setSiteField: Self.schema(["key": "string", "value": "string"])
        case .setToken: Self.schema(["name": "string", "value": "string"])
        case .navAdd: Self.schema(["label": "string", "url": "string"], optional: ["position": "integer"])
        case .navRemove: Self.schema(["label": "string"])
        case .navMove: Self.schema(["label": "string", "position": "integer"])
        case .setFrontMatter: Self.schema(["path": "string", "key": "string", "value": "string"])
        case .askUser: Self.schema(["question": "string"], optional: ["options": "array"])
        case .revertToVersion: Self.schema(["version": "integer"])
        case .reportUnsupported: Self.schema(["reason": "string"])
        }
    }

    /// The OpenAI `tools` entry for this tool.
    var definition: JSONValue {
        .object([
            "type": .string("function"),
            "function": .object([
                "name": .string(rawValue), "description": .string(summary), "parameters": parameters,
            ]),
        ])
    }

    private static func schema(_ required: [String: String] = [:], optional: [String: String] = [:]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for (name, type) in required.merging(optional, uniquingKeysWith: { first, _ in first }) {
            var property: [String: JSONValue] = ["type": .string(type)]
            if type == "array" { property["items"] = .object(["type": .string("string")]) }
            properties[name] = .object(property)
        }
        return .object([
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(required.keys.sorted().map(JSONValue.string)),
        ])
    }
}
