import Git
import Testing
import TestSupport
@testable import History

/// ktlo's churn against `git log --numstat --name-status`, file by file, on every fixture with history.
@Suite struct DifferentialTests {
    static let fixtures = ["linear", "merges", "renames", "binary", "encodings", "attributes", "paths", "malformed",
                           "oldmode", "diffattr", "busy", "bigedits", "detached", "topology", "manyfiles", "largefile",
                           "text", "dates", "submodule", "hostile"]

    @Test(arguments: fixtures, [true, false])
    func agreesWithGit(_ fixture: String, renames: Bool) throws {
        let path = try Fixtures.path(fixture)
        let oracle = try GitOracle(repository: path, renames: renames)
        let reader = try HistoryReader(path: path, options: HistoryOptions(diff: DiffOptions(detectRenames: renames)))
        var compared = 0
        while let record = try reader.next() {
            guard !record.isMerge else { continue }
            let expected = try #require(oracle.commits[record.id.hex], "git does not list \(record.id)")
            let actual = Set(record.files.map {
                GitOracle.FileStat(status: $0.status.rawValue, path: $0.path, added: $0.added, deleted: $0.deleted,
                                   binary: $0.isBinary)
            })
            #expect(actual == expected, "\(fixture) \(record.id.abbreviated()) \(record.summary)")
            compared += 1
        }
        #expect(compared == oracle.commits.count)
        #expect(compared > 0)
    }
}
