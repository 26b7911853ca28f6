import Foundation
/// Rules for site names: a DNS label, since a site is served at `<name>.<domain>`.
package enum SiteName {
    /// Returns a reason when `name` cannot be a site name.
    package static func problem(with name: String) -> String? {
        if name.isEmpty || name.count > 63 { return "must be 1 to 63 characters long" }
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed { return "may hold only lower-case letters, digits and '-'" }
        if name.hasPrefix("-") || name.hasSuffix("-") { return "cannot start or end with '-'" }
        if name.contains("--") { return "cannot contain '--' (reserved for preview--NAME and vN--NAME hosts)" }
        return nil
    }
}
