package import SiteAPI

/// One site's chat pane: the transcript, the input line and the requests and jobs it follows.
package struct ChatSession: Equatable, Sendable {
    package var site: String
    package var entries: [ChatEntry] = []
    /// The input line: what the user is typing, the cursor and the lines sent before.
    package var editor = LineEditor()
    /// What the user is typing.
    package var input: String { editor.text }
    /// The latest known state of the request this pane is following (the last one sent).
    package var activeRequest: BuildRequest?
    /// A chat or answer call is in flight; Enter waits for it.
    package var isSending = false
    /// How many transcript lines the view is scrolled up from the bottom.
    package var scrollBack = 0
    /// The site's earlier requests were asked for / have arrived (once per session).
    package var historyRequested = false
    package var historyLoaded = false

    private var requestIDs: Set<Int64> = []
    private var jobIDs: Set<Int64> = []
    private var lastLogSeq: [Int64: Int] = [:]
    private var shownStates: [Int64: RequestState] = [:]
    private var shownQuestions: [Int64: Question] = [:]

    package init(site: String) { self.site = site }

    /// The question waiting for an answer, if the active request needs input.
    package var pendingQuestion: Question? {
        guard let request = activeRequest, request.state == .needsInput else { return nil }
        return request.question ?? Question(text: "The system needs more detail.", options: [])
    }

    /// Whether the active request is still being worked on.
    package var isBusy: Bool {
        guard let request = activeRequest else { return isSending }
        return isSending || (!request.state.isTerminal && request.state != .needsInput)
    }

    /// Whether this pane follows the request or job an event refers to.
    package func follows(requestID: Int64?, jobID: Int64?) -> Bool {
        if let requestID, requestIDs.contains(requestID) { return true }
        if let jobID, jobIDs.contains(jobID) { return true }
        return false
    }

    /// Puts the site's earlier requests (newest first, as listed) before anything already in the transcript, each
    /// as its message, question, answer and reply. The newest request still open becomes the active one, so a
    /// question asked through `sitectl chat --no-input` can be answered here.
    package mutating func loadHistory(_ requests: [BuildRequest]) {
        historyLoaded = true
        var earlier: [ChatEntry] = []
        for request in requests.sorted(by: { $0.id < $1.id }) where !requestIDs.contains(request.id) {
            requestIDs.insert(request.id)
            if let job = request.jobId { jobIDs.insert(job) }
            shownStates[request.id] = request.state
            if request.state == .needsInput { shownQuestions[request.id] = request.question }
            earlier.append(.message(request.message))
            if let question = request.question { earlier.append(.question(question)) }
            if let answer = request.answer { earlier.append(.answer(answer)) }
            if let entry = Self.stateEntry(request) { earlier.append(entry) }
        }
        entries = earlier + entries
        let open = requests.filter { !$0.state.isTerminal }.max { $0.id < $1.id }
        if let candidate = open ?? requests.max(by: { $0.id < $1.id }), candidate.id >= (activeRequest?.id ?? 0) {
            activeRequest = candidate
        }
    }

    /// Records the latest state of a request and adds what changed to the transcript.
    package mutating func update(_ request: BuildRequest) {
        // A request sent from elsewhere (the CLI, another TUI) while this chat is open: show what was asked.
        if !requestIDs.contains(request.id), !isSending, historyLoaded {
            entries.append(.message(request.message))
        }
        requestIDs.insert(request.id)
        if let job = request.jobId { jobIDs.insert(job) }
        if request.id >= (activeRequest?.id ?? 0) {
            activeRequest = request
        }
        // The same state again with another question: the agent did not understand the answer and asks anew.
        if request.state == .needsInput, shownStates[request.id] == .needsInput, let question = request.question,
            shownQuestions[request.id] != question
        {
            shownQuestions[request.id] = question
            entries.append(.question(question))
            return
        }
        guard shownStates[request.id] != request.state else { return }
        if let question = request.question, request.state == .needsInput { shownQuestions[request.id] = question }
        shownStates[request.id] = request.state
        if request.state == .needsInput {
            entries.append(.question(request.question ?? Question(text: "The system needs more detail.", options: [])))
        } else if let entry = Self.stateEntry(request) {
            entries.append(entry)
        }
    }

    /// The transcript line for a request that is queued, running or finished; nil while it waits for an answer.
    private static func stateEntry(_ request: BuildRequest) -> ChatEntry? {
        switch request.state {
        case .needsInput: nil
        case .queued: .progress("request #\(request.id) queued")
        case .running: .progress(request.jobId.map { "job #\($0) running" } ?? "request #\(request.id) running")
        case .done, .failed, .cancelled, .noChange, .unsupported:
            .reply(request.reply ?? defaultReply(request.state), state: request.state, version: request.version)
        }
    }

    /// The user answered request `id`: whatever it asks next is shown, even the same question again.
    package mutating func noteAnswered(_ id: Int64) {
        shownQuestions[id] = nil
        shownStates[id] = nil
    }

    /// Transcript entries kept; the oldest go first (a chat open for days of builds stays light).
    package static let entryLimit = 5_000

    /// Appends a job log line once, adopting the job when it belongs to the active request.
    package mutating func appendLog(_ line: LogLine, requestID: Int64?) {
        if !jobIDs.contains(line.jobId) {
            guard owns(requestID: requestID) else { return }
            jobIDs.insert(line.jobId)
        }
        if let last = lastLogSeq[line.jobId], line.seq <= last { return }
        lastLogSeq[line.jobId] = line.seq
        entries.append(.log(line))
        if entries.count > Self.entryLimit { entries.removeFirst(entries.count - Self.entryLimit) }
    }

    /// Whether a log line of an unknown job belongs here: it names one of our requests, or our request has no job
    /// yet (the chat reply may still be on its way when the job starts).
    private func owns(requestID: Int64?) -> Bool {
        if let requestID, requestIDs.contains(requestID) { return true }
        if isSending { return true }
        guard let active = activeRequest, active.jobId == nil, !active.state.isTerminal else { return false }
        return requestID == nil || requestID == active.id
    }

    /// Starts following a job, e.g. from a `job.state` event that names the active request.
    package mutating func follow(jobID: Int64) { jobIDs.insert(jobID) }

    private static func defaultReply(_ state: RequestState) -> String {
        switch state {
        case .done: "Done."
        case .failed: "The build failed."
        case .cancelled: "The request was cancelled."
        case .noChange: "Nothing to change."
        case .unsupported: "That is outside what a static site can do."
        case .needsInput, .queued, .running: ""
        }
    }
}
