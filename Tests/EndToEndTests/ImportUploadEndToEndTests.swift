import Foundation
import Testing

/// Issue 8, attack-run findings on streamed uploads that need a real socket: a third upload from one account is
/// refused while two arrive slowly; an upload cut short is a 400; a kill mid-upload leaves no scratch file behind.
@Suite(.tags(.endToEnd)) struct ImportUploadEndToEndTests {
    @Test func slowUploadsAreCappedPerAccountCutShortOnesAre400AndAKillLeavesNoScratch() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        let credentials = try String(contentsOf: harness.work.appendingPathComponent("config/credentials.yaml"), encoding: .utf8)
        let token = try #require(credentials.split(separator: "\n").first { $0.contains("access_token:") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))))
        let socketPath = harness.work.appendingPathComponent("run/sitectl/sitectl.sock").path
        let work = harness.work.appendingPathComponent("data/work").path
        let script = """
            import os, socket, sys, time
            path, token, work = sys.argv[1], sys.argv[2], sys.argv[3]
            def spooled():
                return len([f for f in os.listdir(work) if f.startswith("import-")]) if os.path.isdir(work) else 0
            def start(name):
                s = socket.socket(socket.AF_UNIX); s.settimeout(20); s.connect(path)
                s.sendall(("POST /v1/sites?name=%s HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer %s\\r\\n"
                           "Content-Type: application/x-tar\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n" % (name, token)).encode())
                s.sendall(b"3e8\\r\\n" + b"a" * 1000 + b"\\r\\n")
                return s
            def status(s):
                data = b""
                while b"\\r\\n" not in data:
                    chunk = s.recv(4096)
                    if not chunk: break
                    data += chunk
                return data.split(b" ")[1].decode() if data else "closed"
            slow = [start("slow1"), start("slow2")]
            for _ in range(100):
                if spooled() == 2: break
                time.sleep(0.1)
            print("spooling", spooled())
            print("third", status(start("slow3")))
            cut = slow[0]
            cut.shutdown(socket.SHUT_WR)
            print("cut", status(cut))
            sys.stdout.flush()
            time.sleep(30)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", script, socketPath, token, work]
        let output = Pipe()
        python.standardOutput = output
        try python.run()
        defer { python.terminate() }
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        // Until the "cut" line is complete (its status can arrive in a later read than its label).
        while !(text.range(of: "cut ").map { text[$0.upperBound...].contains("\n") } ?? false), Date() < deadline {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("spooling 2"), "\(text)")
        #expect(lines.contains("third 429"), "\(text)")
        #expect(lines.contains("cut 400"), "\(text)")
        // One upload is still arriving: a kill -9 now leaves its scratch file, which the next start removes.
        let status = try JSONSerialization.jsonObject(with: Data(try harness.run(["daemon", "status", "-o", "json"]).stdout.utf8)) as? [String: Any]
        let pid = pid_t(try #require(status?["pid"] as? Int))
        kill(pid, SIGKILL)
        #expect(Harness.eventually { kill(pid, 0) != 0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).contains { $0.hasPrefix("import-") })
        try harness.startDaemon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).allSatisfy { !$0.hasPrefix("import-") })
    }
}
