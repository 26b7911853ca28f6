import SiteCompiler
import Yams

/// Component names as the starter theme declares them, from the words people use.
enum ComponentNames {
    static func canonical(_ word: String) -> String {
        switch word.lowercased().replacing(" ", with: "") {
        case "hero", "banner", "jumbotron": "Hero"
        case "features", "feature": "Features"
        case "pricing", "prices", "pricingtable": "Pricing"
        case "gallery", "images", "photos": "Gallery"
        case "contactform", "form", "contact": "ContactForm"
        case "figure", "diagram", "illustration", "screenshot", "chart", "image", "picture", "photo", "graphic": "Figure"
        case "testimonials", "testimonial", "reviews", "review", "quotes": "Testimonials"
        case "faq", "faqs", "questions", "q&a": "FAQ"
        case "video", "videos": "Video"
        case "callout", "note", "calloutbox", "tipbox", "warningbox", "notebox", "infobox", "box", "tip", "warning": "Callout"
        default: Phrase.titleCased(word)
        }
    }
}
