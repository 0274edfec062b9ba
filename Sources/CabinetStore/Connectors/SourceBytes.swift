/// Bytes a source file may start with before its content: blanks and a UTF-8 byte order mark.
enum SourceBytes {
    static let leading: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0xEF, 0xBB, 0xBF]
}
