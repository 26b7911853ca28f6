import Foundation
import SiteCompiler
import Yams

/// Things a static site cannot do, with what to do instead.
struct UnsupportedIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message.lowercased()
        // "Add a card … saying Nobody is ever asked to pay for a meal": the words given are no feature asked for.
        let said = text.replacing(/\b(?:saying|says|that\s+says|which\s+says|with\s+the\s+text|reading|to\s+say|to\s+read|called|titled|named)\b.*$|"[^"]*"|“[^”]*”/, with: " ")
        if said.contains(/\b(?:download\s+counts?|star\s+counts?|live\s+(?:stats|statistics|data|numbers)|(?:generate|build|pull|fetch|import|sync)\s+[^.]{0,60}?\b(?:automatically\s+)?from\s+(?:our\s+|the\s+|my\s+)?(?:github|gitlab|repo|repository|npm|pypi|api|database|spreadsheet|google\s+sheets?)|refresh\s+(?:themselves|itself|automatically)|(?:counts?|stats|numbers)\s+from\s+(?:npm|github|pypi))\b/) {
            return .unsupported("The offline agent only edits the site's files; it cannot fetch live data (download counts, stars, API references from a repository) or make pages that update themselves. Generate such pages in your own build step and commit them as Markdown under content/, or link to the live numbers (“add a button \"npm\" linking to https://www.npmjs.com/package/…”).")
        }
        // "a calendar that shows which Saturdays I'm booked and updates from my CRM", "show whether it's in stock":
        // the site is built when it changes, not when the CRM or the till does.
        if said.contains(/\b(?:in\s+stock|stock\s+levels?|inventory|till\s+system|pos\s+system|point[\s-]of[\s-]sale|(?:updates?|refresh(?:es)?|syncs?)\s+(?:itself\s+)?automatically|automatically\s+(?:updates?|syncs?|refresh(?:es)?|shows?)|(?:sync|synced|syncs|connect(?:ed)?|hook(?:ed)?\s+up|link(?:ed)?\s+up)\s+(?:the\s+site\s+|it\s+)?(?:with|to)\s+(?:our|my)\s+(?:crm|till|pos|calendar|shop|system|booking|database|spreadsheet)|which\s+[\w ]{1,20}?\s+(?:i'?m|we'?re|i\s+am|we\s+are|are)\s+(?:already\s+)?(?:booked|taken|free|available))\b/) {
            return .unsupported("A static site cannot show live availability or stock: its pages are files built when you change the site, not when your calendar, CRM or till changes. Instead I can add a page or section listing what you send me (“add a page called Availability with the text …”, sent again when it changes), or a button linking to the live page your booking system or shop provides (“add a button \"Check availability\" linking to https://…”).")
        }
        if said.contains(/\b(?:online\s+(?:table\s+)?bookings?|table\s+bookings?|book\s+a\s+table|sign[-\s]?up\s+sheet|pick\s+a\s+(?:shift|slot|time)|spots?\s+(?:are\s+)?left|places?\s+left|rota)\b/) {
            return .unsupported("A static site cannot take bookings or sign-ups or count places left: there is no server to store them. Instead I can add a button linking to a booking or sign-up service (OpenTable, Calendly, a Google Form, SignUpGenius, …): say “add a button \"Book a table\" linking to https://…”, or add a contact form that emails you.")
        }
        if said.contains(/\b(?:shopping\s*cart|cart|checkout|check-out|payments?|take\s+money|sell\s+\w+\s+online|online\s+shop|web\s*shop|e-?commerce|store\s+front|storefront|pay\s+(?:for|with|by|online|us)|paypal|stripe|^(?:add|create|build|set\s+up|open|make|start|i\s+want|we\s+want|i\s+need|we\s+need|i'd\s+like|we'd\s+like)\s+(?:a|an|my|our)\s+(?:little\s+|small\s+|online\s+|web\s+)?shop\b|buy\s+(?:my|our|the)\s+\w+(?:[\s-]\w+)?\s+(?:with|using|through|via)\b|credit\s+cards?|card\s+payments?|with\s+(?:their|a|your|his|her)\s+(?:credit\s+)?card|buy\s+\w+\s+(?:here|online|on\s+the\s+site))\b/) {
            return .unsupported("A static site cannot take payments or keep a shopping cart: there is no server to hold orders or card data. Instead I can add a button that links to a hosted checkout (for example a Stripe Payment Link or a Gumroad page): say “add a button \"Buy now\" linking to https://…”. A model backend can help with anything more involved.")
        }
        // "connect my domain example.co.uk and set up SSL": hosting, not content.
        if text.contains(/\b(?:connect|point|link|use|add|set\s+up|configure)\s+(?:my\s+|our\s+|a\s+|the\s+)?(?:own\s+|custom\s+)?domain\b|\b(?:ssl|https|tls)\s+certificate|\bset\s+up\s+(?:ssl|https|tls)\b|\bdns\b/) {
            return .unsupported("Domains and certificates belong to the daemon that serves the site, not to its content, so a request cannot set them. Point the domain's DNS at the server, then ask the daemon's operator to add it (custom domains and HTTPS are configured on the daemon); the site's pages need no change.")
        }
        // "show a live visitor counter": counting needs a server.
        if text.contains(/\b(?:visitor|hit|view|page\s*view|visit)s?\s+counters?\b|\bcount(?:s|ing)?\s+(?:the\s+)?(?:visitors|visits|views)\b|\bhow\s+many\s+(?:people|visitors)\s+(?:visit|saw|see|read)/) {
            return .unsupported("A static site cannot count its visitors: every visitor gets the same files and nothing is stored. A privacy-friendly analytics service (Plausible, GoatCounter, …) counts visits and shows them on its own dashboard; embedding its script needs a model backend, or add a link to a public stats page to the menu.")
        }
        // "rank #1 on Google", "load in under 10ms everywhere": outcomes nobody can promise.
        if text.contains(/\b(?:rank|ranking|be)\s+(?:#?1|number\s+one|first|top)\s+(?:on|in)\s+(?:google|bing|search)|\b(?:load|loads|loading)\s+in\s+(?:under\s+)?\d+\s*ms\b|\bguarantee/) {
            return .unsupported("No site change can promise a search ranking or a load time. The site is already static files, which load fast; a CDN in front of the daemon serves them close to every visitor, and good titles and descriptions on each page (“set the SEO description of the About page to …”) help search engines.")
        }
        // "show a different language depending on which country the visitor is in": per-visitor pages.
        if text.contains(/\b(?:language|languages|translation|content|prices?|currency|page|version)\b.{0,60}\b(?:depending\s+on|based\s+on|according\s+to|by|for\s+each)\b.{0,40}\b(?:country|countries|location|region|ip|where\s+(?:the\s+)?(?:visitor|user|people|they)|browser\s+language|visitor'?s?\s+language)/)
            || text.contains(/\b(?:detect|guess|work\s+out|figure\s+out)\s+(?:the\s+)?(?:visitor'?s?\s+|user'?s?\s+)?(?:country|location|language|region)\b/) {
            return .unsupported("A static site sends the same pages to every visitor; it cannot look up where a visitor is or pick a language for them. Instead, give each language its own section (content/de/, content/fr/ served at /de/ and /fr/) with a link to each in the menu (“add Deutsch /de/ to the menu”); browsers can also translate a page themselves.")
        }
        // "a testimonial from Priya Shah, a long-time subscriber": a person who subscribes is no sign-up form.
        let signUps = text.replacing(/(?:from|by)\s+[\w .'’-]{2,40},\s+(?:a|an|our|my)\s+(?:[\w-]+\s+){0,2}subscriber/, with: "")
        if signUps.contains(/\b(?:newsletter|mailing\s+list|subscribers?|saves?\s+(?:the\s+|their\s+)?(?:emails?|e-mails?|addresses)|collects?\s+(?:the\s+|their\s+)?(?:emails?|e-mails?)|email\s+sign\s*-?\s*ups?)\b/) {
            return .unsupported("A static site cannot store sign-ups or email addresses: there is no server to keep them. Instead I can add a button linking to a newsletter service's sign-up page (Buttondown, Mailchimp, …): say “add a button \"Subscribe\" linking to https://…”, or add a contact form that emails you.")
        }
        if said.contains(/\b(?:log\s*in|logs\s+in|login|sign\s*up|signup|user\s+accounts?|members?\s+area|client\s+area|password[-\s]+protect(?:ed)?|private\s+(?:area|gallery|page))\b/) {
            return .unsupported("A static site has no server side for user accounts or logins. Link to an external service for members, or use a model backend to plan a different set-up.")
        }
        if text.contains(/\b(?:save|store|keep|log|collect)s?\s+(?:the\s+)?(?:messages|submissions|form\s+entries|enquiries|inquiries|responses)\b|\b(?:admin\s+panel|inbox)\b/) || (text.contains(/\bdatabase\b/) && text.contains(/\b(?:form|messages|contact)\b/)) {
            let hasForm = request.site.pages.contains { request.site.files.text($0.path)?.contains(":::component ContactForm") == true }
            return .unsupported("A static site cannot store what visitors send or offer an admin panel to read it: there is no server side. "
                + (hasForm ? "The site's contact form already sends each message to your e-mail address (the form's `to`), so your inbox is where they are kept; for a shared inbox or a dashboard, point the form at a form service (Formspree, Basin, …): “change the contact form's endpoint to https://…”."
                    : "The nearest thing is a contact form that e-mails each message to you, so your inbox keeps them: “add a contact form to the contact page sending to you@example.com”."))
        }
        if text.contains(/\b(?:live\s+chat|chat\s*bot|chat\s+widget|chat\s+box|messenger\s+widget|whatsapp\s+widget)\b/) {
            return .unsupported("A static site cannot run a live chat: someone has to answer, and a server has to pass the messages. Chat services (Crisp, Tawk.to, …) run on their own servers and are embedded with a script, which a model backend can add — the offline agent does not write scripts. The nearest thing it can do: a contact form, or a button linking to your chat or WhatsApp (“add a button \"Chat with us\" linking to https://wa.me/…”).")
        }
        // The request, not the words it gives ("… that says: Served as static files, with no database").
        let asked = text.replacing(/["“'][^"”']*["”']/, with: " ").replacing(/\b(?:saying|says|that\s+says|which\s+says|with\s+the\s+text|reading|to\s+say|to\s+read)\b.*$|:\s.*$/, with: "")
        if asked.contains(/\b(?:database|chat\s*bot|live\s+chat|search\s+engine\s+backend)\b/) {
            return .unsupported("That needs a server or an external service; a static site only serves files. Embed or link the external service instead, or use a model backend.")
        }
        // Features asked for (not texts that mention them: "rename the button "Book an appointment"").
        let unquoted = text.replacing(/"[^"]*"|“[^”]*”/, with: " ")
        let asksForFeature = unquoted.contains(/^(?:add|create|build|set\s+up|setup|make|put|include|enable|install|integrate|implement|embed|give|offer|i\s+need|we\s+need|need|i\s+want|we\s+want|want|allow|let|can|could|is\s+it\s+possible|show)\b|\bso\s+(?:that\s+)?(?:people|customers|visitors|clients|users|guests|patients)\b/)
        if asksForFeature, unquoted.contains(/\b(?:book(?:ing|ings)?\s+(?:system|calendar|form|widget|page|engine|tool)|online\s+booking|reservations?|reserve\s+(?:a\s+)?(?:table|seat|room|spot|slot|appointment)|appointments?|schedul(?:e|ing)\s+(?:calls?|meetings?|appointments?|system|tool)|booking\s+calendar|availability\s+calendar|let\s+(?:people|customers|visitors|clients)\s+book)\b/) {
            return .unsupported("A static site cannot take bookings or reservations: there is no server to store them or check availability. Instead I can add a button linking to a booking service (Calendly, OpenTable, SimplyBook, …): say “add a button \"Book a table\" linking to https://…”, or add a contact form that emails you the request.")
        }
        if asksForFeature, unquoted.contains(/\bhow\s+many\s+(?:visitors|people|views|visits|hits)|\b(?:analytics|visitor\s+(?:stats|statistics|counts?|numbers|tracking)|page\s*views?|traffic\s+(?:stats|statistics|dashboard)|track(?:ing)?\s+(?:the\s+)?(?:visitors|visits|clicks|users)|hit\s+counter|admin\s+(?:dashboard|panel|area)|dashboard)\b/) {
            return .unsupported("A static site cannot host an analytics dashboard or count visitors itself: its pages are files with no server code. Visitor numbers come from an analytics service (Plausible, GoatCounter, …) whose dashboard lives on its own site; adding its script is an edit a model backend can make — the offline agent does not write scripts. Requests per site are also in the daemon's access logs.")
        }
        if text.contains(/^translate\b|\btranslat(?:e|ion)\s+(?:the\s+|my\s+|our\s+|all\s+|every\s+|whole\s+)*(?:site|website|pages?|posts?|docs|documentation|content|text)\b|\b(?:in|into)\s+(?:french|german|spanish|italian|dutch|portuguese|japanese|chinese|polish|swedish|norwegian|danish|finnish|korean|arabic)\b/),
           !text.contains(/"|“/) {
            return .unsupported("Translating needs a language model, and the offline agent has none. Configure a model backend (see docs/agents.md), or send the translated text yourself, one part at a time (“change the About page text to \"…\"”). A site in several languages would be one site per language, each with its own `lang` in site.yaml.")
        }
        if text.contains(/^write\s+(?:a|an|some|the|my|our)\s+(?:[\w-]+\s+){0,3}(?:case\s+study|essay|story|article|articles|piece|bio|biography|description|paragraph|intro|introduction|press\s+release|newsletter|guide|tutorial|manual|walkthrough|how-?to|faq|documentation|docs|copy|content|text)(?:\s+(?:page|post|article|section))?\s+(?:about|on|for|describing|explaining|covering|that\s+covers|to\s+cover)\b/),
           !text.contains(/\b(?:saying|that\s+says|with\s+the\s+text|called|titled|named)\b|:|"|“/) {
            return .unsupported("Writing new prose needs a language model, and the offline agent has none: it never invents text. Configure a model backend (see docs/agents.md), or give me the words — “add a post called \"…\" saying …” — and I will put them on the site.")
        }
        if unquoted.contains(/\b(?:embed|add|put|include|show)\s+(?:a|an|the|my|our|some)?\s*(?:[\w-]+\s+){0,2}?(?:video|youtube|vimeo|tiktok|instagram\s+(?:feed|post)|twitter\s+feed|map|google\s+map|podcast\s+player|spotify)\b/), !unquoted.contains(/\b(?:link|button)\b|\.(?:mp4|webm|ogv|ogg|mov|m4v)\b/) {
            let hasVideo = request.site.theme.flatMap { request.site.themeComponents[$0] }?.contains("video") ?? false
            if hasVideo, unquoted.contains(/\bvideo\b/) {
                let videos = request.site.files.paths.filter { $0.hasPrefix("static/") && $0.lowercased().contains(/\.(?:mp4|webm|ogv|ogg|mov|m4v)$/) }.map { "/" + $0.dropFirst("static/".count) }
                return .unsupported("The \(request.site.theme ?? "") theme plays videos from the site itself (no YouTube or Vimeo players). "
                    + (videos.isEmpty ? "The site has no video file yet: add it to static/ (static/media/workshop.mp4 is served at /media/workshop.mp4) in a new version, then say “add the video /media/workshop.mp4 to the … page titled …”."
                        : "Say which file and where, with a title: “add the video \(videos[0]) to the … page titled …” (videos: \(Phrase.list(videos.map { String($0) }))).")
                    + " For a YouTube video, a button works: “add a button \"Watch the video\" linking to https://…”.")
            }
            return .unsupported("The offline agent does not write embed code (video players, maps, feeds): that is HTML from another service, which a model backend can add. What it can do now: a button or link to the video or map — “add a button \"Watch the video\" linking to https://…” — or an image from static/ with a caption.")
        }
        if text.contains(/^(?:tweak|adjust|fix|change|improve|increase|reduce|decrease|tighten|loosen|more|less|add\s+more|bigger|smaller)\s+(?:the\s+)?(?:spacing|padding|margins?|whitespace|white\s+space|gaps?|line\s+height|line\s+spacing|letter\s+spacing)\b/) {
            let lengths = request.site.themeTokens.filter { $0.key.hasSuffix("width") || $0.key == "radius" }.keys.sorted().map { $0.replacingOccurrences(of: "_", with: " ") }
            return .unsupported("The \(request.site.theme ?? "site's") theme has no spacing setting, so the offline agent cannot change spacing, padding or line height. "
                + (lengths.isEmpty ? "" : "Sizes it can change: \(Phrase.list(lengths)) (“make the content width 48rem”). ")
                + "Spacing lives in the theme's CSS, which a model backend can edit.")
        }
        if unquoted.contains(/\b(?:readers|visitors|people|users|guests|customers)\s+(?:should|could|can|must|need\s+to|want\s+to)\s+(?:be\s+able\s+to\s+)?(?:leave|post|write|add|make)\s+(?:a\s+)?comments?\b/) || asksForFeature && unquoted.contains(/\bcomments?\b|\breaders?\s+(?:can|could)\s+(?:reply|comment|respond)|\bdiscussion\s+(?:section|thread|forum)|\bforum\b|\bguest\s*book\b/) {
            return .unsupported("A static site cannot take comments: there is no server to store them or moderate them. Instead I can add a link under posts to where the discussion happens (an email address, a Mastodon thread, GitHub Discussions), or a contact form that emails you: say “add a button \"Reply by email\" linking to mailto:you@example.com”.")
        }
        if text.contains(/^(?:improve|better|fix|tidy\s+up|clean\s+up|tighten|sharpen|punch\s+up)\s+(?:the\s+|my\s+|our\s+|all\s+the\s+)?(?:wording|writing|copy|prose|language|phrasing)(?:\s+(?:everywhere|on\s+every\s+page|across\s+the\s+site|on\s+the\s+site|throughout))?$/) || text.contains(/^re-?write\s+(?:all|every|each|the\s+whole|the\s+entire|all\s+the|all\s+of\s+the|all\s+my|all\s+our)\b|^(?:re-?write|rephrase|reword|polish|proofread)\s+(?:every|each|all)\b/), !text.contains(/"|“/) {
            return .unsupported("Writing or rewriting prose needs a language model, and the offline agent has none: it only makes the edits it is told word for word. Configure a model backend (see docs/agents.md), or give the new text yourself, one part at a time — “change the description of the Harbour Festival page to …”.")
        }
        if !text.contains(/\s(?:to|into|with)\s|:|"|“/),
           text.contains(/^(?:re-?write|rephrase|re-?word|proof-?read|polish|translate|summari[sz]e|shorten|expand|fix\s+(?:the\s+)?(?:grammar|spelling|typos))\b|\b(?:sound|read)\s+(?:more\s+)?(?:professional|friendl(?:y|ier)|formal|casual|fun|exciting|better|smarter|punchier)|\bwrite\s+(?:\d+|some|a\s+few|several|more|two|three|four|five|ten)\s+(?:new\s+)?(?:blog\s+)?(?:posts|articles|pages)|\b(?:generate|fill\s+in|make\s+up)\s+(?:the\s+|some\s+)?(?:content|text|copy|posts|articles)|\btranslate\b|\bin\s+(?:french|german|spanish|italian|dutch|portuguese|japanese|chinese)\b/) {
            return .unsupported("Writing or rewriting prose needs a language model, and the offline agent has none: it only makes the edits it is told word for word. Configure a model backend (see docs/agents.md), or give the new text yourself, one part at a time — “change the About page text to \"…\"”, “add a post called \"…\" saying …”.")
        }
        if asksForFeature, unquoted.contains(/\b(?:upload\s+(?:form|files?|photos?|images?|documents?)|let\s+\w+\s+upload|upload\s+(?:their|a|your|his|her)\s+\w+|file\s+uploads?|save\s+(?:the\s+)?(?:submissions|form\s+entries|messages)|store\s+(?:the\s+)?(?:submissions|messages|entries|orders)|send\s+(?:an?\s+)?(?:sms|text\s+message)|notify\s+me\s+when|push\s+notifications?)\b/) {
            return .unsupported("That needs a server to receive and keep what visitors send, and a static site only serves files. The nearest thing is a contact form that emails each message to you (“add a contact form”), or a link to a service that collects uploads or sends notifications.")
        }
        if text.contains(/\b(?:elastic\s*search|algolia|meilisearch|typesense|solr|search\s+(?:backend|server|engine|index|bar|box|function|feature)|site\s+search|full-?text\s+search)\b/), asksForFeature || text.contains(/\bsearch\b/) {
            let hasSearch = request.site.theme == "docs"
            return .unsupported("A static site cannot run a search server such as Elasticsearch: there is nothing on the server side to query. "
                + (hasSearch ? "The docs theme already has search that runs in the browser from the site's own index (/search.json), rebuilt with every version: it is on every page, nothing to add."
                    : "The docs theme has search that runs in the browser from the site's own index; switching theme (“use the docs theme”) brings it. Otherwise a hosted search service embeds with a script, which a model backend can add."))
        }
        if text.contains(/^(?:generate|create|draw|design|produce|paint|render|make\s+me)\s+(?:me\s+)?(?:a|an|some|new|a\s+new)\s+(?:[\w-]+\s+){0,2}(?:illustrations?|images?|pictures?|photos?|logos?|icons?|graphics?|drawings?|artwork|banners?|diagrams?)\b/), !text.contains(/\.(?:jpe?g|png|svg|gif|webp)\b|\s(?:to|read|say|says)\s/) {
            return .unsupported("The offline agent cannot make or fetch images: it only places files the site already has. Add the image to the site's static/ folder (static/img/new.svg is served at /img/new.svg) in a new version, then say “add the image /img/new.svg to the … page with alt text …”; a model backend with image tools could draw one.")
        }
        if text.contains(/^(?:publish|deploy|launch|promote|release)\s+(?:the\s+|my\s+|our\s+)?(?:site|website|changes|preview|latest version|new version)\b|^(?:go|make\s+it|put\s+it)\s+live\b/) {
            return .unsupported("Going live is not an edit of the source: promote a version (for example the latest preview) to make it live. The agent only creates new versions, which are previewed, not promoted.")
        }
        return nil
    }
}
