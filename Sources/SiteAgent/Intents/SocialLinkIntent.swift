import Foundation
import SiteCompiler

/// "add a link to our Instagram https://instagram.com/acme in the footer", "link our LinkedIn page", "put our
/// Mastodon in the footer": the built-in themes' footer is one line of text with no links, so the agent offers the
/// menu instead (and does it when that is picked), or asks for the address when none was given.
struct SocialLinkIntent: RequestIntent {
    static let networks = [
        "instagram": "Instagram", "facebook": "Facebook", "linkedin": "LinkedIn", "twitter": "Twitter",
        "mastodon": "Mastodon", "youtube": "YouTube", "tiktok": "TikTok", "github": "GitHub", "bluesky": "Bluesky",
        "pinterest": "Pinterest", "threads": "Threads", "etsy": "Etsy", "dribbble": "Dribbble", "behance": "Behance",
    ]

    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let message = request.message
        let lowered = message.lowercased()
        guard lowered.contains(/^(?:add|put|include|link|show|place|display|insert)\b/),
              let network = lowered.split(whereSeparator: { !$0.isLetter }).map(String.init).first(where: { $0 != "x" && Self.networks[$0] != nil }),
              !lowered.contains(/\b(?:menu|nav|navigation|navbar)\b/) || lowered.contains("footer")
        else { return nil }
        let name = Self.networks[network] ?? network
        let url = message.firstMatch(of: /(?i)(?:https?:\/\/|www\.)[^\s<>"]+|\b[\w-]+\.(?:com|org|net|social|app|io)\/[^\s<>"]+/).map { match -> String in
            var link = String(match.0)
            while let last = link.last, ".,;)".contains(last) { link.removeLast() }
            return link.lowercased().hasPrefix("http") ? link : "https://" + link
        }
        guard let url else {
            return .question(AgentQuestion(text: "What is the address of your \(name) page? Say for example “add \(name) https://\(network).com/yourname to the menu”: the footer of the built-in themes is one line of text and cannot hold links, so the link goes in the menu."))
        }
        let question = AgentQuestion(
            text: "The footer of this theme is one line of text and cannot hold links. Should “\(name)” (\(url)) go in the menu instead?",
            options: ["Add it to the menu", "Leave it"])
        switch request.answer(to: question) {
        case .option(0):
            return try NavIntent().resolve(AgentRequest(context: request.context, site: request.site, message: "add \(name) \(url) to the menu"))
        case .option: return .noChange("Left the menu and footer as they are.")
        default: return .question(question)
        }
    }
}
