import SiteCompiler
import Yams

/// Things a static site cannot do, with what to do instead.
struct UnsupportedIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message.lowercased()
        if text.contains(/\b(?:shopping\s*cart|cart|checkout|check-out|payments?|take\s+money|sell\s+\w+\s+online|online\s+shop|web\s*shop|e-?commerce|store\s+front|storefront|pay\s+(?:for|with|by|online|us)|credit\s+cards?|card\s+payments?|with\s+(?:their|a|your|his|her)\s+(?:credit\s+)?card|buy\s+\w+\s+(?:here|online|on\s+the\s+site))\b/) {
            return .unsupported("A static site cannot take payments or keep a shopping cart: there is no server to hold orders or card data. Instead I can add a button that links to a hosted checkout (for example a Stripe Payment Link or a Gumroad page): say “add a button \"Buy now\" linking to https://…”. A model backend can help with anything more involved.")
        }
        if text.contains(/\b(?:newsletter|mailing\s+list|subscribers?|saves?\s+(?:the\s+|their\s+)?(?:emails?|e-mails?|addresses)|collects?\s+(?:the\s+|their\s+)?(?:emails?|e-mails?)|email\s+sign\s*-?\s*ups?)\b/) {
            return .unsupported("A static site cannot store sign-ups or email addresses: there is no server to keep them. Instead I can add a button linking to a newsletter service's sign-up page (Buttondown, Mailchimp, …): say “add a button \"Subscribe\" linking to https://…”, or add a contact form that emails you.")
        }
        if text.contains(/\b(?:log\s*in|login|sign\s*up|signup|user\s+accounts?|members?\s+area|password\s+protect)\b/) {
            return .unsupported("A static site has no server side for user accounts or logins. Link to an external service for members, or use a model backend to plan a different set-up.")
        }
        if text.contains(/\b(?:database|comments?\s+section|let\s+visitors\s+comment|chat\s*bot|live\s+chat|search\s+engine\s+backend)\b/) {
            return .unsupported("That needs a server or an external service; a static site only serves files. Embed or link the external service instead, or use a model backend.")
        }
        if text.contains(/^(?:publish|deploy|launch|promote|release)\s+(?:the\s+|my\s+|our\s+)?(?:site|website|changes|preview|latest version|new version)\b|^(?:go|make\s+it|put\s+it)\s+live\b/) {
            return .unsupported("Going live is not an edit of the source: promote a version (for example the latest preview) to make it live. The agent only creates new versions, which are previewed, not promoted.")
        }
        return nil
    }
}
