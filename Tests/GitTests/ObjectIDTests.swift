import Foundation
import Testing
@testable import Git

@Suite struct ObjectIDTests {
    @Test func hexRoundTrip() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(id.abbreviated(7) == "0123456")
        #expect(ObjectID(id.raw) == id)
    }

    @Test(arguments: ["", "abc", "0123456789abcdef0123456789abcdef0123456", "g123456789abcdef0123456789abcdef01234567",
                      "0123456789abcdef0123456789abcdef012345678"])
    func rejectsWhatIsNotAFullName(_ text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    @Test func bytesRoundTripFromAnyCollection() throws {
        let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
        #expect(id.bytes == [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd,
                             0xef, 0x01, 0x23, 0x45, 0x67])
        #expect(ObjectID(bytes: id.bytes) == id)
        #expect(ObjectID(bytes: Data(id.bytes)) == id)
        #expect(ObjectID(bytes: Data([0xff] + id.bytes).dropFirst()) == id)  // a slice not starting at 0
        #expect(ObjectID(bytes: id.bytes.reversed().reversed()) == id)  // not contiguous
        #expect(ObjectID(bytes: id.bytes.dropLast()) == nil)
        #expect(ObjectID(bytes: id.bytes + [0]) == nil)
    }

    @Test func ordersAsItsBytes() throws {
        let low = try #require(ObjectID(hex: "00000000000000000000000000000000000000ff"))
        let middle = try #require(ObjectID(hex: "0000000000000001000000000000000000000000"))
        let high = try #require(ObjectID(hex: "ff00000000000000000000000000000000000000"))
        #expect(low < middle)
        #expect(middle < high)
        #expect([high, low, middle].sorted() == [low, middle, high])
    }
}
