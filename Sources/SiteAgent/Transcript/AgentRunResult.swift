/// What one run produced: the outcome the worker acts on, and the transcript it stores with the version.
package struct AgentRunResult: Sendable {
    /// What to do with the site.
    package var outcome: AgentOutcome
    /// What the agent was asked and did.
    package var transcript: AgentTranscript

    /// A result.
    package init(outcome: AgentOutcome, transcript: AgentTranscript) {
        self.outcome = outcome
        self.transcript = transcript
    }
}
