import SiteCompiler
import Yams

/// Messages that ask for nothing ("thanks", "hello", "never mind"): no change, a friendly reason.
struct SmallTalkIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let pattern = /(?i)^(?:thanks|thank you|thx|cheers|great|nice|cool|ok|okay|hello|hi|hey|good (?:morning|afternoon|evening)|never\s*mind|nothing|forget it|cancel|no changes?)[.!]*$/
        guard request.message.wholeMatch(of: pattern) != nil || request.message.isEmpty else { return nil }
        return .noChange("Nothing to change. Tell me what to do, for example “add a pricing page” or “make the header dark blue”.")
    }
}
