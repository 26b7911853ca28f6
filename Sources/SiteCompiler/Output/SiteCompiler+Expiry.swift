internal import Foundation

extension SiteCompiler {
    /// When a build of `pages` with `options` stops being current: the first page dated after `options.now` goes
    /// live (unless future pages are built anyway), or the year shown in footers changes.
    static func expiry(of pages: [Page], options: CompileOptions) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let year = calendar.component(.year, from: options.now)
        let nextYear = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) ?? .distantPast
        guard !options.future else { return nextYear }
        let nextRelease = pages.compactMap { $0.frontMatter.date?.date }.filter { $0 > options.now }.min()
        return min(nextYear, nextRelease ?? nextYear)
    }
}
