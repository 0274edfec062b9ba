#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CabinetModel

/// The bytes of an input file, mapped from disk rather than copied into memory: a streamed
/// import walks them in order and hands the pages behind it back, so its memory does not grow
/// with the file. A pipe or a device (standard input) is read whole instead.
final class MappedInput {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapped: Bool
    /// Where the reader stood when pages were last handed back.
    private var releasedAt = 0
    /// Pages are handed back in steps this large, not after every record.
    static let releaseStep = 4 << 20

    init(path: String, source: String) throws(CabinetError) {
        let unreadable = CabinetError.unreadableInput(source: source, problem: "cannot read the file (missing, a folder, or not permitted)")
        let file = open(path, O_RDONLY)
        guard file >= 0 else { throw unreadable }
        defer { close(file) }
        var status = stat()
        if fstat(file, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG), status.st_size > 0,
           let base = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, file, 0), base != UnsafeMutableRawPointer(bitPattern: -1) {
            bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size))
            mapped = true
            return
        }
        var whole: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw unreadable }
            if count == 0 { break }
            whole += chunk[0..<count]
        }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: whole.count)
        _ = copy.initialize(from: whole)
        bytes = UnsafeBufferPointer(copy)
        mapped = false
    }

    /// Hands back the pages wholly before `offset`, which will not be read again unless the
    /// reader goes back (to the next section, or for an error; the kernel then reads them from
    /// the file once more).
    func release(before offset: Int) {
        guard mapped, abs(offset - releasedAt) >= Self.releaseStep, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        madvise(UnsafeMutableRawPointer(mutating: base), offset / page * page, Int32(MADV_DONTNEED))
        releasedAt = offset
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }
}
