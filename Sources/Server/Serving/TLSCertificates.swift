package import Foundation
import Synchronization
import Crypto
import NIOCore
package import NIOSSL
import SwiftASN1
import X509
package import SiteAPI

/// A certificate the site server can present: its DNS names, chain (leaf first) and key.
package struct ServedCertificate: Sendable {
    /// Lower-cased SAN DNS names (`*.example.com` for a wildcard).
    package var names: [String]
    package var chain: [NIOSSLCertificate]
    package var key: NIOSSLPrivateKey
    package var notBefore: Date
    package var notAfter: Date
    package var issuer: String
    /// `file` (the operator's, in DATA/tls) or `acme`.
    package var source: String
    package var path: String
}

/// The site server's certificates, by name, for SNI.
///
/// Two sources, both under the data dir's `tls/` folder (mode 0700):
/// - the operator's files: `tls/NAME.pem` or `tls/NAME.crt` holding a chain (leaf first), with its key in
///   `tls/NAME.key` or in the same file; the names served are the leaf's SAN DNS names (a wildcard covers one label);
/// - certificates obtained over ACME: `tls/acme/DOMAIN/cert.pem` and `key.pem`.
///
/// An operator's certificate wins over an ACME one for the same name. ``reload()`` reads the folder again (the
/// TLS service does so every minute, so a renewed file is picked up without a restart).
package final class CertificateStore: Sendable {
    package let directory: URL
    private struct State {
        var byName: [String: ServedCertificate] = [:]
        var problems: [String] = []
        var stamp: [String: Date] = [:]
        /// False until the folder was read, and after a change made here (the next reload reads it again).
        var loaded = false
    }
    private let state = Mutex(State())
    private let acmeStatus = Mutex([String: CertificateStatus]())

    package init(directory: URL) {
        self.directory = directory
    }

    package var acmeDirectory: URL { directory.appendingPathComponent("acme") }

    /// The certificate for `host` (an exact name first, then a wildcard one label up) while it is valid: an
    /// expired or not yet valid one is neither presented nor redirected to.
    package func certificate(for host: String, now: Date = Date()) -> ServedCertificate? {
        guard let certificate = anyCertificate(for: host), certificate.notBefore <= now, now < certificate.notAfter else { return nil }
        return certificate
    }

    /// The certificate for `host`, valid or not.
    func anyCertificate(for host: String) -> ServedCertificate? {
        let name = Self.canonical(host)
        return state.withLock { state in
            if let exact = state.byName[name] { return exact }
            guard let dot = name.firstIndex(of: ".") else { return nil }
            return state.byName["*" + name[dot...]]
        }
    }

    /// Largest certificate or key file read (a chain is a few KB).
    static let maxFileBytes = 1 << 20

    /// Host names as matched: lower case, without a port or trailing dot.
    static func canonical(_ host: String) -> String {
        var name = Substring(host)
        if name.hasPrefix("[") { return host.lowercased() }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        if name.hasSuffix(".") { name = name.dropLast() }
        return name.lowercased()
    }

    /// Names with a certificate, and problems with files that could not be used (logged by the caller).
    package var problems: [String] { state.withLock { $0.problems } }

    /// Reads the folder again when a file changed since the last read; returns true when it did.
    @discardableResult
    package func reload(now: Date = Date()) -> Bool {
        let files = Self.candidateFiles(in: directory)
        let stamps = Dictionary(files.map { ($0, Self.modified($0)) }, uniquingKeysWith: { a, _ in a })
        if state.withLock({ $0.loaded && $0.stamp == stamps }) { return false }
        var byName: [String: ServedCertificate] = [:]
        var problems: [String] = []
        // ACME first, so the operator's files replace them name by name.
        for path in files where path.hasPrefix(acmeDirectory.path + "/") && path.hasSuffix("/cert.pem") {
            let keyPath = (path as NSString).deletingLastPathComponent + "/key.pem"
            do {
                let certificate = try Self.load(chainPath: path, keyPath: keyPath, source: "acme")
                for name in certificate.names { byName[name] = certificate }
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        for path in files where !path.hasPrefix(acmeDirectory.path + "/") && !path.hasSuffix(".key") {
            let stem = (path as NSString).deletingPathExtension
            let keyPath = FileManager.default.fileExists(atPath: stem + ".key") ? stem + ".key" : path
            do {
                let certificate = try Self.load(chainPath: path, keyPath: keyPath, source: "file")
                // Not served outside its validity (ACME's are renewed before that; these are the operator's).
                if certificate.notAfter < now {
                    problems.append("\(path): expired on \(certificate.notAfter); not served")
                    continue
                }
                if certificate.notBefore > now { problems.append("\(path): not valid before \(certificate.notBefore); served from then") }
                for name in certificate.names { byName[name] = certificate }
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        state.withLock { state in
            state.byName = byName
            state.problems = problems
            state.stamp = stamps
            state.loaded = true
        }
        return true
    }

    /// Stores a certificate obtained over ACME (key 0600) and serves it at once.
    package func installACME(domain: String, chainPEM: String, keyPEM: String) throws {
        let folder = acmeDirectory.appendingPathComponent(domain)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Key first: a chain with no key beside it would be a problem at the next reload, a key alone is ignored.
        try Self.writeAtomically(keyPEM, to: folder.appendingPathComponent("key.pem"))
        try Self.writeAtomically(chainPEM, to: folder.appendingPathComponent("cert.pem"))
        state.withLock { $0.loaded = false }
        reload()
    }

    static func writeAtomically(_ text: String, to url: URL) throws {
        let temporary = url.path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CertificateFileError("cannot write \(temporary)")
        }
        guard rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw CertificateFileError("cannot rename \(temporary): \(String(cString: strerror(errno)))")
        }
    }

    /// What `sites alias list` shows for a domain: the certificate it has (`valid`, or `expired`), with the last
    /// ACME failure if renewing it fails; else where obtaining one stands.
    package func status(for domain: String, now: Date = Date()) -> CertificateStatus? {
        let acme = acmeStatus.withLock { $0[Self.canonical(domain)] }
        if let certificate = anyCertificate(for: domain) {
            let state = certificate.notAfter <= now ? "expired" : certificate.notBefore > now ? "not yet valid" : "valid"
            return CertificateStatus(
                state: state, source: certificate.source, notAfter: certificate.notAfter, issuer: certificate.issuer,
                error: acme?.error.map { "renewal failed: " + $0 })
        }
        return acme
    }

    package func acmeStatusEntry(for domain: String) -> CertificateStatus? { acmeStatus.withLock { $0[Self.canonical(domain)] } }

    /// Deletes ACME certificates for domains no longer in `domains` (an alias was removed); true when any was.
    @discardableResult
    package func removeACME(keeping domains: Set<String>) -> Bool {
        let fm = FileManager.default
        var removed = false
        for name in (try? fm.contentsOfDirectory(atPath: acmeDirectory.path)) ?? [] where name != "account.json" && !name.hasPrefix(".") {
            let folder = acmeDirectory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue, !domains.contains(name) else { continue }
            try? fm.removeItem(at: folder)
            acmeStatus.withLock { $0[name] = nil }
            removed = true
        }
        if removed {
            state.withLock { $0.loaded = false }
            reload()
        }
        return removed
    }

    package func setACMEStatus(_ status: CertificateStatus?, for domain: String) {
        acmeStatus.withLock { $0[Self.canonical(domain)] = status }
    }

    // MARK: Files

    static func candidateFiles(in directory: URL) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] where !name.hasPrefix(".") {
            let path = directory.appendingPathComponent(name).path
            if name.hasSuffix(".pem") || name.hasSuffix(".crt") || name.hasSuffix(".key") { files.append(path) }
        }
        let acme = directory.appendingPathComponent("acme")
        for name in (try? fm.contentsOfDirectory(atPath: acme.path)) ?? [] where !name.hasPrefix(".") {
            let folder = acme.appendingPathComponent(name)
            for file in ["cert.pem", "key.pem"] where fm.fileExists(atPath: folder.appendingPathComponent(file).path) {
                files.append(folder.appendingPathComponent(file).path)
            }
        }
        return files.sorted()
    }

    static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// A chain and its key from PEM files, checked: the key must be the leaf's and the leaf must name a host.
    package static func load(chainPath: String, keyPath: String, source: String) throws -> ServedCertificate {
        let text = try readSmall(chainPath)
        return try load(chainPEM: text, keyPEM: keyPath == chainPath ? text : (try? readSmall(keyPath)) ?? "", source: source, path: chainPath)
    }

    /// A regular file (a link to one included) of at most ``maxFileBytes``, as text: never a FIFO or a device.
    static func readSmall(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CertificateFileError("cannot be read") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw CertificateFileError("is not a regular file") }
        guard Int(info.st_size) <= maxFileBytes else { throw CertificateFileError("is larger than 1 MB; not read") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CertificateFileError("cannot be read") }
        return text
    }

    package static func load(chainPEM: String, keyPEM: String, source: String, path: String) throws -> ServedCertificate {
        let documents = (try? PEMDocument.parseMultiple(pemString: chainPEM)) ?? []
        let certificates = documents.filter { $0.discriminator == "CERTIFICATE" }
        guard let leafDocument = certificates.first else { throw CertificateFileError("holds no PEM certificate") }
        let leaf: Certificate
        do {
            leaf = try Certificate(pemDocument: leafDocument)
        } catch {
            throw CertificateFileError("its first certificate does not parse (\(error))")
        }
        var names: [String] = []
        if let alternatives = try? leaf.extensions.subjectAlternativeNames {
            for name in alternatives {
                if case .dnsName(let dns) = name { names.append(dns.lowercased()) }
            }
        }
        guard !names.isEmpty else { throw CertificateFileError("the certificate names no host (no DNS subject alternative name)") }
        let keyDocuments = ((try? PEMDocument.parseMultiple(pemString: keyPEM)) ?? []).filter { $0.discriminator.hasSuffix("PRIVATE KEY") }
        guard let keyDocument = keyDocuments.first else {
            throw CertificateFileError("no private key beside it (put it in NAME.key, or in the same file)")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: Array(keyDocument.pemString.utf8), format: .pem)
        } catch {
            throw CertificateFileError("its private key does not parse (\(error))")
        }
        if let parsedKey = try? Certificate.PrivateKey(pemDocument: keyDocument), parsedKey.publicKey != leaf.publicKey {
            throw CertificateFileError("the private key does not belong to the certificate")
        }
        let chain = try certificates.map { try NIOSSLCertificate(bytes: Array($0.pemString.utf8), format: .pem) }
        return ServedCertificate(
            names: names, chain: chain, key: key, notBefore: leaf.notValidBefore, notAfter: leaf.notValidAfter,
            issuer: leaf.issuer.description, source: source, path: path)
    }

    // MARK: TLS

    /// The server context: TLS 1.2+, ALPN h2 then http/1.1, and the certificate picked by SNI for each handshake.
    /// A handshake for a name with no certificate fails (no certificate is shown to it); the context's own
    /// certificate is a throwaway self-signed one that is never presented.
    package func serverContext(http2: Bool = true) throws -> NIOSSLContext {
        let placeholder = try Self.placeholder()
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(placeholder.certificate)], privateKey: .privateKey(placeholder.key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.applicationProtocols = http2 ? ["h2", "http/1.1"] : ["http/1.1"]
        configuration.sslContextCallback = { [self] values, promise in
            guard let name = values.serverHostname, let certificate = self.certificate(for: name) else {
                promise.fail(NoCertificate())
                return
            }
            var override = NIOSSLContextConfigurationOverride()
            override.certificateChain = certificate.chain.map { .certificate($0) }
            override.privateKey = .privateKey(certificate.key)
            promise.succeed(override)
        }
        return try NIOSSLContext(configuration: configuration)
    }

    struct NoCertificate: Error {}

    static func placeholder() throws -> (certificate: NIOSSLCertificate, key: NIOSSLPrivateKey) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("sitectl placeholder") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3600 * 24 * 365), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions {}, issuerPrivateKey: .init(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return (try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der),
            try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem))
    }
}

package struct CertificateFileError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
