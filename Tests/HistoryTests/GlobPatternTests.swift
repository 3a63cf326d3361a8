import Testing
@testable import History

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("*.min.js", "app.min.js", true),
        ("*.min.js", "web/static/app.min.js", true),
        ("*.min.js", "app.js", false),
        ("package-lock.json", "frontend/package-lock.json", true),
        ("vendor/", "vendor/lib/a.c", true),
        ("vendor/", "src/vendor/a.c", true),
        ("vendor/", "vendor", false),
        ("vendor/", "vendored/a.c", false),
        ("/deps/", "deps/lua/lua.c", true),
        ("/deps/", "src/deps/x.c", false),
        ("src/*.c", "src/main.c", true),
        ("src/*.c", "src/sub/main.c", false),
        ("src/*.c", "lib/src/main.c", false),
        ("src/**/*.c", "src/main.c", true),
        ("src/**/*.c", "src/a/b/main.c", true),
        ("docs/**", "docs/guide/intro.md", true),
        ("**/test/**", "a/test/b.c", true),
        ("**/test/**", "test/b.c", true),
        ("src/legacy", "src/legacy/old.c", true),
        ("src/legacy", "src/legacy2/old.c", false),
        ("docs", "docs/readme.md", true),
        ("docs", "src/docs/readme.md", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
        ("[abc]*.h", "b-header.h", true),
        ("[!abc]*.h", "b-header.h", false),
        ("[a-c]x", "bx", true),
        ("[a-c]x", "dx", false),
        ("\\*.txt", "*.txt", true),
        ("\\*.txt", "a.txt", false),
        ("*", "anything/at/all", true),
        ("./src/*.c", "src/a.c", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func starDoesNotCrossFolders() {
        #expect(!GlobPattern("a*b").matches("a/b"))
        #expect(GlobPattern("a*b").matches("axxb"))
    }
}
