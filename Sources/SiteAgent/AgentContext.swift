package import Foundation
package import SiteCompiler

/// Everything an agent backend needs to handle one build request.
package struct AgentContext: Sendable {
    /// The user's request, as typed.
    package var message: String
    /// The question asked earlier, when the request resumes after `needs_input`.
    package var question: AgentQuestion?
    /// The user's answer to ``question``.
    package var answer: String?
    /// The base version's source.
    package var source: SiteFiles
    /// The version ``source`` came from, if any.
    package var baseVersion: Int?
    /// The site's stored versions, in any order.
    package var versions: [AgentVersionInfo]
    /// Names of the themes the site may switch to.
    package var installedThemes: [String]
    /// The current time (injected so that dates in new content are deterministic).
    package var now: Date
    /// The site owner's time zone, for dates such as a new post's `date:`.
    package var timeZone: TimeZone

    /// Creates a context.
    package init(
        message: String,
        question: AgentQuestion? = nil,
        answer: String? = nil,
        source: SiteFiles,
        baseVersion: Int? = nil,
        versions: [AgentVersionInfo] = [],
        installedThemes: [String] = [],
        now: Date = Date(),
        timeZone: TimeZone = .current
    ) {
        self.message = message
        self.question = question
        self.answer = answer
        self.source = source
        self.baseVersion = baseVersion
        self.versions = versions
        self.installedThemes = installedThemes
        self.now = now
        self.timeZone = timeZone
    }
}
