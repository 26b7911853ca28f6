import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "Build requests made with chat: list, show, answer, cancel.",
        subcommands: [List.self, Show.self, Answer.self, Cancel.self], aliases: ["req"])

    static func table(_ requests: [BuildRequest]) {
        Output.table(
            ["ID", "SITE", "STATE", "JOB", "VERSION", "CREATED", "MESSAGE"],
            requests.map {
                [String($0.id), $0.site, $0.state.rawValue, $0.jobId.map(String.init) ?? "-", $0.version.map { "v\($0)" } ?? "-",
                 Output.time($0.createdAt), Output.cell($0.message)]
            })
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List build requests.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this site's requests.") var site: String?
        @Option(help: "Only requests in this state (needs_input, queued, running, done, failed, …).") var state: String?
        @Option(help: "At most this many.") var limit = 50

        func run() async throws {
            let parsed = try state.map {
                try Output.choice($0 == "awaiting-input" ? "needs_input" : $0.replacingOccurrences(of: "-", with: "_"),
                    as: RequestState.self, option: "--state")
            }
            let items = try await global.client().requests(site: site, state: parsed, limit: limit)
            try Output.emit(items, format: global.format, names: { items.map { String($0.id) } }) { RequestsCommand.table(items) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a request, with its pending question if any.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request ID.", completion: NameCompletion.requests) var id: Int64

        func run() async throws {
            let request = try await global.client().request(id)
            try Output.emit(request, format: global.format, names: { [String(request.id)] }) {
                var rows = [["id", String(request.id)], ["site", request.site], ["state", request.state.rawValue],
                            ["message", request.message], ["job", request.jobId.map(String.init) ?? "-"],
                            ["version", request.version.map { "v\($0)" } ?? "-"]]
                if let question = request.question, request.state == .needsInput {
                    rows.append(["question", question.text])
                    for (i, option) in question.options.enumerated() { rows.append(["  option \(i + 1)", option]) }
                }
                if let answer = request.answer { rows.append(["answer", answer]) }
                if let reply = request.reply { rows.append(["reply", reply.replacingOccurrences(of: "\n", with: " ")]) }
                Output.table(["FIELD", "VALUE"], rows)
            }
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Answer a request's clarifying question; the request resumes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request ID.", completion: NameCompletion.requests) var id: Int64
        @Argument(help: "Your answer (an option's text or number, or free text).") var answer: [String] = []
        @Option(name: .customLong("answer"), help: "The answer, as an option (same as the argument; repeatable for follow-up questions).")
        var answerOption: [String] = []
        @Flag(help: "Wait for the job to finish.") var wait = false
        @Flag(help: "Wait and stream the job's log.") var follow = false

        func run() async throws {
            let client = try global.client()
            var followUps = answerOption
            var text = answer.joined(separator: " ")
            if !text.isEmpty, !followUps.isEmpty {
                throw ClientError("Give the answer once: as the argument or with --answer, not both.",
                    hint: "sitectl requests answer \(id) --answer \"…\"", exitCode: ClientError.Exit.usage)
            }
            if text.isEmpty, !followUps.isEmpty { text = followUps.removeFirst() }
            if text.isEmpty {
                let request = try await client.request(id)
                guard global.canPrompt, let question = request.question else {
                    throw ClientError("No answer given.", hint: "sitectl requests answer \(id) \"…\"", exitCode: ClientError.Exit.usage)
                }
                Terminal.err("? \(question.text)")
                for (index, option) in question.options.enumerated() { Terminal.err("  \(index + 1). \(option)") }
                text = Terminal.ask("> ") ?? ""
            }
            let request = try await client.answer(id, answer: text)
            var flow = RequestFlow(client: client, global: global, wait: wait || follow, follow: follow)
            flow.answers = followUps
            try await flow.drive(request)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a request that has not finished.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Request ID.", completion: NameCompletion.requests) var id: Int64

        func run() async throws {
            guard try Terminal.confirm("Cancel request \(id)?", options: global, command: "sitectl requests cancel \(id)") else {
                throw ExitCode(ClientError.Exit.cancelled)
            }
            let request = try await global.client().cancelRequest(id)
            if !global.quiet { Terminal.err("Request \(id) is \(request.state.rawValue).") }
        }
    }
}
