import Analysis

/// `--format json`: the contract's `couplings[]`, plus each file's sum of coupling.
public struct JSONCouplingRenderer: CouplingRenderer {
    public init() {}

    public func render(_ report: CouplingReport) -> String {
        OrderedJSON.object(Self.members(report)).prettyText
    }

    /// The document's members, for `render` and for reports that carry this one inside (`ktlo analyze`).
    static func members(_ report: CouplingReport) -> [(String, OrderedJSON)] {
        let options = report.options
        var members: [(String, OrderedJSON)] = [("schema_version", .integer(ReportSchema.version))]
        members += report.source.jsonMembers
        members += [
            ("by", .string(report.grouping.description)),
            ("options", .object([("min_revs", .integer(options.minimumRevisions)),
                                 ("min_shared", .integer(options.minimumShared)),
                                 ("min_degree", .integer(options.minimumDegree)),
                                 ("max_degree", .integer(options.maximumDegree)),
                                 ("max_changeset_size", .integer(options.maximumChangesetSize))])),
            ("couplings", .array(report.couplings.map {
                .object([("path_a", .string($0.pathA)), ("path_b", .string($0.pathB)), ("shared", .integer($0.shared)),
                         ("degree", .integer($0.degree)), ("average_revisions", .integer($0.averageRevisions))])
            })),
            ("sum_of_coupling", .array(report.sumOfCoupling.map {
                .object([("path", .string($0.path)), ("sum", .integer($0.sum))])
            })),
            ("warnings", report.source.warningsJSON),
        ]
        return members
    }
}
