import FleetSim
import Foundation
import Scenarios
import Session
import Testing
@testable import Console
@testable import ScreenKit

/// Every fault's catalogue entry (`gameday faults`) promises symptoms, quoting
/// what the player will read: each quoted phrase must appear on the console
/// after the fault is injected. The expectations come from the catalogue
/// itself, so the catalogue and the console cannot drift apart.
@Suite struct FaultSymptomTests {
    /// A quiet fleet (no timeline, no deck) with a version that crashes on start.
    static let scenario = try! ScenarioFile.parse("""
        id: symptoms
        title: Symptoms
        briefing: b
        duration: 1h
        par: 1
        services:
          ordering:
            versions:
              - name: v9
                crashes-on-start: true
        """, file: "symptoms.yaml")

    /// One injection: the fault, the service whose logs and inspector to watch, and for how long.
    struct Case: CustomTestStringConvertible {
        var fault: String
        var watch: String
        var seconds: Int
        var testDescription: String { fault }
    }

    static let cases: [Case] = [
        Case(fault: "stop web", watch: "web", seconds: 60),
        Case(fault: "kill web", watch: "web", seconds: 60),
        Case(fault: "hang web 1", watch: "web", seconds: 120),
        Case(fault: "bad-deploy ordering v9", watch: "ordering", seconds: 300),
        Case(fault: "bad-deploy rentals v2", watch: "rentals", seconds: 400),
        Case(fault: "leak rentals 300", watch: "rentals", seconds: 600),
        Case(fault: "cpu-hog web 70 600", watch: "web", seconds: 120),
        Case(fault: "noisy-neighbour a 50 600", watch: "web", seconds: 120),
        Case(fault: "disk-full rentals", watch: "rentals", seconds: 120),
        Case(fault: "zone-outage a 600", watch: "web", seconds: 60),
        Case(fault: "latency payment-provider 6000 600", watch: "payments", seconds: 180),
        Case(fault: "packet-loss inventory 30 600", watch: "rentals", seconds: 120),
        Case(fault: "throttle payment-provider 2 600", watch: "payments", seconds: 120),
        Case(fault: "throttle payment-provider 2 600", watch: "payment-provider", seconds: 30),
        Case(fault: "dns-failure inventory 600", watch: "rentals", seconds: 120),
        Case(fault: "cert-expiry payment-provider 600", watch: "payments", seconds: 120),
        Case(fault: "outage payment-provider 600", watch: "payments", seconds: 120),
        Case(fault: "spike 4 600", watch: "web", seconds: 300),
    ]

    /// The phrases a symptoms text quotes ('…'), each split at "…" into pieces that
    /// must appear in this order on one line.
    /// A quote opens after a space or "(" and closes before a space or punctuation, so
    /// apostrophes ("callers' 5xx", "service's tasks") are not quotes.
    static func quotedPhrases(_ symptoms: String) -> [[String]] {
        let quote = try! NSRegularExpression(pattern: "(?<=^|[\\s(])'([^']+)'(?=$|[\\s).,;:])")
        let text = symptoms as NSString
        return quote.matches(in: symptoms, range: NSRange(location: 0, length: text.length)).map { match in
            text.substring(with: match.range(at: 1)).components(separatedBy: "…")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Test func quotesAreFoundAndApostrophesIgnored() {
        #expect(Self.quotedPhrases("Callers' 5xx rise; logs 'read ECONNRESET … (retransmits rising)'.") == [["read ECONNRESET", "(retransmits rising)"]])
        #expect(Self.quotedPhrases("A third of each service's tasks stop at once ('Host unavailable'); more.") == [["Host unavailable"]])
    }

    static func line(_ line: String, shows pieces: [String]) -> Bool {
        var rest = Substring(line)
        for piece in pieces {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// Every line the console showed, a frame every five seconds, watching `watch`.
    static func screenLines(after fault: Fault, watch: String, seconds: Int) throws -> Set<String> {
        var app = ConsoleApp(match: try Match(scenario: scenario, seed: 3), width: 300, height: 80)
        _ = app.handle(.enter, now: 0)
        _ = app.advance(ticks: 120, now: 0)
        app.state.selectedService = watch
        try app.match.submit(fault)
        var lines = Set<String>()
        for _ in 0..<(seconds / 5) {
            _ = app.advance(ticks: 5, now: 0)
            lines.formUnion(app.render(glyphs: .unicode, now: 1_000_000).text.split(separator: "\n").map(String.init))
        }
        return lines
    }

    @Test func everyFaultKindHasACase() {
        let covered = Set(Self.cases.compactMap { try? Fault.parse($0.fault) }.map(\.kind.name))
        #expect(covered == Set(FaultKinds.all.map(\.name)))
    }

    @Test(arguments: FaultKinds.all.map(\.name))
    func theCataloguesQuotedSymptomsAppearOnTheConsole(kind name: String) throws {
        let kind = FaultKinds.all.first { $0.name == name }!
        var shown = Set<String>()
        for c in Self.cases where (try? Fault.parse(c.fault))?.kind.name == name {
            shown.formUnion(try Self.screenLines(after: try Fault.parse(c.fault), watch: c.watch, seconds: c.seconds))
        }
        for phrase in Self.quotedPhrases(kind.symptoms) {
            #expect(shown.contains { Self.line($0, shows: phrase) }, "\(name): the catalogue promises '\(phrase.joined(separator: " … "))'")
        }
    }
}
