import Foundation
import Testing

/// Issue 9, item 6: a damaged blob is reported (by serving, the scrub and `sitectl doctor`) and repaired when a
/// rebuild from source reproduces it — against the real binary and a real data dir.
@Suite(.tags(.endToEnd)) struct DoctorEndToEndTests {
    /// Flips one byte of the blob that `path` of `site@number`'s output (or source) names; returns its digest.
    static func damage(_ data: String, site: String, number: Int, side: String, path: String, remove: Bool = false) throws -> String {
        let script = """
            import json, sqlite3, sys, os
            data, site, number, side, path, remove = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6] == "1"
            db = sqlite3.connect(os.path.join(data, "sitectl.db"))
            m = db.execute(f"SELECT {side}_manifest FROM versions JOIN sites ON sites.id = site_id WHERE name=? AND number=?", (site, number)).fetchone()[0]
            blob = lambda d: os.path.join(data, "blobs", d[:2], d[2:])
            d = [e for e in json.load(open(blob(m)))["entries"] if e["path"] == path][0]["digest"]
            if remove:
                os.remove(blob(d))
            else:
                b = bytearray(open(blob(d), "rb").read()); b[len(b) // 2] ^= 0x20
                open(blob(d), "wb").write(b)
            print(d)
            """
        let result = try Harness.exec(
            "/usr/bin/python3", ["-c", script, data, site, String(number), side, path, remove ? "1" : "0"], environment: [:])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aFlippedByteIsServedAs503LoggedReportedAndRepairedFromSource() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon(extra: ["--scrub-interval", "1s"])
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        #expect(try harness.get("blog.localhost").stdout.contains("200"))

        let healthy = try harness.run(["doctor", "--data-dir", harness.dataDir])
        #expect(healthy.status == 0, "\(healthy.stdout)\(healthy.stderr)")
        #expect(healthy.stdout.contains("✓ blobs"))

        let digest = try Self.damage(harness.dataDir, site: "blog", number: 1, side: "output", path: "index.html")
        // The page may still be served from memory (checked when it was read); the scrub finds the damage and drops
        // it there, and the next request reads the blob, fails its check, and gets a 503.
        #expect(try Harness.eventually { try harness.get("blog.localhost").stdout.contains("503") })
        // Serving and the scrub both write the digest to the daemon's log, where `daemon logs` reads.
        #expect(try Harness.eventually {
            let log = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir, "--tail", "0"]).stdout
            return log.contains("blob unreadable while serving") && log.contains("scrub: blob corrupt") && log.contains(digest)
        })

        let report = try harness.run(["doctor", "--data-dir", harness.dataDir])
        #expect(report.status == 1)
        #expect(report.stdout.contains("corrupt \(digest)  used by blog@1 output index.html"), "\(report.stdout)")
        #expect(report.stdout.contains("fix: sitectl doctor --fix"))
        let json = try harness.run(["doctor", "--data-dir", harness.dataDir, "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["healthy"] as? Bool == false)

        let fixed = try harness.run(["doctor", "--data-dir", harness.dataDir, "--fix"])
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(fixed.stdout.contains("repaired \(digest)"))
        #expect(try harness.get("blog.localhost").stdout.contains("200"))
        #expect(try harness.run(["doctor", "--data-dir", harness.dataDir]).status == 0)
    }

    @Test func aLostSourceFileCannotBeRebuiltAndDoctorSaysWhatToDo() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        let digest = try Self.damage(harness.dataDir, site: "blog", number: 1, side: "source", path: "site.yaml", remove: true)
        let fixed = try harness.run(["doctor", "--data-dir", harness.dataDir, "--fix"])
        #expect(fixed.status == 1)
        #expect(fixed.stdout.contains("missing \(digest)  used by blog@1 source site.yaml"), "\(fixed.stdout)")
        #expect(fixed.stdout.contains("restore the data dir's blobs/ from a backup"))
        // The job path says so too, in one line naming the blob, not a stack of NSError fields.
        let chat = try harness.run(["chat", "blog", "set the site title to Nope", "--wait"])
        #expect(chat.status != 0)
        #expect(chat.stderr.contains(digest) || chat.stdout.contains(digest), "\(chat.stdout)\(chat.stderr)")
    }

    @Test func doctorOnAnUnusedDataDirSaysSoAndSucceeds() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try harness.run(["doctor", "--data-dir", harness.work.appendingPathComponent("nothing-here").path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("does not exist: no daemon has run with it"))
    }
}

/// Issue 9, item 10: a full disk or a read-only blob store fails the request in one line naming the path, loses
/// nothing, and the next request after the operator's fix succeeds. Needs root to mount a small tmpfs (CI is root).
@Suite(.tags(.endToEnd)) struct FullDiskEndToEndTests {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? Harness.exec("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], environment: [:]))?.status == 0 else { return false }
        _ = try? Harness.exec("/bin/umount", [probe], environment: [:])
        return true
    }()

    @Test(.enabled(if: canMount, "needs root and mount(8) for a small tmpfs"))
    func aFullDiskOrAReadOnlyBlobStoreFailsInOneLineNamingThePath() throws {
        let harness = try Harness()
        try FileManager.default.createDirectory(atPath: harness.dataDir, withIntermediateDirectories: true)
        #expect(try Harness.exec("/bin/mount", ["-t", "tmpfs", "-o", "size=40m,mode=0700", "tmpfs", harness.dataDir], environment: [:]).status == 0)
        let blobs = harness.dataDir + "/blobs"
        defer {
            harness.stopDaemon()
            _ = try? Harness.exec("/bin/umount", ["-l", blobs], environment: [:])
            _ = try? Harness.exec("/bin/umount", ["-l", harness.dataDir], environment: [:])
            harness.cleanUp()
        }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)

        // A read-only blob store (a bind mount of blobs/ onto itself, remounted read-only).
        #expect(try Harness.exec("/bin/mount", ["--bind", blobs, blobs], environment: [:]).status == 0)
        #expect(try Harness.exec("/bin/mount", ["-o", "remount,bind,ro", blobs], environment: [:]).status == 0)
        let readOnly = try harness.run(["chat", "blog", "set the site title to Read Only", "--wait"])
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("The daemon cannot store files: Read-only file system (\(blobs)/"), "\(readOnly.stderr)")
        #expect(!readOnly.stderr.contains("Domain="))
        let doctor = try harness.run(["doctor", "--data-dir", harness.dataDir])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("✗ writable") && doctor.stdout.contains("\(blobs): Read-only file system"), "\(doctor.stdout)")
        #expect(try Harness.exec("/bin/umount", [blobs], environment: [:]).status == 0)

        // A full disk.
        _ = try Harness.exec("/bin/dd", ["if=/dev/zero", "of=\(harness.dataDir)/filler", "bs=1M"], environment: [:])
        let full = try harness.run(["chat", "blog", "set the site title to Full", "--wait"])
        #expect(full.status == 1)
        let named = full.stderr.contains("The daemon cannot write its database (\(harness.dataDir)/sitectl.db): the disk is full")
            || full.stderr.contains("No space left on device (\(blobs)/")
        #expect(named, "\(full.stderr)")
        #expect(!full.stderr.contains("Domain=") && !full.stderr.contains("SQLite error"))

        // Requests while the disk stays full: each fails in one line, and the daemon stays up (a log line it could
        // not write used to crash it).
        for index in 0..<12 {
            let again = try harness.run(["chat", "blog", "set the site title to Full \(index)"])
            #expect(again.stderr.contains("Cannot reach") == false, "\(again.stderr)")
        }
        #expect(try harness.run(["daemon", "status"]).status == 0)

        // The operator frees space: the next request works, and nothing before it was lost.
        try FileManager.default.removeItem(atPath: harness.dataDir + "/filler")
        let fine = try harness.run(["chat", "blog", "set the site title to Fine", "--wait"])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout.contains("Created blog@2"), "\(fine.stdout)")
        #expect(try harness.run(["doctor", "--data-dir", harness.dataDir]).stdout.contains("✓ blobs"))
    }
}

/// Attack run findings 3, 14 and 16, against the real binary.
@Suite(.tags(.endToEnd)) struct DataDirGuardEndToEndTests {
    @Test func aLostDatabaseWithBlobsLeftIsRefusedNotCollected() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try harness.login("ann@example.test")
        #expect(try harness.run(["sites", "create", "blog"]).status == 0)
        harness.stopDaemon()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: harness.dataDir + "/sitectl.db" + suffix) }
        let start = try harness.run(["daemon", "start", "--data-dir", harness.dataDir, "--serve", "127.0.0.1:\(Harness.freePort())", "--foreground"])
        #expect(start.status == 1)
        #expect(start.stderr.contains("is missing or empty, but"), "\(start.stderr)")
        #expect(start.stderr.contains("move"))
        let doctor = try harness.run(["doctor", "--data-dir", harness.dataDir])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("✗ database"), "\(doctor.stdout)")
        #expect(!FileManager.default.fileExists(atPath: harness.dataDir + "/sitectl.db"), "doctor must not create the database")
    }

    @Test func deletingTheLockFileDoesNotLetASecondDaemonIn() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.startDaemon()
        try FileManager.default.removeItem(atPath: harness.dataDir + "/daemon.lock")
        let second = try harness.run([
            "daemon", "start", "--foreground", "--data-dir", harness.dataDir, "--listen", "unix://\(harness.work.path)/run/b.sock",
            "--serve", "127.0.0.1:\(Harness.freePort())",
        ])
        #expect(second.status == 1)
        #expect(second.stderr.contains("Another sitectl daemon"), "\(second.stderr)")
    }

    @Test func outOfRangeDurationsAreUsageErrorsNotCrashes() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        for arguments in [
            ["daemon", "start", "--data-dir", harness.dataDir, "--scrub-interval", "99999999999999999999d"],
            ["daemon", "start", "--data-dir", harness.dataDir, "--scrub-interval", "9223372036854775807s"],
            ["daemon", "start", "--data-dir", harness.dataDir, "--timeout", "nan"],
            ["daemon", "stop", "--timeout=-inf"],
            ["daemon", "stop", "--timeout=-1"],
            ["daemon", "status", "--wait", "--timeout", "inf"],
        ] {
            let result = try harness.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        }
        try FileManager.default.createDirectory(atPath: harness.dataDir + "/logs/daemon.log", withIntermediateDirectories: true)
        let logs = try harness.run(["daemon", "logs", "--data-dir", harness.dataDir])
        #expect(logs.status == 1)
        #expect(logs.stderr.contains("is not a regular file"), "\(logs.stderr)")
    }
}
