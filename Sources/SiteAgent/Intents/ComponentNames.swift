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
        default: Phrase.titleCased(word)
        }
    }
}
