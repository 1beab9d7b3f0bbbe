import Foundation
import RelanceChannels
import RelanceCore
import Testing

@Suite("SMTP configuration")
struct SMTPConfigurationTests {
    @Test("the defaults reach the local sink")
    func defaults() throws {
        let configuration = SMTPConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 2525)
        #expect(configuration.security == .none)
        #expect(configuration.username == nil)
        #expect(configuration.password == nil)
        try configuration.validate()
        #expect(try SMTPConfiguration(environment: [:]) == configuration)
    }

    @Test("the environment overrides the defaults; the password can come from a file")
    func environment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-password-\(UUID().uuidString)")
        try "s3cret-from-file\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try SMTPConfiguration(environment: [
            "RELANCE_SMTP_HOST": "smtp.example.com",
            "RELANCE_SMTP_PORT": "587",
            "RELANCE_SMTP_SECURITY": "starttls",
            "RELANCE_SMTP_USERNAME": "relance",
            "RELANCE_SMTP_PASSWORD_FILE": file.path,
            "RELANCE_SMTP_SENDER_DOMAIN": "relance.example.com",
            "RELANCE_SMTP_FROM": "relances@relance.example.com",
            "RELANCE_SMTP_TIMEOUT": "30",
            "RELANCE_SMTP_CONNECTIONS": "8",
        ])
        #expect(configuration.host == "smtp.example.com")
        #expect(configuration.port == 587)
        #expect(configuration.security == .starttls)
        #expect(configuration.username == "relance")
        #expect(configuration.password == "s3cret-from-file")
        #expect(configuration.senderDomain == "relance.example.com")
        #expect(configuration.fromAddress == "relances@relance.example.com")
        #expect(configuration.timeout == .seconds(30))
        #expect(configuration.connections == 8)
    }

    @Test("the password never shows, however the configuration is printed")
    func passwordHidden() {
        let configuration = SMTPConfiguration(host: "smtp.example.com", port: 465, security: .implicitTLS,
                                              username: "relance", password: "hunter2-very-secret")
        #expect(configuration.description == "smtps://relance@smtp.example.com:465 from relance@localhost")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
    }

    @Test("unusable values are refused with the variable's name", arguments: [
        ["RELANCE_SMTP_PORT": "70000"],
        ["RELANCE_SMTP_PORT": "smtp"],
        ["RELANCE_SMTP_SECURITY": "tls"],
        ["RELANCE_SMTP_FROM": "not an address"],
        ["RELANCE_SMTP_CONNECTIONS": "0"],
        ["RELANCE_SMTP_PASSWORD_FILE": "/nonexistent/relance-password"],
    ])
    func refused(_ environment: [String: String]) {
        do {
            _ = try SMTPConfiguration(environment: environment)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.variable.contains(environment.keys.first!) || environment.keys.first == "RELANCE_SMTP_FROM")
        }
    }
}
