public import Foundation

/// Where the CLI keeps its files: `${SITECTL_CONFIG_DIR:-$XDG_CONFIG_HOME/sitectl}` (default `~/.config/sitectl`).
public struct ConfigDirectory: Sendable {
    public var url: URL

    public init(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let override, !override.isEmpty {
            url = URL(fileURLWithPath: override)
        } else if let dir = environment["SITECTL_CONFIG_DIR"], !dir.isEmpty {
            url = URL(fileURLWithPath: dir)
        } else if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            url = URL(fileURLWithPath: xdg).appendingPathComponent("sitectl")
        } else {
            url = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config/sitectl")
        }
    }

    public var credentialsFile: URL { url.appendingPathComponent("credentials.yaml") }
    public var configFile: URL { url.appendingPathComponent("config.yaml") }
}
