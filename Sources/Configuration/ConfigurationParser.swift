import Analysis
import Yams

/// Reads `.ktlo.yml` strictly: an unknown key, a wrong type or an unknown value is an error naming the key and
/// its line, so that a typo never silently leaves a setting at its default.
public enum ConfigurationParser {
    /// The version of the configuration format this ktlo reads.
    public static let version = 1

    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> KtloConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        } catch {
            throw ConfigurationError(file: file, line: nil, message: "cannot read YAML: \(error)")
        }
        var configuration = KtloConfiguration()
        configuration.source = file
        guard let root else { return configuration }  // an empty file: all defaults
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, key: "the configuration",
                                     allowed: ["version", "paths", "classification", "buckets", "budget",
                                               "components", "teams", "ci"])
        if let version = top["version"] {
            let value = try reader.integer(version, key: "version")
            guard value == Self.version else {
                throw reader.error(version, "version \(value) is not supported; this ktlo reads version \(Self.version)")
            }
        }
        if let paths = top["paths"] {
            let entries = try reader.mapping(paths, key: "paths",
                                             allowed: ["include", "exclude", "default_excludes", "linguist"])
            if let node = entries["include"] { configuration.include = try reader.strings(node, key: "paths.include") }
            if let node = entries["exclude"] { configuration.exclude = try reader.strings(node, key: "paths.exclude") }
            if let node = entries["default_excludes"] {
                configuration.useDefaultExcludes = try reader.boolean(node, key: "paths.default_excludes")
            }
            if let node = entries["linguist"] {
                configuration.useLinguistAttributes = try reader.boolean(node, key: "paths.linguist")
            }
        }
        if let classification = top["classification"] {
            try parseClassification(classification, reader: reader, into: &configuration.classifier)
        }
        if let buckets = top["buckets"] {
            let entries = try reader.mapping(buckets, key: "buckets",
                                             allowed: Category.allCases.filter { $0 != .merge }.map(\.rawValue))
            var mapping = configuration.classifier.buckets
            for (name, node) in entries {
                let bucket = try reader.choice(node, key: "buckets.\(name)", of: Bucket.allCases.map(\.rawValue))
                mapping = mapping.moving(Category(rawValue: name)!, to: Bucket(rawValue: bucket)!)
            }
            configuration.classifier.buckets = mapping
        }
        if let budget = top["budget"] {
            configuration.budget = try parseBudget(budget, reader: reader, mapping: configuration.classifier.buckets)
        }
        if let components = top["components"] {
            for (name, globs) in try reader.mapping(components, key: "components", allowed: nil) {
                configuration.components.append((name, try reader.strings(globs, key: "components.\(name)")))
            }
        }
        if let teams = top["teams"] {
            for (name, members) in try reader.mapping(teams, key: "teams", allowed: nil) {
                configuration.teams.append((name, try reader.strings(members, key: "teams.\(name)")))
            }
        }
        if let ci = top["ci"] {
            configuration.ci = try parseCI(ci, reader: reader)
        }
        return configuration
    }

    /// `ci:` — the gate's thresholds: percentages from 0 to 100, points from 0 to 100, a flag and a count.
    private static func parseCI(_ node: Node, reader: NodeReader) throws(ConfigurationError) -> CIRules {
        var rules = CIRules()
        let entries = try reader.mapping(node, key: "ci",
                                         allowed: ["max_ktlo", "max_ktlo_increase", "fail_on_hotspot_growth",
                                                   "hotspot_top"])
        if let node = entries["max_ktlo"] {
            let value = try reader.number(node, key: "ci.max_ktlo")
            guard (0...100).contains(value) else {
                throw reader.error(node, "'ci.max_ktlo' must be a percentage from 0 to 100, not \(value)")
            }
            rules.maxKTLOPercent = value
        }
        if let node = entries["max_ktlo_increase"] {
            let value = try reader.number(node, key: "ci.max_ktlo_increase")
            guard (0...100).contains(value) else {
                throw reader.error(node, "'ci.max_ktlo_increase' must be percentage points from 0 to 100, not \(value)")
            }
            rules.maxKTLOIncreasePoints = value
        }
        if let node = entries["fail_on_hotspot_growth"] {
            rules.failOnHotspotGrowth = try reader.boolean(node, key: "ci.fail_on_hotspot_growth")
        }
        if let node = entries["hotspot_top"] {
            let value = try reader.integer(node, key: "ci.hotspot_top")
            guard value >= 1 else { throw reader.error(node, "'ci.hotspot_top' must be at least 1, not \(value)") }
            rules.hotspotTop = value
        }
        return rules
    }

    /// `budget:` — percentages per bucket (`ktlo`, `feature`, `other`) or category, adding up to at most 100, and
    /// never a bucket together with one of its own categories.
    private static func parseBudget(_ node: Node, reader: NodeReader, mapping: BucketMapping)
        throws(ConfigurationError) -> Budget {
        let names = Bucket.allCases.map(\.rawValue)
            + Category.allCases.filter { $0 != .merge && Bucket(rawValue: $0.rawValue) == nil }.map(\.rawValue)
        var lines: [Budget.Line] = []
        for (name, value) in try reader.mapping(node, key: "budget", allowed: names) {
            let percent = try reader.number(value, key: "budget.\(name)")
            guard (0...100).contains(percent) else {
                throw reader.error(value, "'budget.\(name)' must be a percentage from 0 to 100, not \(percent)")
            }
            let target = Budget.target(named: name)!
            for line in lines {
                if case .bucket(let bucket) = line.target, case .category(let category) = target,
                   mapping.bucket(for: category) == bucket {
                    throw reader.error(value, "'budget.\(name)' is part of 'budget.\(bucket.rawValue)'; budget one or the other")
                }
                if case .category(let category) = line.target, case .bucket(let bucket) = target,
                   mapping.bucket(for: category) == bucket {
                    throw reader.error(value, "'budget.\(name)' holds 'budget.\(category.rawValue)'; budget one or the other")
                }
            }
            lines.append(Budget.Line(target: target, percent: percent))
        }
        let sum = lines.reduce(0) { $0 + $1.percent }
        guard sum <= 100.0001 else {
            throw reader.error(node, "the budget adds up to \(sum) %, more than 100 %")
        }
        return Budget(lines: lines)
    }

    private static func parseClassification(_ node: Node, reader: NodeReader,
                                            into classifier: inout ClassifierConfiguration) throws(ConfigurationError) {
        let entries = try reader.mapping(node, key: "classification",
                                         allowed: ["conventional_commits", "learned_model", "words", "paths", "bots"])
        if let node = entries["conventional_commits"] {
            let mode = try reader.choice(node, key: "classification.conventional_commits",
                                         of: ClassifierConfiguration.ConventionalCommitsMode.allCases.map(\.rawValue))
            classifier.conventionalCommits = ClassifierConfiguration.ConventionalCommitsMode(rawValue: mode)!
        }
        if let node = entries["learned_model"] {
            classifier.learnedModel = try reader.boolean(node, key: "classification.learned_model")
        }
        if let node = entries["words"] {
            let categories = Category.allCases.filter { $0 != .merge && $0 != .revert }.map(\.rawValue)
            for (name, words) in try reader.mapping(node, key: "classification.words", allowed: categories) {
                classifier.words[Category(rawValue: name)!] = try reader.strings(words, key: "classification.words.\(name)")
            }
        }
        if let node = entries["paths"] {
            for (name, globs) in try reader.mapping(node, key: "classification.paths",
                                                    allowed: PathClass.allCases.map(\.rawValue)) {
                classifier.paths[PathClass(rawValue: name)!] = try reader.strings(globs, key: "classification.paths.\(name)")
            }
        }
        if let node = entries["bots"] {
            classifier.bots = try reader.strings(node, key: "classification.bots")
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, message: "invalid YAML: \(problem)")
        case .reader(let problem, _, _, _):
            return ConfigurationError(file: file, line: nil, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(file: file, line: context.mark.line,
                                      message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return ConfigurationError(file: file, line: nil, message: "invalid YAML: \(error)")
        }
    }
}

/// Typed access to YAML nodes, each failure an error at the node's line.
struct NodeReader {
    let file: String

    func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, message: message)
    }

    /// A mapping whose keys must be among `allowed` (any key when `nil`); keys in document order.
    func mapping(_ node: Node, key: String, allowed: [String]?) throws(ConfigurationError) -> OrderedEntries {
        // A section whose settings are all commented out is empty, not an error.
        if case .scalar = node, node.null != nil { return OrderedEntries() }
        guard case .mapping(let mapping) = node else {
            throw error(node, "'\(key)' must be a mapping of keys to values")
        }
        var entries = OrderedEntries()
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(keyNode, "a key of '\(key)' is not text") }
            if let allowed, !allowed.contains(name) {
                let suggestion = Self.closest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw error(keyNode, "unknown key '\(name)' in '\(key)'\(suggestion); "
                                + "expected one of: \(allowed.joined(separator: ", "))")
            }
            entries.append(name, value)
        }
        return entries
    }

    func strings(_ node: Node, key: String) throws(ConfigurationError) -> [String] {
        switch node {
        case .scalar(let scalar) where node.null == nil:
            return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else { throw error(item, "'\(key)' must be a list of text") }
                values.append(scalar.string)
            }
            return values
        default:
            if node.null != nil { return [] }
            throw error(node, "'\(key)' must be a list of text")
        }
    }

    func boolean(_ node: Node, key: String) throws(ConfigurationError) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw error(node, "'\(key)' must be true or false, not '\(node.string ?? "a collection")'")
        }
        return value
    }

    func number(_ node: Node, key: String) throws(ConfigurationError) -> Double {
        guard case .scalar = node, let value = node.float else {
            throw error(node, "'\(key)' must be a number, not '\(node.string ?? "a collection")'")
        }
        return value
    }

    func integer(_ node: Node, key: String) throws(ConfigurationError) -> Int {
        guard case .scalar = node, let value = node.int else {
            throw error(node, "'\(key)' must be a whole number, not '\(node.string ?? "a collection")'")
        }
        return value
    }

    func choice(_ node: Node, key: String, of choices: [String]) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, choices.contains(scalar.string) else {
            throw error(node, "'\(key)' must be one of \(choices.joined(separator: ", ")), not '\(node.string ?? "a collection")'")
        }
        return scalar.string
    }

    /// The allowed key nearest to a misspelt one (at most two edits away).
    static func closest(to name: String, in allowed: [String]) -> String? {
        allowed.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ one: String, _ two: String) -> Int {
        let a = Array(one), b = Array(two)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// The entries of a YAML mapping in document order.
struct OrderedEntries: Sequence {
    private var pairs: [(String, Node)] = []

    mutating func append(_ key: String, _ value: Node) { pairs.append((key, value)) }

    subscript(key: String) -> Node? { pairs.first { $0.0 == key }?.1 }

    func makeIterator() -> IndexingIterator<[(String, Node)]> { pairs.makeIterator() }
}
