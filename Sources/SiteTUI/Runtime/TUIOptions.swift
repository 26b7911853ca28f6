/// How `sitectl tui` was started.
public struct TUIOptions: Sendable {
    /// Disable every mutating key (chat, answer, deploy, rollback); they show a message instead.
    public var readonly: Bool
    /// No colour attributes at all (`--color never`, `NO_COLOR`). `runTUI` also honours `NO_COLOR` by itself.
    public var noColor: Bool
    /// Do not enable mouse reporting (clicks and the wheel), leaving the mouse to the terminal's own selection.
    public var noMouse: Bool
    /// The context shown in the header.
    public var contextName: String
    /// The daemon address shown in the header.
    public var host: String
    /// Every reconnect costs an `ssh` process: retry at most once a second.
    public var overSSH = false

    public init(readonly: Bool = false, noColor: Bool = false, noMouse: Bool = false, contextName: String = "local",
                host: String = "") {
        self.readonly = readonly
        self.noColor = noColor
        self.noMouse = noMouse
        self.contextName = contextName
        self.host = host
    }
}
