import Foundation
import NIOCore

/// A message longer than the receiver accepts: the stream cannot be trusted
/// after it (garbage bytes read as a length look like this too).
public struct OversizedMessage: Error, Sendable, CustomStringConvertible {
    public var length: Int
    public var limit: Int
    public var description: String { "a message of \(length) bytes is over the limit of \(limit)" }
}

/// Splits the byte stream into messages: each is a 4-byte big-endian length
/// followed by that many bytes of JSON. Refuses a length over `maxLength`
/// before reading it, so a peer cannot make the receiver buffer without bound.
public struct LengthPrefixedDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer
    let maxLength: Int

    public init(maxLength: Int) { self.maxLength = maxLength }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard Int(length) <= maxLength else { throw OversizedMessage(length: Int(length), limit: maxLength) }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let message = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(message))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Puts a message in its frame: the length, then the bytes.
public enum Framing {
    public static func frame(_ data: Data, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: data.count + 4)
        buffer.writeInteger(UInt32(data.count))
        buffer.writeBytes(data)
        return buffer
    }
}
