package import SiteAPI

/// One item of a site's chat transcript, in the order it happened.
package enum ChatEntry: Equatable, Sendable {
    /// A message the user sent.
    case message(String)
    /// The user's answer to a clarifying question.
    case answer(String)
    /// A clarifying question from the system, with its suggested options.
    case question(Question)
    /// The system's final reply for a request, with the state it ended in and the version it made.
    case reply(String, state: RequestState, version: Int?)
    /// Progress such as "request #3 queued" or "job #7 running".
    case progress(String)
    /// A line of the running job's log.
    case log(LogLine)
    /// Something went wrong talking to the daemon.
    case error(String)
}
