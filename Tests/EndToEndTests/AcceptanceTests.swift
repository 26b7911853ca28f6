import Foundation
import Testing

/// Issue #2's acceptance, exactly as written, through `scripts/acceptance.sh` against the real binary.
@Suite(.tags(.endToEnd), .serialized) struct AcceptanceTests {
    @Test func acceptanceScriptPasses() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        var env = harness.environment
        env["ACCEPT_PORT"] = String(Harness.freePort())
        let script = Harness.repositoryRoot.appendingPathComponent("scripts/acceptance.sh").path
        let result = try Harness.exec("/bin/bash", [script, Harness.binary.path], environment: env, timeout: 900)
        #expect(result.status == 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
        #expect(result.stdout.contains("ACCEPTANCE PASSED"))
    }
}
