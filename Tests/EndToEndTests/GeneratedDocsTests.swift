import Foundation
import Testing

/// Man pages and completions are generated from the command tree; the committed copies must match it.
@Suite(.tags(.endToEnd)) struct GeneratedDocsTests {
    @Test func manPagesAndCompletionsMatchTheCommandTree() throws {
        let output = URL(fileURLWithPath: "/tmp").appendingPathComponent("sitectl-docs-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: output) }
        let root = Harness.repositoryRoot
        let result = try Harness.exec(
            "/usr/bin/env", ["python3", root.appendingPathComponent("scripts/gen-docs").path, Harness.binary.path, output.path],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["man", "completions"] {
            let generated = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path).sorted()
            let committed = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
            #expect(generated == committed, "\(folder)/ is out of date: run scripts/gen-docs")
            for name in generated {
                let a = try Data(contentsOf: output.appendingPathComponent(folder).appendingPathComponent(name))
                let b = try? Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
                #expect(a == b, "\(folder)/\(name) is out of date: run scripts/gen-docs")
            }
        }
    }

    @Test func completionCommandPrintsTheScript() throws {
        let harness = try Harness()
        defer { try? FileManager.default.removeItem(at: harness.work) }
        let bash = try harness.run(["completion", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("_sitectl"))
        #expect(try harness.run(["completion", "powershell"]).status == 64)
    }
}
