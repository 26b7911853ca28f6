package import Foundation

/// Switches for one build.
package struct CompileOptions: Sendable {
    /// How internal broken links found after the build are reported.
    package enum LinkCheck: Sendable {
        /// Not checked.
        case off
        /// Reported as warnings (the default: a missing page should not block a preview).
        case warn
        /// Reported as errors, failing the build.
        case error
    }

    /// Build pages marked `draft: true` too (for previews).
    package var drafts = false
    /// The build's clock: templates see its year as `{{site.year}}`. Pass a fixed value for reproducible builds.
    package var now = Date()
    /// Overrides site.yaml `base_url` (the daemon passes the address it serves the version at).
    package var baseURL: String?
    /// How broken internal links are reported.
    /// What broken internal links are; nil: site.yaml's `link_check:`, else errors.
    package var linkCheck: LinkCheck?
    /// Build pages dated after ``now`` too (left out by default, as in Hugo).
    package var future = false
    /// When set, every layout and component is rendered both through the theme's render plan and through
    /// swift-mustache, and every difference is recorded here (the differential test of ``RenderPlan``).
    package var renderPlanCheck: RenderPlanCheck?

    /// Options; the defaults suit a production build.
    package init(
        drafts: Bool = false,
        now: Date = Date(),
        baseURL: String? = nil,
        linkCheck: LinkCheck? = nil,
        future: Bool = false
    ) {
        self.drafts = drafts
        self.future = future
        self.now = now
        self.baseURL = baseURL
        self.linkCheck = linkCheck
    }
}
