/// `robots.txt`: allow everything, and point at the sitemap when the site has a base URL (the protocol wants an
/// absolute address there).
enum RobotsFile {
    static func text(model: SiteModel) -> String {
        let rules = "User-agent: *\nAllow: /\n"
        return model.baseURL.isEmpty ? rules : rules + "\nSitemap: \(model.permalink("/sitemap.xml"))\n"
    }
}
