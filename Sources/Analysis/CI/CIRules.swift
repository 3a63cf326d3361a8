/// The thresholds `ktlo ci` gates on, from `ci:` in `.ktlo.yml` or the command line (which wins).
public struct CIRules: Sendable, Equatable {
    /// The current period's KTLO share may be at most this many percent.
    public var maxKTLOPercent: Double?
    /// The current period's KTLO share may rise at most this many percentage points over the period before.
    public var maxKTLOIncreasePoints: Double?
    /// Fail when a top-N hotspot touched by the new commits grew in complexity.
    public var failOnHotspotGrowth: Bool
    /// How many of the top hotspots the growth rule and the annotations look at.
    public var hotspotTop: Int

    public static let defaultHotspotTop = 10

    public init(maxKTLOPercent: Double? = nil, maxKTLOIncreasePoints: Double? = nil, failOnHotspotGrowth: Bool = false,
                hotspotTop: Int = CIRules.defaultHotspotTop) {
        self.maxKTLOPercent = maxKTLOPercent
        self.maxKTLOIncreasePoints = maxKTLOIncreasePoints
        self.failOnHotspotGrowth = failOnHotspotGrowth
        self.hotspotTop = hotspotTop
    }
}
