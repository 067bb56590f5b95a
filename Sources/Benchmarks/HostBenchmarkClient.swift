import Foundation
import Net
import NIOConcurrencyHelpers
import NIOCore
import ScreenKit

/// What the benchmark's teams saw: latencies, frames and bytes.
final class BenchStats: @unchecked Sendable {
    struct Values {
        var joined = 0
        var frames = 0
        var bytes = 0
        var ackMilliseconds: [Double] = []
        var effectMilliseconds: [Double] = []
        /// Per team: the count it last asked for, when, and what it has seen of it.
        var pending: [Int: (count: Int, sent: UInt64, acknowledged: Bool, applied: Bool)] = [:]
    }

    private let box = NIOLockedValueBox(Values())

    func withValue<T>(_ body: (inout Values) -> T) -> T { box.withLockedValue(body) }

    func reset() {
        withValue {
            $0.frames = 0
            $0.bytes = 0
            $0.ackMilliseconds.removeAll()
            $0.effectMilliseconds.removeAll()
        }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func expect(team: Int, count: Int) { withValue { $0.pending[team] = (count, Self.now(), false, false) } }

    func waitUntil(_ condition: (Values) -> Bool) {
        for _ in 0..<2_000 {
            if withValue({ condition($0) }) { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}

/// One benchmark team: keeps its screen from the frames and notices its command on it.
final class BenchClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let team: Int
    let stats: BenchStats
    var screen = CellBuffer(width: 1, height: 1)

    init(team: Int, stats: BenchStats) {
        self.team = team
        self.stats = stats
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Self.unwrapInboundIn(data)
        // Frames are read by hand (the driver must keep up with hundreds of teams); the rest as usual.
        if let frame = FastFrame(Array(bytes.readableBytesView)) {
            if frame.full || screen.width != frame.width || screen.height != frame.height { screen = CellBuffer(width: frame.width, height: frame.height) }
            screen.apply(frame.runs)
            let size = bytes.readableBytes
            let touched = Set(frame.runs.map(\.y))
            let rows = touched.sorted().map { ($0, screen.row($0)) }
            let status = screen.height - 1
            stats.withValue { values in
                values.frames += 1
                values.bytes += size + 4
                guard var pending = values.pending[team] else { return }
                let now = BenchStats.now()
                let elapsed = Double(now >= pending.sent ? now - pending.sent : 0) / 1e6
                if !pending.acknowledged, rows.contains(where: { $0.0 == status && $0.1.contains("scale web \(pending.count) at") }) {
                    pending.acknowledged = true
                    values.ackMilliseconds.append(elapsed)
                }
                if !pending.applied, rows.contains(where: { $0.1.contains(" web ") && $0.1.contains("/\(pending.count)") }) {
                    pending.applied = true
                    values.effectMilliseconds.append(elapsed)
                }
                values.pending[team] = pending.acknowledged && pending.applied ? nil : pending
            }
            return
        }
        guard let message = try? HostMessage.decode(Data(bytes.readableBytesView)) else { return }
        switch message {
        case .welcome: stats.withValue { $0.joined += 1 }
        case .ping: context.writeAndFlush(NIOAny(Framing.frame(ClientMessage.pong.encoded(), allocator: context.channel.allocator)), promise: nil)
        default: break
        }
    }
}

/// A frame message read straight from its bytes, in the shape the host writes
/// (`{"ack":…,"full":…,"height":…,"runs":[[x,y,style,"text"],…],"type":"frame","width":…}`).
struct FastFrame {
    var full = false
    var width = 0
    var height = 0
    var runs: [CellRun] = []

    init?(_ b: [UInt8]) {
        guard b.count > 10, b[0] == UInt8(ascii: "{"), b[1] == UInt8(ascii: "\""), b[2] == UInt8(ascii: "a") else { return nil }
        var i = 0
        func number() -> Int {
            var n = 0, sign = 1
            if b[i] == UInt8(ascii: "-") { sign = -1; i += 1 }
            while i < b.count, b[i] >= 48, b[i] <= 57 { n = n * 10 + Int(b[i] - 48); i += 1 }
            return n * sign
        }
        func skip(to byte: UInt8) { while i < b.count && b[i] != byte { i += 1 } }
        func string() -> String {
            i += 1
            var scalars = String.UnicodeScalarView()
            var utf8: [UInt8] = []
            while i < b.count, b[i] != UInt8(ascii: "\"") {
                if b[i] == UInt8(ascii: "\\") {
                    i += 1
                    if b[i] == UInt8(ascii: "u") {
                        let hex = String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self)
                        utf8 += Array(String(UnicodeScalar(UInt32(hex, radix: 16) ?? 63).map(Character.init) ?? "?").utf8)
                        i += 5
                        continue
                    }
                }
                utf8.append(b[i])
                i += 1
            }
            i += 1
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            return String(scalars)
        }
        guard let fullAt = find("\"full\":", b) else { return nil }
        full = b[fullAt] == UInt8(ascii: "t")
        guard let heightAt = find("\"height\":", b), let widthAt = find("\"width\":", b), let runsAt = find("\"runs\":[", b) else { return nil }
        i = heightAt; height = number()
        i = widthAt; width = number()
        i = runsAt
        while i < b.count, b[i] == UInt8(ascii: "[") {
            i += 1
            let x = number(); i += 1
            let y = number(); i += 1
            let style = number(); i += 1
            let text = string()
            skip(to: UInt8(ascii: "]")); i += 1
            if let (role, attributes) = CellRun.style(style) { runs.append(CellRun(x: x, y: y, role: role, attributes: attributes, text: text)) }
            if i < b.count, b[i] == UInt8(ascii: ",") { i += 1 }
        }
    }

    private func find(_ key: String, _ b: [UInt8]) -> Int? {
        let k = Array(key.utf8)
        guard b.count >= k.count else { return nil }
        for start in 0...(b.count - k.count) where b[start] == k[0] && Array(b[start..<(start + k.count)]) == k { return start + k.count }
        return nil
    }
}
