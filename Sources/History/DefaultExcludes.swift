/// Files that hold no engineering effort of the team's own: lockfiles, vendored code, generated and minified
/// output. They stay in each commit's record, flagged `excluded`, but count toward no metric.
///
/// The folder list follows GitHub linguist's vendoring conventions; anything else a team vendors or generates can be
/// added with `--exclude`, or marked `linguist-vendored` / `linguist-generated` in `.gitattributes`.
public enum DefaultExcludes {
    /// Why a default pattern excludes a file.
    public enum Kind: String, Sendable, CaseIterable {
        case lockfile, vendored, generated, minified
    }

    public static let patterns: [(pattern: GlobPattern, kind: Kind)] = {
        let lockfiles = [
            "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb",
            "deno.lock", "Cargo.lock", "Gemfile.lock", "composer.lock", "poetry.lock", "Pipfile.lock", "pdm.lock",
            "uv.lock", "go.sum", "Package.resolved", "Podfile.lock", "Cartfile.resolved", "mix.lock",
            "pubspec.lock", "flake.lock", "packages.lock.json", "gradle.lockfile", "paket.lock", "conan.lock",
        ]
        let vendored = [
            "vendor/", "vendors/", "third_party/", "third-party/", "thirdparty/", "3rdparty/", "node_modules/",
            "bower_components/", "Pods/", "Carthage/", "/deps/",
        ]
        let generated = [
            "*.pb.go", "*.pb.cc", "*.pb.h", "*.pb.swift", "*_pb2.py", "*_pb2_grpc.py", "*.g.dart",
            "*.freezed.dart", "*.designer.cs",
        ]
        let minified = ["*.min.js", "*.min.css", "*.js.map", "*.css.map"]
        return lockfiles.map { (GlobPattern($0), .lockfile) }
            + vendored.map { (GlobPattern($0), .vendored) }
            + generated.map { (GlobPattern($0), .generated) }
            + minified.map { (GlobPattern($0), .minified) }
    }()
}
