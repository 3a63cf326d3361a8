import History
import Testing
@testable import Analysis

@Suite struct PathClassifierTests {
    let classifier = PathClassifier()

    @Test(arguments: [
        ("src/server.c", PathClass.code), ("lib/parser.ts", .code), ("cmd/main.go", .code),
        ("tests/unit/expire.tcl", .test), ("t/t1234-foo.sh", .test), ("src/parser_test.go", .test),
        ("pkg/foo/bar_test.py", .test), ("web/app.spec.ts", .test), ("src/FooTests.swift", .test),
        ("test/fixtures/a.json", .test), ("git.spec.in", .build),
        ("README.md", .docs), ("docs/guide/intro.html", .docs), ("Documentation/git-log.txt", .docs),
        ("CHANGES", .docs), ("man/jq.1", .docs), ("docs/examples/debug.c", .docs),
        ("Makefile", .build), ("lib/.cvsignore", .build), ("CMakeLists.txt", .build), ("cmake/FindZ.cmake", .build), ("configure.ac", .build),
        ("tests/Makefile.am", .build), (".github/ISSUE_TEMPLATE/bug.md", .build), ("Dockerfile", .build),
        (".github/workflows/ci.yml", .ci), (".travis.yml", .ci), (".gitlab-ci.yml", .ci),
        ("package.json", .dependencies), ("go.mod", .dependencies), ("requirements-dev.txt", .dependencies),
        ("assets/logo.png", .other),
    ])
    func conventions(_ path: String, _ expected: PathClass) {
        #expect(classifier.classify(path: path) == expected, "\(path)")
    }

    @Test func exclusionsSayWhatAFileIs() {
        func file(_ path: String, _ exclusion: Exclusion?) -> FileChurn {
            FileChurn(delta: .init(path: path, status: .modified, added: 1, deleted: 1), exclusion: exclusion)
        }
        #expect(classifier.classify(file("yarn.lock", .byDefault(.lockfile, pattern: "yarn.lock"))) == .dependencies)
        #expect(classifier.classify(file("vendor/x.go", .byDefault(.vendored, pattern: "vendor/"))) == .dependencies)
        #expect(classifier.classify(file("gen/p.c", .linguistGenerated)) == .generated)
        #expect(classifier.classify(file("src/a.c", .pattern("src/**"))) == .code)
    }

    @Test func configurationWins() {
        let configured = PathClassifier(extra: [.docs: ["src/handbook/**"]])
        #expect(configured.classify(path: "src/handbook/intro.c") == .docs)
        #expect(configured.classify(path: "src/other.c") == .code)
    }
}
