/// The page left at an old URL (front matter `aliases:`): an instant refresh to the new one, with a canonical link.
enum RedirectPage {
    static func html(to url: String, permalink: String) -> String {
        let target = HTMLText.escape(url)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Redirecting…</title>
            <link rel="canonical" href="\(HTMLText.escape(permalink))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body><p>This page has moved to <a href="\(target)">\(target)</a>.</p></body>
            </html>

            """
    }
}
