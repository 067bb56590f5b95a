import Foundation

/// Headless Chromium through chromedriver's WebDriver protocol (plain HTTP
/// and JSON): open a page, run a script in it, take a screenshot. Debian's
/// `chromium` and `chromium-driver` packages; `.ci/run` installs them.
final class WebDriver {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    private let driver: Process
    private let base: String
    private var session = ""

    init() throws {
        let port = try FacilitatedEndToEndTests.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)", "--log-level=OFF"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(20)
        while (try? request("GET", "/status")) == nil {
            guard Date() < deadline else { throw WebDriverError(message: "chromedriver did not start") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let options: [String: Any] = [
            "binary": Self.chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1600,900"],
        ]
        let answer = try request("POST", "/session", ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
        guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw WebDriverError(message: "no browser session: \(answer)")
        }
        session = id
    }

    deinit {
        if !session.isEmpty { _ = try? request("DELETE", "/session/\(session)") }
        kill(driver.processIdentifier, SIGKILL)
    }

    func open(_ url: String) throws { try request("POST", "/session/\(session)/url", ["url": url]) }

    /// Runs `script` (a function body) in the page and returns what it returns.
    func run(_ script: String) throws -> Any? {
        try request("POST", "/session/\(session)/execute/sync", ["script": script, "args": [] as [Any]])["value"]
    }

    func text(_ script: String) throws -> String { (try run(script) as? String) ?? "" }

    func screenshot(to path: String) throws {
        guard let base64 = try request("GET", "/session/\(session)/screenshot")["value"] as? String, let data = Data(base64Encoded: base64) else { return }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Waits until `script` returns true in the page.
    func wait(for what: String, seconds: Double = 20, _ script: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try run(script) as? Bool) == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// One WebDriver call, made with curl (a separate process: nothing here waits on this process's own threads).
    @discardableResult
    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        var command = "curl -s -m 60 -X \(method) '\(base)\(path)'"
        var bodyFile: String?
        if let body {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("webdriver-\(UUID().uuidString.prefix(8)).json").path
            try JSONSerialization.data(withJSONObject: body).write(to: URL(fileURLWithPath: file))
            command += " -H 'Content-Type: application/json' --data-binary @\(file)"
            bodyFile = file
        }
        defer { if let bodyFile { try? FileManager.default.removeItem(atPath: bodyFile) } }
        guard let pipe = popen(command + " </dev/null 2>/dev/null", "r") else { throw WebDriverError(message: "cannot run curl") }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, pipe)
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        guard pclose(pipe) == 0, !output.isEmpty else { throw WebDriverError(message: "\(method) \(path): no answer") }
        return try JSONSerialization.jsonObject(with: output) as? [String: Any] ?? [:]
    }
}

struct WebDriverError: Error { var message: String }
