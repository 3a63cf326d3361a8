import Analysis
import Testing
@testable import Configuration

@Suite struct ConfigurationParserTests {
    @Test func everySetting() throws {
        let text = """
            version: 1
            paths:
              include: ["src/**", "lib/**"]
              exclude: docs/generated/**
              default_excludes: false
              linguist: no
            classification:
              conventional_commits: never
              learned_model: false
              words:
                fix: [oopsie, "hot fix"]
                maintenance: [housekeeping]
              paths:
                test: ["qa/**"]
              bots: [release-robot]
            buckets:
              refactor: feature
              docs: ktlo
            """
        let configuration = try ConfigurationParser.parse(text, file: ".ktlo.yml")
        #expect(configuration.include == ["src/**", "lib/**"])
        #expect(configuration.exclude == ["docs/generated/**"])
        #expect(!configuration.useDefaultExcludes)
        #expect(!configuration.useLinguistAttributes)
        #expect(configuration.classifier.conventionalCommits == .never)
        #expect(!configuration.classifier.learnedModel)
        #expect(configuration.classifier.words[.fix] == ["oopsie", "hot fix"])
        #expect(configuration.classifier.words[.maintenance] == ["housekeeping"])
        #expect(configuration.classifier.paths[.test] == ["qa/**"])
        #expect(configuration.classifier.bots == ["release-robot"])
        #expect(configuration.classifier.buckets.bucket(for: .refactor) == .feature)
        #expect(configuration.classifier.buckets.bucket(for: .docs) == .ktlo)
        #expect(configuration.classifier.buckets.bucket(for: .fix) == .ktlo)
        #expect(configuration.source == ".ktlo.yml")
    }

    @Test func emptyFileAndTemplateMeanDefaults() throws {
        for text in ["", "# nothing\n", ConfigurationTemplate.text] {
            let configuration = try ConfigurationParser.parse(text, file: ".ktlo.yml")
            #expect(configuration.include.isEmpty)
            #expect(configuration.useDefaultExcludes)
            #expect(configuration.classifier.conventionalCommits == .auto)
            #expect(configuration.classifier.buckets == .standard)
        }
    }

    @Test(arguments: [
        ("clasification:\n  bots: [x]\n", 1, "unknown key 'clasification' in 'the configuration' (did you mean 'classification'?)"),
        ("version: 1\npaths:\n  exclude: [a]\n  includes: [b]\n", 4, "unknown key 'includes' in 'paths' (did you mean 'include'?)"),
        ("paths:\n  default_excludes: maybe\n", 2, "'paths.default_excludes' must be true or false, not 'maybe'"),
        ("classification:\n  conventional_commits: sometimes\n", 2,
         "'classification.conventional_commits' must be one of auto, always, never, not 'sometimes'"),
        ("classification:\n  learned_model: often\n", 2,
         "'classification.learned_model' must be true or false, not 'often'"),
        ("buckets:\n  merge: ktlo\n", 2, "unknown key 'merge' in 'buckets'"),
        ("buckets:\n  fix: keep-the-lights-on\n", 2, "'buckets.fix' must be one of ktlo, feature, other"),
        ("classification:\n  words:\n    bugs: [x]\n", 3, "unknown key 'bugs' in 'classification.words'"),
        ("classification:\n  words:\n    fix: {a: b}\n", 3, "'classification.words.fix' must be a list of text"),
        ("version: 2\n", 1, "version 2 is not supported; this ktlo reads version 1"),
        ("paths: [a, b]\n", 1, "'paths' must be a mapping of keys to values"),
        ("paths:\n  include: [a\n", 3, "invalid YAML"),
        ("paths:\n  include: [a]\n  include: [b]\n", 2, "duplicate key 'include'"),
    ])
    func errorsNameTheKeyAndLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try ConfigurationParser.parse(text, file: ".ktlo.yml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.hasPrefix(message) || error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(".ktlo.yml:\(line): "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func budgetComponentsAndTeams() throws {
        let text = """
            budget:
              feature: 50
              refactor: 20
              fix: 20.5
              other: 9.5
            components:
              server: ["src/server/**"]
              web: [web/**, "*.css"]
            teams:
              platform: [ada@example.com, "*@infra.example.com"]
              web: Grace Hopper
            """
        let configuration = try ConfigurationParser.parse(text, file: ".ktlo.yml")
        #expect(configuration.budget?.lines.map(\.target) == [.bucket(.feature), .category(.refactor),
                                                              .category(.fix), .bucket(.other)])
        #expect(configuration.budget?.lines.map(\.percent) == [50, 20, 20.5, 9.5])
        #expect(configuration.components.map(\.name) == ["server", "web"])
        #expect(configuration.components[1].globs == ["web/**", "*.css"])
        #expect(configuration.teams.map(\.name) == ["platform", "web"])
        #expect(configuration.teams[1].members == ["Grace Hopper"])
    }

    @Test(arguments: [
        ("budget:\n  feature: 60\n  ktlo: 50\n", 3, "the budget adds up to 110.0 %, more than 100 %"),
        ("budget:\n  ktlo: 40\n  fix: 20\n", 3, "'budget.fix' is part of 'budget.ktlo'; budget one or the other"),
        ("budget:\n  fix: 20\n  ktlo: 40\n", 3, "'budget.ktlo' holds 'budget.fix'; budget one or the other"),
        ("budget:\n  feature: 120\n", 2, "'budget.feature' must be a percentage from 0 to 100, not 120.0"),
        ("budget:\n  feature: lots\n", 2, "'budget.feature' must be a number, not 'lots'"),
        ("budget:\n  merge: 10\n", 2, "unknown key 'merge' in 'budget'"),
        ("teams:\n  web: {a: b}\n", 2, "'teams.web' must be a list of text"),
    ])
    func budgetErrors(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try ConfigurationParser.parse(text, file: ".ktlo.yml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line || message.hasPrefix("the budget"), "\(error)")
            #expect(error.message.hasPrefix(message), "\(error)")
        }
    }

    @Test func pathFilterCombinesFileAndCommandLine() throws {
        let configuration = try ConfigurationParser.parse("paths:\n  exclude: [docs/**]\n", file: "x")
        let filter = configuration.pathFilter(include: ["src/**"], exclude: ["*.md"], noDefaultExcludes: true)
        #expect(filter.include.map(\.text) == ["src/**"])
        #expect(filter.exclude.map(\.text) == ["docs/**", "*.md"])
        #expect(!filter.useDefaultExcludes)
    }
}
