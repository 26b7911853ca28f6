import Foundation
import SiteAPI
/// Rules for site names: a DNS label, since a site is served at `<name>.<domain>`.
package enum SiteName {
    /// Returns a reason when `name` cannot be a site name.
    package static func problem(with name: String) -> String? { SiteNameRules.problem(with: name) }
}
