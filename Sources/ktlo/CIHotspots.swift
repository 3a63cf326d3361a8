import Analysis
import Git
import History

/// The top hotspots at HEAD that a `ktlo ci` run's new commits changed, with their complexity at the base and now.
enum CIHotspots {
    /// - Parameters:
    ///   - analysis: the hotspot analysis of the whole history up to HEAD.
    ///   - newCommits: the run's new commits, newest first.
    ///   - base: where they start; a hotspot's complexity before them is read there (nil: the file is new).
    ///   - top: how many of the best-ranked hotspots count.
    static func touched(_ analysis: HotspotAnalysis, newCommits: [ClassifiedCommit], base: ObjectID?, top: Int)
        throws -> [TouchedHotspot] {
        // Oldest first, so that a rename carries the commits that changed the file under its old name.
        var commitsByPath: [String: [ObjectID]] = [:]
        var pathAtBase: [String: String] = [:]
        for commit in newCommits.reversed() where commit.record.isDiffed {
            for file in commit.record.files where file.status != .deleted {
                if let old = file.oldPath, file.status == .renamed {
                    commitsByPath[file.path, default: []] += commitsByPath.removeValue(forKey: old) ?? []
                    pathAtBase[file.path] = pathAtBase.removeValue(forKey: old) ?? old
                }
                commitsByPath[file.path, default: []].append(commit.record.id)
            }
        }
        guard !commitsByPath.isEmpty else { return [] }

        let ranked = HotspotRanking.rank(analysis.result.entities, metrics: try analysis.measureRows())
        return ranked.prefix(top).compactMap { hotspot in
            guard let commits = commitsByPath[hotspot.path] else { return nil }
            var before: Double?
            if let base,
               let blob = try? analysis.repository.blobID(at: pathAtBase[hotspot.path] ?? hotspot.path, in: base),
               let content = try? analysis.repository.blobContent(blob), !content.isBinary {
                before = Double(SourceAnalyzer.measure(content.bytes, path: hotspot.path).complexity)
            }
            return TouchedHotspot(path: hotspot.path, rank: hotspot.rank, score: hotspot.factors.score,
                                  complexityBefore: before, complexityAfter: Double(hotspot.metrics.complexity),
                                  commits: commits.reversed())
        }
    }
}
