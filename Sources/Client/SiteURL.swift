/// The address the daemon serves a site at on its machine: `http://SITE.localhost:PORT/`, with `preview--` or
/// `vN--` before the name for a preview or one version.
public enum SiteURL {
    public static func make(site: String, serveAddress: String, prefix: String = "") -> String {
        let port = serveAddress.split(separator: ":").last.map(String.init) ?? "8080"
        return "http://\(prefix)\(site).localhost" + (port == "80" ? "" : ":\(port)") + "/"
    }
}
