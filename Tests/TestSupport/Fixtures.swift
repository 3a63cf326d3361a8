import Foundation
import Synchronization

/// Test repositories built by `Fixtures/make-fixture`: deterministic (fixed authors, dates and offsets), so their
/// object names and numbers are the same on every machine.
public enum Fixtures {
    /// The package's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let builtOnce = Mutex<[String: String]>([:])
    private static let scratch: URL = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ktlo-fixtures-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The path of fixture `name`, built the first time it is asked for and shared afterwards: read it, never
    /// change it (use ``fresh(_:)`` for a copy a test may change).
    public static func path(_ name: String) throws -> String {
        try builtOnce.withLock { built in
            if let path = built[name] { return path }
            let path = scratch.appendingPathComponent(name).path
            try build(name, at: path)
            built[name] = path
            return path
        }
    }

    /// A new copy of fixture `name` that the caller owns.
    public static func fresh(_ name: String) throws -> String {
        let path = scratch.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try build(name, at: path)
        return path
    }

    /// A new empty folder that the caller owns.
    public static func temporaryFolder() throws -> String {
        let url = scratch.appendingPathComponent("tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private static func build(_ name: String, at path: String) throws {
        let script = packageRoot.appendingPathComponent("Fixtures/make-fixture").path
        let result = try Shell.run([script, name, path])
        guard result.status == 0 else {
            throw FixtureError(message: "make-fixture \(name) failed: \(result.standardErrorText)")
        }
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
