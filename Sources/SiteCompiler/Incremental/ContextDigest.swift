internal import Crypto
internal import Foundation

/// A SHA-256 over everything that goes into a rendering: strings, flags and the nested dictionaries and arrays of a
/// template context, fed in a canonical order (dictionary keys sorted, every value tagged and length-prefixed), so
/// equal inputs give equal digests and different inputs practically never collide.
struct ContextDigest {
    /// The bytes fed so far: collected and hashed once in ``finish()``, which is much cheaper than a hash update
    /// per small value.
    private var bytes: [UInt8] = []

    /// An empty digest.
    init() {
        bytes.reserveCapacity(256)
    }

    /// Adds a string.
    mutating func add(_ text: String) {
        add(tag: "s")
        addLength(text.utf8.count)
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Adds bytes.
    mutating func add(_ data: Data) {
        add(tag: "d")
        addLength(data.count)
        bytes.append(contentsOf: data)
    }

    /// Adds a flag.
    mutating func add(_ flag: Bool) {
        add(tag: flag ? "T" : "F")
    }

    /// Adds a template value: a string, flag, number, array or dictionary, nested to any depth.
    mutating func add(value: Any) {
        switch value {
        case let text as String:
            add(text)
        case let flag as Bool:
            add(flag)
        case let number as Int:
            add(tag: "i")
            add(String(number))
        case let dictionary as [String: Any]:
            add(tag: "{")
            addLength(dictionary.count)
            for key in dictionary.keys.sorted() {
                add(key)
                add(value: dictionary[key] as Any)
            }
        case let array as [Any]:
            add(tag: "[")
            addLength(array.count)
            for element in array { add(value: element) }
        case Optional<Any>.none:
            add(tag: "n")
        default:
            // Templates only ever see the cases above; anything else is hashed by its description so a new value
            // type still invalidates rather than being ignored.
            add(tag: "?")
            add(String(describing: value))
        }
    }

    /// The digest as 64 lowercase hex digits.
    func finish() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private mutating func add(tag: Unicode.Scalar) {
        bytes.append(UInt8(ascii: tag))
    }

    /// The count in decimal, then `:` (the same bytes as `"\(count):"`).
    private mutating func addLength(_ count: Int) {
        if count < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(count))
        } else {
            bytes.append(contentsOf: String(count).utf8)
        }
        bytes.append(UInt8(ascii: ":"))
    }
}
