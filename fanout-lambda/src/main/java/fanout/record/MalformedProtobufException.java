package fanout.record;

/**
 * Bytes that are not the protobuf message expected; the deaggregator turns it into pass-through.
 */
final class MalformedProtobufException extends RuntimeException {
    MalformedProtobufException(String message) {
        super(message);
    }
}
