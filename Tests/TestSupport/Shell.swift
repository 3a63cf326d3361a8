import Foundation

/// Runs programs for tests: the git CLI as an oracle and fixture builder, and the built `ktlo` binary.
public enum Shell {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: Data
        public let standardError: Data

        public var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }
        public var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) and waits for it.
    public static func run(_ arguments: [String], in folder: String? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files rather than pipes: a large output can never fill a pipe and block the child.
        let folder = FileManager.default.temporaryDirectory
        let outputURL = folder.appendingPathComponent("ktlo-test-\(UUID().uuidString).out")
        let errorURL = folder.appendingPathComponent("ktlo-test-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        let outputData = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        return Result(status: process.terminationStatus, standardOutput: outputData, standardError: errorData)
    }

    /// Runs git with no user or system configuration, so that the oracle sees what a fresh machine sees.
    public static func git(_ arguments: [String], in folder: String) throws -> Result {
        try run(["git", "-c", "core.quotepath=off"] + arguments, in: folder,
                environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C"])
    }

    /// The `ktlo` executable built beside the test bundle.
    public static var ktloPath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("ktlo").path
    }

    /// Runs the built `ktlo` with `arguments`, killed after `timeout` seconds (exit status 124, as `timeout`
    /// reports it): a hang fails its test instead of stopping the suite.
    public static func ktlo(_ arguments: [String], in folder: String? = nil,
                            environment: [String: String] = [:], timeout: Int = 300) throws -> Result {
        try run(["timeout", "-k", "5", String(timeout), ktloPath] + arguments, in: folder, environment: environment)
    }

    /// Exit status of a run that `timeout` stopped.
    public static let timedOut: Int32 = 124
}
