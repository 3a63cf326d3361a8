#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes Git stores (messages, names, paths) into Swift strings without ever failing.
///
/// Git stores text as bytes. A commit may declare its encoding in an `encoding` header (for example ISO-8859-1);
/// without one the bytes are meant to be UTF-8, though old histories hold everything. ktlo follows the header as
/// git does (through iconv, which knows the same encodings), and repairs what is still not valid UTF-8 with U+FFFD
/// rather than guessing.
enum TextDecoding {
    /// Decodes `bytes` written in `encoding` (`nil` or a UTF-8 spelling means UTF-8).
    static func decode(_ bytes: UnsafeRawBufferPointer, encoding: String?) -> String {
        if let encoding, !isUTF8(encoding), let converted = convert(bytes, from: encoding) {
            return converted
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a NUL-terminated C string written in `encoding`.
    static func decode(_ cString: UnsafePointer<CChar>?, encoding: String?) -> String {
        guard let cString else { return "" }
        return decode(UnsafeRawBufferPointer(start: cString, count: strlen(cString)), encoding: encoding)
    }

    static func isUTF8(_ encoding: String) -> Bool {
        let folded = encoding.lowercased()
        return folded == "utf-8" || folded == "utf8"
    }

    /// Converts through iconv; `nil` when iconv does not know the encoding or the bytes are not valid in it.
    private static func convert(_ bytes: UnsafeRawBufferPointer, from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return "" }

        // UTF-8 needs at most 4 bytes per input byte for every single-byte or multi-byte legacy encoding.
        let capacity = bytes.count * 4 + 4
        let output = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { output.deallocate() }
        let input = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        defer { input.deallocate() }
        UnsafeMutableRawBufferPointer(start: input, count: bytes.count).copyMemory(from: bytes)

        var inPointer: UnsafeMutablePointer<CChar>? = input
        var inLeft = bytes.count
        var outPointer: UnsafeMutablePointer<CChar>? = output
        var outLeft = capacity
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
        let written = capacity - outLeft
        return String(decoding: UnsafeRawBufferPointer(start: output, count: written), as: UTF8.self)
    }
}
