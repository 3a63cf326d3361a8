import ArgumentParser

/// The output formats of DESIGN.md; each command accepts the ones it can render.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, ndjson, csv, markdown, html
}
