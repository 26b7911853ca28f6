import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Jobs in the queue: list, show, follow logs, wait, cancel.",
        subcommands: [List.self, Show.self, Logs.self, Wait.self, Cancel.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this site's jobs.") var site: String?
        @Option(help: "Only jobs in this state (queued, running, succeeded, failed, cancelled).") var state: String?
        @Option(help: "At most this many.") var limit = 50

        func run() async throws {
            let state = try self.state.map { try Output.choice($0, as: JobState.self, option: "--state") }
            let jobs = try await global.client().jobs(site: site, state: state, limit: limit)
            try Output.emit(jobs, format: global.format, names: { jobs.map { String($0.id) } }) {
                Output.table(
                    ["ID", "SITE", "STATE", "REQUEST", "VERSION", "ATTEMPTS", "CREATED"],
                    jobs.map {
                        [String($0.id), $0.site, $0.state.rawValue, $0.requestId.map(String.init) ?? "-",
                         $0.version.map { "v\($0)" } ?? "-", String($0.attempts), Output.time($0.createdAt)]
                    })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ID.") var id: Int64

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
        @Argument(help: "Job ID.") var id: Int64
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
        @Argument(help: "Job ID.") var id: Int64
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
        @Argument(help: "Job ID.") var id: Int64

        func run() async throws {
            guard try Terminal.confirm("Cancel job \(id)?", options: global, command: "sitectl jobs cancel \(id)") else {
                throw ExitCode(ClientError.Exit.cancelled)
            }
            let job = try await global.client().cancelJob(id)
            if !global.quiet { Terminal.err("Job \(id): \(job.state.rawValue)\(job.state == .running ? " (cancel requested: the job stops within a second unless it is already storing its version; check with sitectl jobs show \(id))" : "").") }
        }
    }
}

