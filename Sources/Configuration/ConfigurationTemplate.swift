/// The documented `.ktlo.yml` that `ktlo init` writes: every setting at its default, commented out.
public enum ConfigurationTemplate {
    public static let text = """
        # ktlo configuration: see "Configuration" in ktlo's README.
        # Every setting is optional; the commented values are the defaults. Uncomment to change one.
        version: 1

        # Which files count toward churn. Excluded files stay in each commit's record, flagged, but count nothing.
        paths:
          # Count only these globs (gitignore syntax); commits touching none are left out.
          # include: ["src/**"]
          # Count no churn for these globs, on top of the defaults.
          # exclude: ["docs/generated/**"]
          # Lockfiles, vendored folders (vendor/, third_party/, node_modules/, a top-level deps/), generated and
          # minified files.
          # default_excludes: true
          # Honour linguist-generated and linguist-vendored in .gitattributes.
          # linguist: true

        # How commits are classified (feature, fix, refactor, maintenance, docs, test, revert, merge, other).
        classification:
          # Trust Conventional-Commit types (feat:, fix:, …): auto (when most recent subjects use them),
          # always, or never (prefixes such as "cmake:" are then areas).
          # conventional_commits: auto
          # Weigh the rules' evidence with the learned model shipped with ktlo (trained on labelled commits);
          # false decides by the rules' scores alone.
          # learned_model: true
          # Extra words or phrases per category, weighed like the built-in ones.
          # words:
          #   fix: ["hotfix", "oops"]
          #   maintenance: ["housekeeping"]
          # Extra globs per kind of path; they win over the built-in conventions.
          # Kinds: code, test, docs, build, ci, dependencies, generated, other.
          # paths:
          #   test: ["qa/**"]
          #   docs: ["handbook/**"]
          # Authors whose commits are maintenance and spend no dev-days (name or e-mail, or a part of one).
          # Built in: names ending in [bot], dependabot, renovate, github-actions, …
          # bots: ["release-robot@example.com"]

        # What the team means to spend its effort on, in percent of the effort (ktlo report and ktlo ci compare).
        # Keys are buckets (ktlo, feature, other) or categories (fix, refactor, maintenance, docs, test, revert);
        # never a bucket together with one of its categories. For example the common 50/20/20/10 split:
        # budget:
        #   feature: 50
        #   refactor: 20
        #   fix: 20
        #   other: 10

        # Named components for ktlo report --by-component (default: top-level folders). First match wins.
        # components:
        #   server: ["src/server/**"]
        #   web: ["web/**", "assets/**"]

        # Teams for ktlo report --by-author: e-mails, names, or patterns with *.
        # teams:
        #   platform: ["ada@example.com", "*@infra.example.com"]
        #   web: ["Grace Hopper"]

        # Which bucket each category's effort goes to: ktlo, feature or other.
        # buckets:
        #   fix: ktlo
        #   refactor: ktlo
        #   maintenance: ktlo
        #   revert: ktlo
        #   feature: feature
        #   docs: other
        #   test: other
        #   other: other

        # The rules ktlo ci gates on (exit code 1 when one is breached); command-line options win.
        # ci:
        #   max_ktlo: 40                  # the current period's KTLO share, at most this percent
        #   max_ktlo_increase: 10         # …rising at most this many points over the period before
        #   fail_on_hotspot_growth: false # fail when the new commits make a top hotspot more complex
        #   hotspot_top: 10               # how many of the top hotspots count

        """
}
