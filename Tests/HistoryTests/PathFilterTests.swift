import Testing
@testable import History

@Suite struct PathFilterTests {
    @Test func defaultExcludes() {
        let filter = PathFilter()
        #expect(filter.exclusion(for: "src/main.c") == nil)
        #expect(filter.exclusion(for: "yarn.lock") == .byDefault(.lockfile, pattern: "yarn.lock"))
        #expect(filter.exclusion(for: "web/package-lock.json") == .byDefault(.lockfile, pattern: "package-lock.json"))
        #expect(filter.exclusion(for: "vendor/github.com/x/y.go") == .byDefault(.vendored, pattern: "vendor/"))
        #expect(filter.exclusion(for: "deps/jemalloc/src/arena.c") == .byDefault(.vendored, pattern: "/deps/"))
        #expect(filter.exclusion(for: "src/deps.c") == nil)
        #expect(filter.exclusion(for: "api/service.pb.go") == .byDefault(.generated, pattern: "*.pb.go"))
        #expect(filter.exclusion(for: "static/app.min.js") == .byDefault(.minified, pattern: "*.min.js"))
    }

    @Test func defaultsCanBeTurnedOff() {
        #expect(PathFilter(useDefaultExcludes: false).exclusion(for: "yarn.lock") == nil)
    }

    @Test func userPatterns() {
        let filter = PathFilter(include: ["src/**"], exclude: ["src/generated/**"])
        #expect(filter.narrowsCommits)
        #expect(filter.exclusion(for: "src/a.c") == nil)
        #expect(filter.exclusion(for: "docs/a.md") == .notIncluded)
        #expect(filter.exclusion(for: "src/generated/x.c") == .pattern("src/generated/**"))
        #expect(filter.exclusion(for: "src/vendor/x.c") == .byDefault(.vendored, pattern: "vendor/"))
    }

    @Test func linguistAttributes() {
        let filter = PathFilter()
        #expect(filter.exclusion(for: "gen/x.c") { LinguistMarks(generated: true) } == .linguistGenerated)
        #expect(filter.exclusion(for: "lib/x.c") { LinguistMarks(vendored: true) } == .linguistVendored)
        // linguist-vendored=false takes a path back from the default vendored folders…
        #expect(filter.exclusion(for: "vendor/ours.c") { LinguistMarks(vendored: false) } == nil)
        // …but not from a lockfile rule, which only linguist-generated=false lifts.
        #expect(filter.exclusion(for: "yarn.lock") { LinguistMarks(vendored: false) }
            == .byDefault(.lockfile, pattern: "yarn.lock"))
        #expect(filter.exclusion(for: "yarn.lock") { LinguistMarks(generated: false) } == nil)
    }

    @Test func attributesAreNotReadWhenPatternsDecide() {
        var asked = false
        _ = PathFilter(exclude: ["*.c"]).exclusion(for: "a.c") {
            asked = true
            return LinguistMarks()
        }
        #expect(!asked)
    }

    @Test func descriptionsSayWhy() {
        #expect(Exclusion.notIncluded.description == "not matched by --include")
        #expect(Exclusion.pattern("docs/**").description == "--exclude docs/**")
        #expect(Exclusion.byDefault(.lockfile, pattern: "yarn.lock").description == "default lockfile exclude yarn.lock")
        #expect(Exclusion.linguistGenerated.description == "linguist-generated")
    }
}
