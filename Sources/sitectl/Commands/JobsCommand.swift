import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Jobs in the queue: list, show, follow logs, wait, cancel.",
        subcommands: [List.self, Show.self, Logs.self, Wait.self, Cancel.self, Retry.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this site's jobs.") var site: String?
        @Option(help: "Only jobs in this state (queued, running, succeeded, failed, cancelled).") var state: String?
        @Option(help: "At most this many.") var limit = 50
        @Flag(name: [.customShort("w"), .customLong("watch")], help: "After the list, print each job again when its state changes (Ctrl-C stops).")
        var watch = false

        static var header: [String] {
            ["ID", "SITE", "STATE", "REQUEST", "VERSION", "ATTEMPTS", "CREATED"] + (Output.style.wide ? ["FINISHED", "ERROR"] : [])
        }
        static func row(_ job: Job) -> [String] {
            [String(job.id), job.site, job.state.rawValue, job.requestId.map(String.init) ?? "-",
             job.version.map { "v\($0)" } ?? "-", String(job.attempts), Output.time(job.createdAt)]
                + (Output.style.wide ? [job.finishedAt.map(APIJSON.formatDate) ?? "-", job.error ?? "-"] : [])
        }

        func run() async throws {
            let state = try self.state.map { try Output.choice($0, as: JobState.self, option: "--state") }
            let client = try global.client()
            let jobs = try await client.jobs(site: site, state: state, limit: limit)
            guard watch else {
                try Output.emit(jobs, format: global.format, names: { jobs.map { String($0.id) } }) {
                    Output.table(Self.header, jobs.map(Self.row))
                }
                return
            }
            // Watching (kubectl get -w): the list, then one line per change; JSON as one object per line.
            let ndjson = global.format == .json
            func emit(_ job: Job) throws {
                switch global.format {
                case .json: Terminal.exact(String(decoding: try APIJSON.encoder().encode(job), as: UTF8.self))
                case .name: Terminal.out(String(job.id))
                default: Terminal.out(Self.row(job).joined(separator: "   "))
                }
            }
            if ndjson || global.format == .name {
                for job in jobs.reversed() { try emit(job) }
            } else {
                Output.table(Self.header, jobs.map(Self.row))
            }
            for try await event in client.events(site: site) where event.kind == .jobState {
                guard let id = event.jobId, let job = try? await client.job(id) else { continue }
                if let state, job.state != state { continue }
                try emit(job)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.", completion: NameCompletion.jobs) var id: Int64

        func run() async throws {
            let job = try await global.client().job(id)
            try Output.emit(job, format: global.format, names: { [String(job.id)] }) {
                Output.table(
                    ["FIELD", "VALUE"],
                    [["id", String(job.id)], ["site", job.site], ["state", job.state.rawValue], ["kind", job.kind],
                     ["request", job.requestId.map(String.init) ?? "-"], ["version", job.version.map { "v\($0)" } ?? "-"],
                     ["attempts", String(job.attempts)], ["error", job.error ?? "-"],
                     ["created", APIJSON.formatDate(job.createdAt)], ["started", job.startedAt.map(APIJSON.formatDate) ?? "-"],
                     ["finished", job.finishedAt.map(APIJSON.formatDate) ?? "-"]])
            }
        }
    }

    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a job's log; -f follows it live until the job ends.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.", completion: NameCompletion.jobs) var id: Int64
        @Flag(name: .shortAndLong, help: "Follow the log until the job ends (Ctrl-C stops following, not the job).") var follow = false
        @Option(help: "Only the last N lines (before following).") var tail: Int?
        @Flag(help: "Prefix each line with its time.") var timestamps = false
        @Flag(help: "Exit with the job's outcome: 0 succeeded, 1 failed, 2 cancelled.") var exitStatus = false

        func run() async throws {
            let client = try global.client()
            var after = 0
            if let tail {
                let all = try await client.jobLogs(id)
                after = max(0, (all.last?.seq ?? 0) - tail)
            }
            let emit: (LogLine) -> Void = { line in
                if global.format == .json {
                    Terminal.exact((try? String(decoding: APIJSON.encoder().encode(line), as: UTF8.self)) ?? "")
                } else if global.format == .yaml {
                    // A stream of YAML documents, one per line of the log.
                    Terminal.exact("---\n" + ((try? Output.yaml(line)) ?? "").trimmingCharacters(in: .newlines))
                } else {
                    Terminal.out((timestamps ? APIJSON.formatDate(line.time) + " " : "") + (line.level == "info" ? "" : "\(line.level): ") + line.message)
                }
            }
            if follow {
                for try await line in client.followJobLogs(id, after: after) { emit(line) }
            } else {
                for line in try await client.jobLogs(id, after: after) { emit(line) }
            }
            if exitStatus {
                let job = try await client.job(id)
                switch job.state {
                case .succeeded: return
                case .cancelled: throw ExitCode(ClientError.Exit.cancelled)
                default: throw ExitCode(ClientError.Exit.failure)
                }
            }
        }
    }

    struct Wait: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Wait for a job to end: exit 0 succeeded, 1 failed, 124 timeout.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.", completion: NameCompletion.jobs) var id: Int64
        @Option(help: "Seconds to wait.") var timeout: Double = 600

        func run() async throws {
            let client = try global.client()
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let job = try await client.job(id)
                switch job.state {
                case .succeeded: return
                case .failed: throw ClientError("Job \(id) failed: \(job.error ?? "see its log").", hint: "sitectl jobs logs \(id)")
                case .cancelled: throw ExitCode(ClientError.Exit.cancelled)
                case .queued, .running: try await Task.sleep(for: .milliseconds(200))
                }
            }
            throw ClientError("Job \(id) did not finish within \(Int(timeout))s.", exitCode: ClientError.Exit.timeout)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a queued or running job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.", completion: NameCompletion.jobs) var id: Int64

        func run() async throws {
            guard try Terminal.confirm("Cancel job \(id)?", options: global, command: "sitectl jobs cancel \(id)") else {
                throw ExitCode(ClientError.Exit.cancelled)
            }
            let job = try await global.client().cancelJob(id)
            if !global.quiet { Terminal.err("Job \(id): \(job.state.rawValue)\(job.state == .running ? " (cancel requested: the job stops within a second unless it is already storing its version; check with sitectl jobs show \(id))" : "").") }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a failed or cancelled job's request again (a new request with the same message).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.", completion: NameCompletion.jobs) var id: Int64
        @Flag(help: "Wait and stream the new job's log.") var follow = false
        @Flag(help: "Wait for the new job to finish.") var wait = false

        func run() async throws {
            let client = try global.client()
            let job = try await client.job(id)
            switch job.state {
            case .failed, .cancelled: break
            case .succeeded:
                throw ClientError("Job \(id) succeeded (\(job.site)@\(job.version.map(String.init) ?? "?")); there is nothing to retry.",
                    hint: "To make the change again, chat again: sitectl chat \(job.site) \"…\"", exitCode: ClientError.Exit.usage)
            case .queued, .running:
                throw ClientError("Job \(id) is \(job.state.rawValue); it has not failed.", hint: "sitectl jobs logs \(id) -f",
                    exitCode: ClientError.Exit.usage)
            }
            guard let requestID = job.requestId else {
                throw ClientError("Job \(id) was not made by a chat request, so it cannot be sent again.", exitCode: ClientError.Exit.usage)
            }
            let original = try await client.request(requestID)
            let request = try await client.chat(site: job.site, message: original.message)
            if !global.quiet { Terminal.err("Retrying job \(id) as request \(request.id).") }
            try await RequestFlow(client: client, global: global, wait: wait || follow, follow: follow).drive(request)
        }
    }
}
