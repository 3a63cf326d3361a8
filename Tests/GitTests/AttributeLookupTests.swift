import Foundation
import Git
import Testing
import TestSupport

/// `AttributeLookup` skips libgit2 only where the answer is certain: every path of every case must get exactly what
/// `Repository.attribute` says, and the paths no attribute file can reach must be `unspecified`.
@Suite struct AttributeLookupTests {
    private static let names = ["linguist-generated", "linguist-vendored"]
    private static let paths = ["top.c", "a/x.c", "a/deep/y.c", "b/y.c", "b/c/z.c", "b/c/z.h", "m/q.c", "m/q.h"]

    /// Commits a repository holding `paths` plus `attributes` (path → content of that `.gitattributes`).
    private func repository(attributes: [String: String]) throws -> (path: String, head: ObjectID) {
        let path = try Fixtures.temporaryFolder()
        _ = try Shell.git(["init", "-q", "-b", "main"], in: path)
        for file in Self.paths + Array(attributes.keys) {
            let url = URL(fileURLWithPath: path).appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try (attributes[file] ?? "int \(file.count);\n").write(to: url, atomically: true, encoding: .utf8)
        }
        _ = try Shell.git(["add", "-A"], in: path)
        _ = try Shell.git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "files"],
                          in: path)
        let head = try #require(ObjectID(hex: try Shell.git(["rev-parse", "HEAD"], in: path).standardOutputText
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        return (path, head)
    }

    /// Every path's values through the lookup, checked against libgit2 asked directly.
    private func values(_ path: String, _ head: ObjectID) throws -> [String: [AttributeValue]] {
        let repository = try Repository.open(at: path)
        let lookup = try AttributeLookup(repository: repository, commit: head, names: Self.names)
        var values: [String: [AttributeValue]] = [:]
        for file in Self.paths {
            let fast = try lookup.values(for: file)
            let direct = try Self.names.map { name in try repository.attribute(name, for: file, at: head) }
            #expect(fast == direct, "\(file)")
            values[file] = fast
        }
        return values
    }

    @Test func aFolderFileReachesOnlyItsFolder() throws {
        let (path, head) = try repository(attributes: [
            ".gitattributes": "*.md text\n",
            "b/.gitattributes": "c/** linguist-vendored\n",
        ])
        let values = try values(path, head)
        #expect(values["b/c/z.c"] == [.unspecified, .set])
        #expect(values["a/x.c"] == [.unspecified, .unspecified])
        #expect(values["top.c"] == [.unspecified, .unspecified])
    }

    @Test func aMacroAtTheTopReachesEveryFolder() throws {
        let (path, head) = try repository(attributes: [
            ".gitattributes": "[attr]made linguist-generated\n",
            "m/.gitattributes": "*.c made\n",
        ])
        let values = try values(path, head)
        #expect(values["m/q.c"] == [.set, .unspecified])
        #expect(values["m/q.h"] == [.unspecified, .unspecified])
    }

    @Test func theIndexCounts() throws {
        let (path, head) = try repository(attributes: [:])
        try "x.c linguist-generated\n".write(toFile: path + "/a/.gitattributes", atomically: true, encoding: .utf8)
        _ = try Shell.git(["add", "a/.gitattributes"], in: path)
        let values = try values(path, head)
        #expect(values["a/x.c"] == [.set, .unspecified])
        #expect(values["b/y.c"] == [.unspecified, .unspecified])
    }

    @Test func infoAttributesAndTheConfiguredFileCount() throws {
        let (path, head) = try repository(attributes: [:])
        try FileManager.default.createDirectory(atPath: path + "/.git/info", withIntermediateDirectories: true)
        try "*.h linguist-vendored\n".write(toFile: path + "/.git/info/attributes", atomically: true, encoding: .utf8)
        var values = try values(path, head)
        #expect(values["m/q.h"] == [.unspecified, .set])
        #expect(values["m/q.c"] == [.unspecified, .unspecified])

        try FileManager.default.removeItem(atPath: path + "/.git/info/attributes")
        let global = try Fixtures.temporaryFolder() + "/attributes"
        try "y.c linguist-generated\n".write(toFile: global, atomically: true, encoding: .utf8)
        _ = try Shell.git(["config", "core.attributesFile", global], in: path)
        values = try self.values(path, head)
        #expect(values["a/deep/y.c"] == [.set, .unspecified])
    }

    @Test func theBuiltInBinaryMacroCountsForDiff() throws {
        let (path, head) = try repository(attributes: ["a/.gitattributes": "x.c binary\n"])
        let repository = try Repository.open(at: path)
        let lookup = try AttributeLookup(repository: repository, commit: head, names: ["diff"])
        #expect(try lookup.values(for: "a/x.c") == [.unset])
        #expect(try lookup.values(for: "b/y.c") == [.unspecified])
    }
}
