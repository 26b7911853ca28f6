/// One kind of request the embedded agent understands ("add X to the menu", "make the header blue", …).
///
/// Intents are tried in order; the first that recognises the request decides it.
protocol RequestIntent: Sendable {
    /// The decision for `request`, or nil when the request is not of this kind.
    func resolve(_ request: AgentRequest) throws -> Resolution?
}

/// An intent whose refusals ("the Features section has no “intro”", "no such colour setting") are only a
/// first opinion: later intents may still understand the request as an edit of another kind (a slot named
/// another way). When none does, the first refusal is the reply, since it is the most specific.
protocol DefersRefusals: RequestIntent {}
