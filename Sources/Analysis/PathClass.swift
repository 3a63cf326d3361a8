import History

/// What kind of file a path is, for deciding what a commit did.
public enum PathClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// Source code of the product.
    case code
    /// Tests, test data and fixtures.
    case test
    /// Documentation: manuals, READMEs, changelogs.
    case docs
    /// The build: makefiles, CMake, autotools, packaging, tool configuration.
    case build
    /// Continuous integration: workflows and CI service files.
    case ci
    /// Dependency manifests, lockfiles and vendored code.
    case dependencies
    /// Generated or minified output.
    case generated
    /// Anything else: assets, data, configuration of the product.
    case other
}

/// Sorts paths into ``PathClass``es: the configuration's globs first, then the conventions of common ecosystems.
public struct PathClassifier: Sendable {
    private let configured: [(pattern: GlobPattern, pathClass: PathClass)]

    /// - Parameter extra: globs per class from the configuration; they win over the built-in conventions.
    public init(extra: [PathClass: [String]] = [:]) {
        configured = PathClass.allCases.flatMap { pathClass in
            (extra[pathClass] ?? []).map { (GlobPattern($0), pathClass) }
        }
    }

    /// The class of a changed file, using why it is excluded when it is (a lockfile is a dependency…).
    public func classify(_ file: FileChurn) -> PathClass {
        classFromExclusion(file) ?? classify(path: file.path)
    }

    /// The class an exclusion implies, unless configuration names the path.
    func classFromExclusion(_ file: FileChurn) -> PathClass? {
        guard file.exclusion != nil, !configured.contains(where: { $0.pattern.matches(file.path) }) else { return nil }
        switch file.exclusion {
        case .byDefault(.lockfile, _), .byDefault(.vendored, _), .linguistVendored: return .dependencies
        case .byDefault(.generated, _), .byDefault(.minified, _), .linguistGenerated: return .generated
        default: return nil
        }
    }

    /// The class of a path by the conventions of common ecosystems.
    public func classify(path: String) -> PathClass {
        if let configured = configured.first(where: { $0.pattern.matches(path) }) { return configured.pathClass }
        return Self.conventionalClass(of: path)
    }

    static func conventionalClass(of path: String) -> PathClass {
        // A template (`config.h.in`, `git.spec.in`) is what it generates.
        if path.hasSuffix(".in"), path.count > 3, !path.hasSuffix("/.in") {
            return conventionalClass(of: String(path.dropLast(3)))
        }
        let lowered = path.lowercased()
        let components = lowered.split(separator: "/")
        guard let name = components.last else { return .other }
        let folders = components.dropLast()
        let (stem, fileExtension) = split(name)

        if isCI(lowered, name: name) { return .ci }
        // Issue templates, CODEOWNERS, funding files: repository housekeeping.
        if components.first == ".github" { return .build }
        if buildFiles.contains(String(name)) || name.hasPrefix("makefile") || name.hasPrefix("cmakelists") {
            return .build
        }
        if dependencyFiles.contains(String(name)) || name.hasPrefix("requirements") && fileExtension == "txt" {
            return .dependencies
        }
        if isTest(folders: folders, name: name, stem: stem, fileExtension: fileExtension,
                  topLevel: components.first) {
            return .test
        }
        if isDocumentation(folders: folders, name: name, stem: stem, fileExtension: fileExtension) { return .docs }
        if isBuild(folders: folders, name: name, fileExtension: fileExtension) { return .build }
        if codeExtensions.contains(fileExtension) { return .code }
        return .other
    }

    private static func split(_ name: Substring) -> (stem: Substring, fileExtension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (name[name.startIndex..<dot], String(name[name.index(after: dot)...]))
    }

    private static func isCI(_ path: String, name: Substring) -> Bool {
        ciPrefixes.contains { path.hasPrefix($0) } || ciFiles.contains(String(name))
    }

    private static func isTest(folders: ArraySlice<Substring>, name: Substring, stem: Substring,
                               fileExtension: String, topLevel: Substring?) -> Bool {
        if folders.contains(where: { testFolders.contains(String($0)) }) { return true }
        // "tests-clar/", "tests-clay/" (libgit2's test suites by their framework's name), "regress-tests/".
        if folders.contains(where: { $0.hasPrefix("tests-") || $0.hasSuffix("-tests") }) { return true }
        // git keeps its tests in t/; only a top-level t/ is that convention.
        if folders.count >= 1, topLevel == "t" { return true }
        return stem.hasPrefix("test_") || stem.hasSuffix("_test") || stem.hasSuffix("_tests")
            || (stem.hasSuffix(".test") || stem.hasSuffix(".spec")) && scriptExtensions.contains(fileExtension)
            || stem.hasSuffix("_spec")
            || stem.hasSuffix("test") && stem.count > 4 && codeExtensions.contains(fileExtension)
                && !stem.hasSuffix("latest") && !stem.hasSuffix("contest")
            || stem.hasSuffix("tests") && codeExtensions.contains(fileExtension)
    }

    private static func isDocumentation(folders: ArraySlice<Substring>, name: Substring, stem: Substring,
                                        fileExtension: String) -> Bool {
        if docExtensions.contains(fileExtension) { return true }
        if docNames.contains(where: { stem == $0 || name == $0 }) { return true }
        // Everything under a documentation folder is documentation, examples included.
        if folders.contains(where: { docFolders.contains(String($0)) }) { return true }
        // Manual pages: name.1 … name.9 in a man folder or at the top.
        if fileExtension.count == 1, ("1"..."9").contains(fileExtension) { return true }
        return false
    }

    private static func isBuild(folders: ArraySlice<Substring>, name: Substring, fileExtension: String) -> Bool {
        buildFiles.contains(String(name)) || buildExtensions.contains(fileExtension)
            || name.hasPrefix("makefile") || name.hasPrefix("dockerfile") || name.hasPrefix("docker-compose")
            || name.hasPrefix("tsconfig") || name.hasPrefix(".eslintrc") || name.hasPrefix(".prettierrc")
            || folders.first == "debian" || folders.contains("cmake") || folders.contains("m4")
            || folders.contains(".github") && !folders.contains("workflows")
    }

    static let ciPrefixes = [
        ".github/workflows/", ".github/actions/", ".circleci/", ".gitlab/ci/", ".buildkite/", ".azure-pipelines/",
        ".ci/", "ci/",
    ]
    static let ciFiles: Set<String> = [
        ".gitlab-ci.yml", ".travis.yml", "appveyor.yml", ".appveyor.yml", "azure-pipelines.yml", "jenkinsfile",
        ".cirrus.yml", ".drone.yml", "bitbucket-pipelines.yml", ".azure-pipelines.yml", ".lift.toml", "dependabot.yml", "renovate.json", ".renovaterc",
        ".renovaterc.json", ".pre-commit-config.yaml", "codecov.yml", ".codecov.yml", ".mergify.yml",
    ]
    static let dependencyFiles: Set<String> = [
        "package.json", "go.mod", "go.sum", "gemfile", "gemfile.lock", "pipfile", "pipfile.lock", "composer.json",
        "composer.lock", "cargo.toml", "cargo.lock", "pubspec.yaml", "pubspec.lock", "podfile", "podfile.lock",
        "cartfile", "cartfile.resolved", "vcpkg.json", "conanfile.txt", "conanfile.py", "package-lock.json",
        "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "poetry.lock", "uv.lock", "package.resolved", "mix.lock",
        "flake.lock", ".gitmodules", "deno.lock", "packages.lock.json", "gradle.lockfile",
    ]
    static let testFolders: Set<String> = [
        "test", "tests", "testing", "__tests__", "__test__", "spec", "specs", "testdata", "test-data", "test_data",
        "testsuite", "unittests", "unit-tests", "e2e", "__snapshots__", "__mocks__", "fixtures", "integration-tests",
    ]
    static let docExtensions: Set<String> = [
        "md", "markdown", "rst", "adoc", "asciidoc", "texi", "texinfo", "pod", "rdoc", "man", "mdx",
    ]
    static let docNames: [Substring] = [
        "readme", "changelog", "changes", "news", "history", "authors", "contributors", "contributing", "license",
        "licence", "copying", "notice", "thanks", "credits", "code_of_conduct", "security", "maintainers",
        "relnotes", "todo", "faq", "install", "hacking", "bugs", "copyright",
    ]
    static let docFolders: Set<String> = [
        "doc", "docs", "documentation", "man", "manual", "manuals", "website", "guide", "guides", "relnotes",
        "presentations", "slides",
    ]
    static let scriptExtensions: Set<String> = ["js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "rb", "coffee"]
    static let buildFiles: Set<String> = [
        "cmakelists.txt", "configure", "configure.ac", "configure.in", "meson.build", "meson_options.txt",
        "meson.options", "build", "build.bazel", "workspace", "workspace.bazel", "module.bazel", "build.gradle",
        "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "pom.xml",
        "package.swift", "setup.py", "setup.cfg", "pyproject.toml", "tox.ini", "manifest.in", "rakefile",
        "gemspec", ".gitignore", ".cvsignore", ".hgignore", ".gitattributes", ".editorconfig", ".clang-format", ".clang-tidy", ".dockerignore",
        "autogen.sh", "buildconf", "build.rs", "justfile", "taskfile.yml", "babel.config.js", "webpack.config.js",
        "rollup.config.js", "vite.config.ts", "vite.config.js", "jest.config.js", "vitest.config.ts", ".npmignore",
        ".npmrc", ".nvmrc", ".yarnrc", ".yarnrc.yml", "lerna.json", "turbo.json", "nx.json", ".swiftlint.yml",
        ".swift-format", "version", "makefile.am", "makefile.in", "config.mk", ".mailmap",
    ]
    static let buildExtensions: Set<String> = [
        "cmake", "mk", "mak", "am", "m4", "bzl", "gradle", "sln", "csproj", "vcxproj", "vcproj", "xcconfig",
        "pbxproj", "spec", "nix", "gyp", "gypi", "vcxitems", "props", "filters",
    ]
    static let codeExtensions: Set<String> = [
        "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "m", "mm", "swift", "go", "rs", "java", "kt", "kts",
        "scala", "cs", "fs", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte", "py", "rb",
        "php", "pl", "pm", "sh", "bash", "zsh", "fish", "ps1", "lua", "tcl", "r", "jl", "ex", "exs", "erl", "hrl",
        "hs", "ml", "mli", "clj", "cljs", "dart", "zig", "nim", "v", "sv", "vhd", "sql", "asm", "s", "f", "f90",
        "cu", "cl", "groovy", "elm", "re", "d", "pas", "vim", "el", "awk", "sed", "y", "l", "proto", "thrift",
        "graphql", "css", "scss", "sass", "less", "html", "htm", "xml", "xsl", "jq", "wasm",
    ]
}

/// A set of path classes as bits: a commit's mix of file kinds, compared without hashing.
struct PathClassSet: Equatable, ExpressibleByArrayLiteral {
    private var bits: UInt16 = 0

    init(_ classes: some Sequence<PathClass>) {
        for pathClass in classes { bits |= Self.bit(pathClass) }
    }

    init(arrayLiteral elements: PathClass...) {
        self.init(elements)
    }

    func removing(_ pathClass: PathClass) -> PathClassSet {
        var copy = self
        copy.bits &= ~Self.bit(pathClass)
        return copy
    }

    func isSubset(of other: PathClassSet) -> Bool { bits & ~other.bits == 0 }

    private static func bit(_ pathClass: PathClass) -> UInt16 {
        switch pathClass {
        case .code: 1 << 0
        case .test: 1 << 1
        case .docs: 1 << 2
        case .build: 1 << 3
        case .ci: 1 << 4
        case .dependencies: 1 << 5
        case .generated: 1 << 6
        case .other: 1 << 7
        }
    }
}
