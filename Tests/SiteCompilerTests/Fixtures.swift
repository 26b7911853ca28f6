import Foundation
import SiteCompiler

/// Shared set-up: the repository's themes, the starter seed and a compiler over them.
enum Fixtures {
    /// The repository's `themes/` folder, found by walking up from this file.
    static let themesDirectory: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("starter/theme.yaml").path) {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/nonexistent-themes")
    }()

    static var library: ThemeLibrary { ThemeLibrary(directories: [themesDirectory]) }
    static var compiler: SiteCompiler { SiteCompiler(themes: library) }

    /// A fixed clock, so builds are reproducible.
    static let options = CompileOptions(now: Date(timeIntervalSince1970: 1_750_000_000))

    /// The starter seed as a new site named `demo`.
    static func starter() throws -> SiteFiles {
        try library.starterSource(theme: "starter", siteName: "demo")
    }

    /// The starter seed with extra or replaced files.
    static func starter(with files: [String: String]) throws -> SiteFiles {
        var site = try starter()
        for (path, text) in files { site.setText(path, text) }
        return site
    }

    /// The output path of fingerprinted asset `assets/<stem>.<hash>.<ext>` (empty when there is none).
    static func asset(_ stem: String, _ ext: String, in output: SiteFiles) -> String {
        output.paths.first { path in
            guard path.hasPrefix("assets/\(stem)."), path.hasSuffix(".\(ext)") else { return false }
            let middle = path.dropFirst("assets/\(stem).".count).dropLast(ext.count + 1)
            return middle.count == 10 && middle.allSatisfy(\.isHexDigit)
        } ?? ""
    }

    /// Compiles and returns the failure's diagnostics (empty when the build succeeded).
    static func failures(_ site: SiteFiles, options: CompileOptions = Fixtures.options) -> [Diagnostic] {
        do {
            _ = try compiler.compile(site, options: options)
            return []
        } catch let failure as CompileFailure {
            return failure.diagnostics
        } catch {
            return [Diagnostic(severity: .error, message: "\(error)")]
        }
    }
}
