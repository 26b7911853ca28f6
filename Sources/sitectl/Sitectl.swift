import ArgumentParser
import Foundation
import SiteAPI
import SiteClient

/// The `sitectl` command tree (see CLI.md). Commands parse, call a library, and format output.
@main
struct Sitectl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitectl",
        abstract: "Terminal-first platform for AI-assisted static websites.",
        discussion: """
            Ask for a change in plain language with `sitectl chat SITE "..."`; the daemon runs an agent over the site's
            source, compiles it, checks it and stores an immutable version you can preview, deploy and roll back.
            Start the daemon with `sitectl daemon start --wait`.
            """,
        version: SitectlVersion.current,
        subcommands: [
            DaemonCommand.self, RegisterCommand.self, LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, AuthCommand.self,
            ContextCommand.self, SitesCommand.self, AgentsCommand.self, ChatCommand.self, RequestsCommand.self, JobsCommand.self, VersionsCommand.self,
            BuildCommand.self, ServeCommand.self, ThemesCommand.self, TUICommand.self, DoctorCommand.self, VersionCommand.self, EnvironmentCommand.self, CompletionCommand.self,
        ])

    static func main() async {
        // A closed pipe (`sitectl … | head`) shows up as EPIPE, which Terminal treats as the end of the output;
        // without this the default action kills the process mid-write.
        signal(SIGPIPE, SIG_IGN)
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            // Shell completion (`sitectl ---completion …` from the generated scripts) is parsed as it comes.
            let prepared = arguments.first == "---completion"
                ? arguments : GlobalArguments.protectingTexts(GlobalArguments.hoisted(arguments, root: Sitectl.self))
            var command = try parseAsRoot(prepared)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ClientError {
            Terminal.printError(error)
            Foundation.exit(error.exitCode)
        } catch let exitCode as ExitCode {
            Foundation.exit(exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
