/// The programming languages whose cyclomatic complexity ktlo estimates, told apart by file name.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case c, cpp, objectiveC = "objective-c", swift, go, rust, java, kotlin, csharp, javascript, typescript, python
    case ruby, php, shell

    /// The language of `path` by its extension or well-known name, or `nil` for anything else (documentation, data,
    /// languages without a scanner: those get the language-neutral measures only).
    public static func of(path: String) -> Language? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let known = byName[name] { return known }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }

    /// The language a script's `#!` line names (`#!/bin/sh`, `#!/usr/bin/env python3`), for files without an
    /// extension.
    public static func of(shebang line: Substring) -> Language? {
        guard line.hasPrefix("#!") else { return nil }
        let words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard var program = words.first.map({ $0.split(separator: "/").last.map(String.init) ?? "" }) else {
            return nil
        }
        if program == "env", words.count > 1 {
            program = String(words[1...].first { !$0.hasPrefix("-") } ?? "")
        }
        switch program {
        case "sh", "bash", "zsh", "ksh", "dash", "ash": return .shell
        case _ where program.hasPrefix("python"): return .python
        case "ruby": return .ruby
        case "node", "deno", "bun": return .javascript
        case "php": return .php
        default: return nil
        }
    }

    private static let byExtension: [String: Language] = [
        "c": .c, "h": .c,
        "cc": .cpp, "cpp": .cpp, "cxx": .cpp, "c++": .cpp, "hh": .cpp, "hpp": .cpp, "hxx": .cpp, "h++": .cpp,
        "inl": .cpp, "ipp": .cpp, "tcc": .cpp,
        "m": .objectiveC, "mm": .objectiveC,
        "swift": .swift, "go": .go, "rs": .rust, "java": .java, "kt": .kotlin, "kts": .kotlin, "cs": .csharp,
        "js": .javascript, "jsx": .javascript, "mjs": .javascript, "cjs": .javascript,
        "ts": .typescript, "tsx": .typescript, "mts": .typescript, "cts": .typescript,
        "py": .python, "pyw": .python, "pyi": .python,
        "rb": .ruby, "rake": .ruby, "gemspec": .ruby,
        "php": .php, "phtml": .php,
        "sh": .shell, "bash": .shell, "zsh": .shell, "ksh": .shell,
    ]

    private static let byName: [String: Language] = [
        "Rakefile": .ruby, "Gemfile": .ruby, "Podfile": .ruby, "Fastfile": .ruby, "Vagrantfile": .ruby,
        ".bashrc": .shell, ".profile": .shell, ".zshrc": .shell,
    ]
}
