import SiteCompiler
import Yams

/// The placeholder Pricing page the embedded agent writes (prices flagged `placeholder: true`).
enum PricingTemplate {
    struct Tier {
        var name: String
        var price: String
        var period: String
        var features: [String]
        var highlighted: Bool
    }

    private static let catalogue: [Tier] = [
        Tier(name: "Basic", price: "$19", period: "month", features: ["1 project", "Email support"], highlighted: false),
        Tier(name: "Pro", price: "$49", period: "month", features: ["5 projects", "Priority support", "Analytics"], highlighted: true),
        Tier(name: "Business", price: "$99", period: "month", features: ["20 projects", "Phone support", "Team accounts"], highlighted: false),
        Tier(name: "Enterprise", price: "Custom", period: "year", features: ["Unlimited projects", "Dedicated support", "Custom contract"], highlighted: false),
    ]

    /// `count` tiers: Basic/Pro/Enterprise for three, cheapest first; the middle one highlighted.
    static func tiers(count: Int, ctaURL: String) -> [(name: String, value: YAMLValue)] {
        let names: [String] = switch max(1, min(count, 4)) {
        case 1: ["Pro"]
        case 2: ["Basic", "Pro"]
        case 3: ["Basic", "Pro", "Enterprise"]
        default: ["Basic", "Pro", "Business", "Enterprise"]
        }
        let chosen = names.compactMap { name in catalogue.first { $0.name == name } }
        return chosen.map { tier in
            let cta = tier.name == "Enterprise" ? "Contact us" : "Get started"
            return (tier.name, .map([
                ("name", .string(tier.name)), ("price", .string(tier.price)), ("period", .string(tier.period)),
                ("features", .list(tier.features.map { .string($0) })), ("cta_label", .string(cta)),
                ("cta_url", .string(ctaURL)), ("highlighted", .bool(tier.highlighted)),
            ]))
        }
    }

    static func page(title: String, tiers: [(name: String, value: YAMLValue)]) -> String {
        let props = YAMLValue.map([("title", .string(title)), ("placeholder", .bool(true)), ("tiers", .list(tiers.map(\.value)))])
        var lines = ["---", "title: \(YAMLScalar.render(title))", "description: Plans and prices.", "---", ""]
        lines += [":::component Pricing"] + props.blockLines(indent: 0) + [":::", ""]
        return lines.joined(separator: "\n")
    }
}
