import ArgumentParser
import Foundation
import SiteAPI
import SiteClient
import SiteCompiler

/// Shell completion of names from the context in use (site, SITE@V, job and request ids, themes, contexts), in
/// bash, zsh and fish: the generated scripts call `sitectl ---completion …`, which runs these.
enum NameCompletion {
    static let sites = CompletionKind.custom { words, _, prefix in names(words) { client in
        try? APIJSON.decoder().decode(Page<Site>.self, from: client.completionGet(Routes.sites + "?limit=200") ?? Data()).items.map(\.name)
    }.filter { $0.hasPrefix(prefix) } }

    /// `SITE@` first, then `SITE@N` and the named refs once a site is typed.
    static let versions = CompletionKind.custom { words, _, prefix in
        guard let at = prefix.firstIndex(of: "@") else {
            return names(words) { client in
                try? APIJSON.decoder().decode(Page<Site>.self, from: client.completionGet(Routes.sites + "?limit=200") ?? Data()).items.map { $0.name + "@" }
            }.filter { $0.hasPrefix(prefix) }
        }
        let site = String(prefix[..<at])
        guard SiteNameRules.problem(with: site) == nil else { return [] }
        let numbers = names(words) { client in
            try? APIJSON.decoder().decode(Page<Version>.self, from: client.completionGet(Routes.versions(site) + "?limit=100") ?? Data()).items.map { String($0.number) }
        }
        return (["live", "preview", "latest", "previous"] + numbers).map { "\(site)@\($0)" }.filter { $0.hasPrefix(prefix) }
    }

    static let jobs = CompletionKind.custom { words, _, prefix in names(words) { client in
        try? APIJSON.decoder().decode(Page<Job>.self, from: client.completionGet(Routes.jobs + "?limit=50") ?? Data()).items.map { String($0.id) }
    }.filter { $0.hasPrefix(prefix) } }

    static let requests = CompletionKind.custom { words, _, prefix in names(words) { client in
        try? APIJSON.decoder().decode(Page<BuildRequest>.self, from: client.completionGet(Routes.requests + "?limit=50") ?? Data()).items.map { String($0.id) }
    }.filter { $0.hasPrefix(prefix) } }

    static let themes = CompletionKind.custom { _, _, prefix in
        (ThemeLibrary.locateBuiltin().map { ThemeLibrary(directories: [$0]).names() } ?? []).filter { $0.hasPrefix(prefix) }
    }

    static let contexts = CompletionKind.custom { words, _, prefix in
        let directory = ConfigDirectory(override: option(["--config-dir"], in: words))
        let saved = (try? ContextStore(directory: directory).all().keys.sorted()) ?? []
        return ([ContextStore.local] + saved).filter { $0.hasPrefix(prefix) }
    }

    /// The value after one of `flags` in the words typed so far (`--flag V` or `--flag=V`).
    static func option(_ flags: [String], in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            for flag in flags {
                if word == flag, index + 1 < words.count { return words[index + 1] }
                if word.hasPrefix(flag + "=") { return String(word.dropFirst(flag.count + 1)) }
            }
        }
        return nil
    }

    /// Runs `fetch` against the context the typed words name (`-c`, `-H`, `--config-dir`, else the usual precedence).
    static func names(_ words: [String], _ fetch: (APIClient) -> [String]?) -> [String] {
        var arguments: [String] = []
        if let context = option(["-c", "--context"], in: words) { arguments += ["--context", context] }
        if let host = option(["-H", "--host"], in: words) { arguments += ["--host", host] }
        if let directory = option(["--config-dir"], in: words) { arguments += ["--config-dir", directory] }
        guard let options = try? GlobalOptions.parse(arguments), let client = try? options.client() else { return [] }
        return fetch(client) ?? []
    }
}
