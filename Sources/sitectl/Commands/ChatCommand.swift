import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Ask for a change to a site in plain language.",
        discussion: """
            The daemon may ask one clarifying question: on a terminal you answer it here, or give the answer ahead with
            --answer TEXT (an option's text or number). With --no-input (or without a terminal) and no --answer, the
            command exits 3 and prints the request as JSON (as `requests show -o json`, its question under "question");
            answer later with `sitectl requests answer ID TEXT`. On a terminal, `sitectl chat SITE` without a message
            opens a line-by-line chat (Ctrl-D or "exit" ends it).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String
    @Argument(help: "What to change (quote it).") var message: [String] = []
    @Option(help: "Read the message from a file ('-' for stdin).") var file: String?
    @Flag(help: "Wait for the job to finish and print the result.") var wait = false
    @Flag(help: "Wait and stream the job's log while it runs.") var follow = false
    @Option(help: "The answer to a clarifying question, if one is asked (repeatable: one per question, in order).")
    var answer: [String] = []

    func run() async throws {
        var text = message.joined(separator: " ")
        if text.isEmpty, file == nil, global.canPrompt {
            return try await repl()
        }
        if let file {
            text = file == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : try String(contentsOfFile: file, encoding: .utf8)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ClientError("No message given.", hint: "sitectl chat \(site) \"set the site title to Acme\"", exitCode: ClientError.Exit.usage)
        }
        let client = try global.client()
        let request: BuildRequest
        do {
            request = try await client.chat(site: site, message: text)
        } catch let error as ClientError where error.code == "connection_lost" {
            // Sending it again blindly could apply the change twice.
            throw ClientError(
                "The connection to the daemon broke while sending the request: it may have been accepted.",
                hint: "Check before sending it again: sitectl requests list --site \(site)", exitCode: error.exitCode)
        }
        var flow = RequestFlow(client: client, global: global, wait: wait || follow, follow: follow)
        flow.answers = answer
        try await flow.drive(request)
    }

    /// `sitectl chat SITE` on a terminal: one request per line, each waited for, until Ctrl-D or "exit".
    func repl() async throws {
        let client = try global.client()
        _ = try await client.site(site)
        Terminal.err("Chat with \(site) (context \(client.contextName)). One request per line; Ctrl-D or \"exit\" ends.")
        while let line = Terminal.ask("\(site)> ") {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            if ["exit", "quit", ":q"].contains(text.lowercased()) { break }
            do {
                let request = try await client.chat(site: site, message: text)
                try await RequestFlow(client: client, global: global, wait: true, follow: follow).drive(request)
            } catch let error as ClientError {
                Terminal.printError(error)
                if error.exitCode == ClientError.Exit.unreachable || error.exitCode == ClientError.Exit.auth { throw ExitCode(error.exitCode) }
            } catch let exit as ExitCode where exit.rawValue == ClientError.Exit.inputRequired || exit.rawValue == ClientError.Exit.failure {
                continue
            }
        }
        Terminal.err("")
    }
}

/// What happens after a request is made or answered: ask, wait, follow, report — shared by `chat` and `requests answer`.
struct RequestFlow {
    let client: APIClient
    let global: GlobalOptions
    let wait: Bool
    let follow: Bool
    /// Answers given ahead (`--answer`), used for the questions in order.
    var answers: [String] = []

    func drive(_ initial: BuildRequest) async throws {
        var request = initial
        var answers = self.answers
        while true {
            switch request.state {
            case .needsInput:
                let question = request.question ?? Question(text: request.reply ?? "More input is needed.", options: [])
                if !answers.isEmpty {
                    let given = answers.removeFirst()
                    if !global.quiet { Terminal.err("? \(question.text)  → \(given)") }
                    request = try await client.answer(request.id, answer: given)
                    continue
                }
                guard global.canPrompt else {
                    // The request itself, as `requests show -o json` prints it: one shape for a question.
                    Terminal.exact(try Output.json(request))
                    Terminal.err("Input required: \(question.text)")
                    Terminal.err("Hint: sitectl requests answer \(request.id) \"…\"   (or run chat again with --answer \"…\")")
                    throw ExitCode(ClientError.Exit.inputRequired)
                }
                Terminal.err("? \(question.text)")
                for (index, option) in question.options.enumerated() { Terminal.err("  \(index + 1). \(option)") }
                guard let answer = Terminal.ask("> "), !answer.trimmingCharacters(in: .whitespaces).isEmpty else {
                    Terminal.err("No answer; the request waits. Answer later with: sitectl requests answer \(request.id) \"…\"")
                    throw ExitCode(ClientError.Exit.inputRequired)
                }
                request = try await client.answer(request.id, answer: answer)
            case .queued, .running:
                guard wait, let jobID = request.jobId else {
                    report(request)
                    if let jobID = request.jobId, !global.quiet { Terminal.err("Follow it with: sitectl jobs logs \(jobID) -f") }
                    return
                }
                do {
                    let progress = !follow && !global.quiet && isatty(STDERR_FILENO) == 1
                    var shown = false
                    var lastDraw = Date.distantPast
                    for try await line in client.followJobLogs(jobID) {
                        if follow {
                            Terminal.err(line.message)
                        } else if progress, Date().timeIntervalSince(lastDraw) >= 0.1 {
                            // One line, redrawn at most 10 times a second, cleared when the job ends.
                            Terminal.status("… job \(jobID): \(line.message)")
                            lastDraw = Date()
                            shown = true
                        }
                    }
                    if shown { Terminal.status(nil) }
                    request = try await client.request(request.id)
                } catch let error as ClientError where error.exitCode == ClientError.Exit.auth || error.exitCode == ClientError.Exit.usage {
                    throw error
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    // The daemon went away mid-job (a restart, a crash): the request is durable and goes on there.
                    throw ClientError(
                        "Lost the connection to the daemon while waiting for request \(request.id); it is kept and continues when the daemon runs.",
                        hint: "Do not send it again; see where it is: sitectl requests show \(request.id)", exitCode: ClientError.Exit.unreachable)
                }
                if request.state == .queued || request.state == .running {
                    try await Task.sleep(for: .milliseconds(100))
                }
            case .done, .noChange:
                if !answers.isEmpty { Terminal.err("Note: no question was asked for these answers: \(answers.joined(separator: ", "))") }
                report(request)
                return
            case .unsupported:
                throw ClientError(request.reply ?? "This request is not supported.", exitCode: ClientError.Exit.failure)
            case .failed:
                throw ClientError(request.reply ?? "The request failed.",
                    hint: request.jobId.map { "sitectl jobs logs \($0)" }, exitCode: ClientError.Exit.failure)
            case .cancelled:
                throw ClientError("Request \(request.id) was cancelled.", exitCode: ClientError.Exit.cancelled)
            }
        }
    }

    func report(_ request: BuildRequest) {
        do {
            try Output.emit(request, format: global.format, names: { [String(request.id)] }) {
                switch request.state {
                case .queued, .running:
                    Terminal.out("Request \(request.id) \(request.state.rawValue) as job \(request.jobId.map(String.init) ?? "-").")
                case .done:
                    Terminal.out(request.reply ?? "Done: \(request.site)@\(request.version.map(String.init) ?? "?").")
                default:
                    Terminal.out(request.reply ?? request.state.rawValue)
                }
            }
        } catch {
            Terminal.err("Error: \(error)")
        }
    }
}
