/// What one rule saw in a commit, kept as the rule and the few words or numbers of its explanation.
///
/// A commit's evidence gathers clues for every category, and the winning category's become the classification's
/// ``Reason``s; a clue's sentence (``detail``) is only written when an output shows it, rather than for every rule
/// that fires in every commit.
enum Clue: Sendable {
    /// A rule whose reason is already written.
    case written(rule: String, detail: String)
    // Structure.
    /// A merge commit and its number of parents.
    case merge(parents: Int)
    case revertSubject
    /// "This reverts commit …": the commit named (up to 12 characters).
    case revertBody(Substring)
    /// A Conventional-Commit type trusted: the type, the scope, the adoption that makes it trusted.
    case conventionalType(String, scope: String?, ConventionalCommitAdoption)
    /// Only one kind of file changed: the rule's name, the kind in words, the number of files.
    case pathsOnly(rule: String, what: String, files: Int)
    /// Only build files changed, with the purpose the message gives ("to repair the build").
    case pathsOnlyBuild(files: Int, purpose: String)
    // The subject.
    case option
    /// A feature word after a negation: the negation, the term.
    case negatedFeature(String, term: String)
    /// A word or phrase of the lexicon in the subject, at its start or not.
    case word(Category, term: String, opening: Bool)
    /// "fix typo", "typo fix": the two words in order.
    case fixTypo(String, String)
    /// "fix warning", "warning fix", "performance fix": the two words in order.
    case fixWarning(String, String)
    /// "add … helper": the verb, the object.
    case addHelper(String, String)
    /// "add … tests", "update … docs": the category (test or docs), the verb, the object.
    case worksOn(Category, String, String)
    /// "add … missing": the verb, the object.
    case addMissing(String, String)
    case restore(String)
    case negation(String)
    /// "make … work": the working word.
    case makeWork(String)
    case correctiveVerb(String)
    case handle(String)
    case updateVersion(String)
    /// "fixes #12": the verb, the number.
    case fixesIssue(String, String)
    /// "fix: …" outside Conventional Commits: the type, its category.
    case prefix(String, Category)
    /// The subject's area (lower-cased) and what it names ("documentation", "the tests"…).
    case area(String, String)
    // The body.
    case cve
    case noFunctionalChange
    /// The lexicon's words in the body: the category, the first (up to) three terms.
    case bodyWords(Category, String, String?, String?)
    /// A `Fixes:` trailer naming a commit (its first 12 characters).
    case fixesCommit(Substring)
    case fixesLink
    /// A reported-by trailer: the trailer's key.
    case reportedBy(String)
    // The learned stage.
    /// The model's verdict: its category, its probability in percent, its strongest signs.
    case model(Category, percent: Int, strongest: LinearModel.Signs)
    /// The rules' leader the model overruled, and the rules' reasons for it.
    case overruled(Category, [Reason])
    // The churn.
    case churnDocs
    case firstCommit
    case newCode(added: Int, deleted: Int, newFiles: Int)
    case renames(Int, of: Int)
    case deletions(added: Int, deleted: Int)
    case testedEdit(added: Int, deleted: Int)
    case smallAddition(added: Int)
    case smallEdit(added: Int, deleted: Int, files: Int)
    case growth(added: Int, deleted: Int)
    case newFiles(Int)
    case moreAdded(added: Int, deleted: Int)
    case edit(added: Int, deleted: Int)

    /// The identifier of the rule.
    var rule: String {
        switch self {
        case .written(let rule, _): rule
        case .merge: "structure.merge"
        case .revertSubject, .revertBody: "structure.revert"
        case .conventionalType: "conventional.type"
        case .pathsOnly(let rule, _, _): rule
        case .pathsOnlyBuild: "paths.only-build"
        case .option: "message.option"
        case .negatedFeature: "message.negated-feature"
        case .word(let category, _, _): MessageEvidence.wordRules[category.ordinal]
        case .fixTypo: "message.fix-typo"
        case .fixWarning: "message.fix-warning"
        case .addHelper: "message.add-helper"
        case .worksOn(let category, _, _): category == .test ? "message.test-object" : "message.docs-object"
        case .addMissing: "message.add-missing"
        case .restore: "message.restore"
        case .negation: "message.negation"
        case .makeWork: "message.make-work"
        case .correctiveVerb: "message.corrective-verb"
        case .handle: "message.handle"
        case .updateVersion: "message.update-version"
        case .fixesIssue: "message.fixes-issue"
        case .prefix: "message.prefix"
        case .area: "message.area"
        case .cve: "message.cve"
        case .noFunctionalChange: "message.no-functional-change"
        case .bodyWords(let category, _, _, _): MessageEvidence.bodyWordRules[category.ordinal]
        case .fixesCommit: "message.fixes-trailer"
        case .fixesLink: "message.fixes-trailer"
        case .reportedBy: "message.reported-by"
        case .model: "model.linear"
        case .overruled: "model.overruled"
        case .churnDocs: "churn.docs"
        case .firstCommit: "churn.first-commit"
        case .newCode: "churn.new-code"
        case .renames: "churn.renames"
        case .deletions: "churn.deletions"
        case .testedEdit: "churn.tested-edit"
        case .smallAddition: "churn.small-addition"
        case .smallEdit: "churn.small-edit"
        case .growth: "churn.growth"
        case .newFiles: "churn.new-files"
        case .moreAdded: "churn.more-added"
        case .edit: "churn.edit"
        }
    }

    /// What the rule saw, in words.
    var detail: String {
        switch self {
        case .written(_, let detail): detail
        case .merge(let parents): "merge commit with \(parents) parents"
        case .revertSubject: "the subject says it reverts an earlier commit"
        case .revertBody(let sha): "the body says 'This reverts commit \(sha)'"
        case .conventionalType(let type, let scope, let adoption):
            "Conventional Commit type '\(type)\(scope.map { "(\($0))" } ?? "")' (\(adoption))"
        case .pathsOnly(_, let what, let files): "only \(what) changed (\(Self.files(files)))"
        case .pathsOnlyBuild(let files, let purpose): "only build files changed (\(Self.files(files))) \(purpose)"
        case .option: "the subject names a command-line option"
        case .negatedFeature(let negation, let term): "'\(negation) \(term)' withdraws a behaviour, as fixes do"
        case .word(_, let term, let opening): opening ? "the subject opens with '\(term)'" : "the subject says '\(term)'"
        case .fixTypo(let first, let second): "'\(first) \(second)' corrects text, not a defect"
        case .fixWarning(let first, let second): "'\(first) \(second)' tidies the code, not a defect"
        case .addHelper(let verb, let what): "'\(verb) … \(what)' restructures the code"
        case .worksOn(let category, let verb, let object):
            "'\(verb) … \(object)' works on \(category == .test ? "tests" : "documentation")"
        case .addMissing(let verb, let what): "'\(verb) … \(what)' adds what was missing: a fix"
        case .restore(let first): "restores earlier behaviour ('\(first)…again')"
        case .negation(let first): "the subject opens with '\(first)', as fixes often do"
        case .makeWork(let word): "'make … \(word)' repairs something"
        case .correctiveVerb(let first): "'\(first) …' restores the intended behaviour"
        case .handle(let first): "'\(first) …' deals with a case that went wrong"
        case .updateVersion(let first): "'\(first) … <version>' updates a dependency"
        case .fixesIssue(let verb, let number): "the subject says '\(verb) #\(number)'"
        case .prefix(let type, let category): "the subject's prefix '\(type):' says \(category.rawValue)"
        case .area(let area, let what): "the subject's area '\(area)' is \(what)"
        case .cve: "the message names a CVE"
        case .noFunctionalChange: "the body says there is no functional change"
        case .bodyWords(_, let first, let second, let third):
            "the body says " + [first, second, third].compactMap { $0.map { "'\($0)'" } }.joined(separator: ", ")
        case .fixesCommit(let sha):
            "a 'Fixes: \(sha)' trailer names the commit that introduced the defect"
        case .fixesLink: "a 'Fixes' trailer links an issue"
        case .reportedBy(let key): "a '\(key)' trailer: someone reported a problem"
        case .model(let category, let percent, let strongest):
            Self.modelDetail(category, percent, strongest.words)
        case .overruled(let leader, let reasons):
            "the rules leaned \(leader.rawValue): \(reasons.map(\.detail).joined(separator: "; "))"
        case .churnDocs: "most changed lines are documentation"
        case .firstCommit: "the repository's first commit"
        case .newCode(let added, let deleted, let newFiles):
            "mostly new lines (+\(added)/−\(deleted)) with \(newFiles) new file(s)"
        case .renames(let renames, let files): "\(renames) of \(files) files renamed"
        case .deletions(let added, let deleted): "mostly deleted lines (+\(added)/−\(deleted))"
        case .testedEdit(let added, let deleted):
            "a change to existing code (+\(added)/−\(deleted)) with a test beside it"
        case .smallAddition(let added): "a few lines added to existing code (+\(added))"
        case .smallEdit(let added, let deleted, let files):
            "a small edit to existing code (+\(added)/−\(deleted) in \(files) file(s))"
        case .growth(let added, let deleted): "mostly added lines (+\(added)/−\(deleted))"
        case .newFiles(let count): "only new lines, in \(count) new file(s)"
        case .moreAdded(let added, let deleted): "more lines added than removed (+\(added)/−\(deleted))"
        case .edit(let added, let deleted): "an edit to existing code (+\(added)/−\(deleted))"
        }
    }

    private static func modelDetail(_ category: Category, _ percent: Int, _ signs: [String]) -> String {
        "the learned model rates it \(percent) % \(category.rawValue)"
            + (signs.isEmpty ? "" : " (strongest signs: \(signs.joined(separator: "; ")))")
    }

    private static func files(_ count: Int) -> String {
        count == 1 ? "1 file" : "\(count) files"
    }
}
