import Foundation

/// A real HTTP receiver: Python 3's http.server on 127.0.0.1 (port chosen by the system),
/// answering 500 to the first `failing` requests and 200 afterwards, and writing each
/// request's path, headers and body as one JSON line to a file.
public final class WebhookReceiver {
    public struct Request: Sendable {
        public var path: String
        /// Names in lowercase.
        public var headers: [String: String]
        public var body: String
    }

    static let script = #"""
        import http.server, json, os, sys, threading

        failing, log_path, port_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        lock = threading.Lock()
        seen = [0]

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with lock:
                    seen[0] += 1
                    number = seen[0]
                    with open(log_path, "a", encoding="utf-8") as log:
                        log.write(json.dumps({
                            "path": self.path,
                            "headers": {name.lower(): value for name, value in self.headers.items()},
                            "body": body.decode("utf-8"),
                        }) + "\n")
                status, reply = (500, b"not yet") if number <= failing else (200, b"ok")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        port = server.server_address[1]
        with open(port_path + ".tmp", "w") as out:
            out.write(str(port))
        os.rename(port_path + ".tmp", port_path)
        print(port, flush=True)
        server.serve_forever()
        """#

    public let port: Int
    private let process: Process
    private let directory: URL

    private init(port: Int, process: Process, directory: URL) {
        self.port = port
        self.process = process
        self.directory = directory
    }

    private var logURL: URL { directory.appendingPathComponent("requests.jsonl") }

    /// Starts the receiver and waits until it listens (it writes its port once bound).
    public static func start(failing: Int) throws -> WebhookReceiver {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relance-webhooks-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portURL = directory.appendingPathComponent("port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, String(failing), directory.appendingPathComponent("requests.jsonl").path, portURL.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The interpreter starts in well under a second; the bound only ends a broken start.
        for _ in 0..<600 {
            if let text = try? String(contentsOf: portURL, encoding: .utf8), let port = Int(text) {
                return WebhookReceiver(port: port, process: process, directory: directory)
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        throw ReceiverDidNotStart()
    }

    public struct ReceiverDidNotStart: Error, CustomStringConvertible {
        public var description: String { "the Python webhook receiver did not start, or wrote a line that is not JSON (is python3 installed?)" }
    }

    /// The requests received, in order.
    public func requests() throws -> [Request] {
        guard let text = try? String(contentsOf: logURL, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ReceiverDidNotStart()
            }
            return Request(
                path: object["path"] as? String ?? "",
                headers: object["headers"] as? [String: String] ?? [:],
                body: object["body"] as? String ?? ""
            )
        }
    }

    /// Kills the receiver (SIGKILL: the test process may hand its children SIGTERM ignored).
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
