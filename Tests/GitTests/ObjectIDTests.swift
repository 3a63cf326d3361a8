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

    @Test func ordersAsItsBytes() throws {
        let low = try #require(ObjectID(hex: "00000000000000000000000000000000000000ff"))
        let middle = try #require(ObjectID(hex: "0000000000000001000000000000000000000000"))
        let high = try #require(ObjectID(hex: "ff00000000000000000000000000000000000000"))
        #expect(low < middle)
        #expect(middle < high)
        #expect([high, low, middle].sorted() == [low, middle, high])
    }
}
