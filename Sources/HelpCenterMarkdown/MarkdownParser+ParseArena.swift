import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MarkdownParser {
    /// The memory of one libcmark-gfm parse: a bump allocator per thread, emptied as a whole
    /// once the parse's tree has been copied into Swift.
    ///
    /// libcmark-gfm allocates every node, string buffer and delimiter on its own (about 700
    /// `calloc` calls and as many `free` calls for a 5 KB article), and freeing the finished
    /// tree walks it node by node. Here an allocation is a pointer bump in a 64 KB block, `free`
    /// does nothing, and the tree is never walked to be freed: `end()` gives back the blocks of
    /// the parse at once and keeps one block for the thread's next parse.
    ///
    /// libcmark-gfm calls its allocator through plain C function pointers without a context,
    /// so each thread's arena is found through a thread-specific key. Parses do not nest on a
    /// thread (`begin()` refuses a second one, and the caller then uses the system allocator).
    ///
    /// Part of the C wrapper (only `MarkdownParser` uses it, and only it sees libcmark-gfm). What
    /// it buys, measured 2026-12-05 on the 10,000-article corpus: the same release binary, 7
    /// alternating runs with the arena and with `HELPCENTER_PARSE_ARENA=off`, twice (the machine
    /// shared with other builds):
    ///
    ///     for i in 1 2 3 4 5 6 7; do for arena in on off; do
    ///       HELPCENTER_PARSE_ARENA=$arena /usr/bin/time -f "%e %U %S %M" .build/release/helpcenter build \
    ///         --quiet --content /tmp/corpus-10000/content --templates templates --output /tmp/out-$arena
    ///     done; done
    ///
    /// - load 4.6–5.3: user CPU median 3.29 s with the arena, 4.39 s without (−25%; 3.20–3.44
    ///   against 4.07–4.98 s, no overlap); wall times (11.7–58 s) too noisy to compare.
    /// - load 2.2–2.9: user CPU 2.99 against 3.87 s (−23%, no overlap); wall median 4.68
    ///   against 6.64 s, best 3.52 against 4.10 s (−14%); peak memory 145 against 146 MB.
    ///
    /// Earlier, in callgrind on the 200-article corpus: 0.676 → 0.619 G instructions (−8.4%,
    /// docs/generator.md). Well above the 3% a construct like this must buy (issue 13).
    enum ParseArena {
        /// The thread's arena: `current` is the block allocations come from; `retired` links the
        /// blocks filled earlier in this parse and the blocks of oversized allocations.
        private struct State {
            var current: UnsafeMutableRawPointer
            var used: Int
            var retired: UnsafeMutableRawPointer?
            var lastPayload: UnsafeMutableRawPointer?
            var active: Bool
            /// Bytes of the blocks retired in this parse.
            var retiredBytes = 0
        }

        private static let blockSize = 64 * 1024
        /// Every block starts with a link to the next retired block; every allocation with its
        /// size (for `realloc`). 16 bytes each keep payloads 16-byte aligned, as `malloc`'s are.
        private static let linkSize = 16
        private static let headerSize = 16
        /// Larger allocations get a block of their own.
        private static let largestInBlock = 16 * 1024

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            let status = pthread_key_create(&key) { pointer in
                guard let pointer else { return }
                let state = pointer.assumingMemoryBound(to: State.self)
                ParseArena.freeRetired(state)
                free(state.pointee.current)
                state.deinitialize(count: 1)
                state.deallocate()
            }
            precondition(status == 0, "ParseArena: no thread-specific key (\(status))")
            return key
        }()

        private static func state() -> UnsafeMutablePointer<State> {
            if let existing = pthread_getspecific(key) {
                return existing.assumingMemoryBound(to: State.self)
            }
            let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
            state.initialize(to: State(current: newBlock(blockSize), used: linkSize, retired: nil, lastPayload: nil, active: false))
            pthread_setspecific(key, state)
            return state
        }

        private static func newBlock(_ size: Int) -> UnsafeMutableRawPointer {
            guard let block = malloc(size) else { fatalError("ParseArena: out of memory (\(size) bytes)") }
            return block
        }

        /// Starts a parse on this thread; false when one is already running here.
        static func begin() -> Bool {
            let state = state()
            guard !state.pointee.active else { return false }
            state.pointee.active = true
            return true
        }

        /// Ends the parse: everything it allocated is given back.
        static func end() {
            let state = state()
            let large = state.pointee.retiredBytes > trimAfter
            freeRetired(state)
            state.pointee.used = linkSize
            state.pointee.lastPayload = nil
            state.pointee.active = false
            #if canImport(Glibc)
            // glibc keeps freed memory in the thread's own malloc arena, where another thread
            // cannot reuse it: after a huge parse (400,000 `[`s take 100 MB), the next one on
            // the other thread took as much again, and the build's peak memory went from 139
            // to 240 MB at random (scripts/hostile-inputs.sh). Only such parses pay for this.
            if large { malloc_trim(0) }
            #endif
        }

        /// A parse that retired more than this gives its memory back to the system at its end.
        private static let trimAfter = 16 * 1024 * 1024

        private static func freeRetired(_ state: UnsafeMutablePointer<State>) {
            var block = state.pointee.retired
            while let current = block {
                block = current.load(as: UnsafeMutableRawPointer?.self)
                free(current)
            }
            state.pointee.retired = nil
            state.pointee.retiredBytes = 0
        }

        private static func retire(_ block: UnsafeMutableRawPointer, size: Int, in state: UnsafeMutablePointer<State>) {
            block.storeBytes(of: state.pointee.retired, as: UnsafeMutableRawPointer?.self)
            state.pointee.retired = block
            state.pointee.retiredBytes += size
        }

        private static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
            let state = state()
            let rounded = (size + 15) & ~15
            if rounded > largestInBlock {
                let block = newBlock(linkSize + headerSize + rounded)
                retire(block, size: linkSize + headerSize + rounded, in: state)
                let payload = block + linkSize + headerSize
                (payload - headerSize).storeBytes(of: size, as: Int.self)
                return payload
            }
            if state.pointee.used + headerSize + rounded > blockSize {
                retire(state.pointee.current, size: blockSize, in: state)
                state.pointee.current = newBlock(blockSize)
                state.pointee.used = linkSize
            }
            let payload = state.pointee.current + state.pointee.used + headerSize
            (payload - headerSize).storeBytes(of: size, as: Int.self)
            state.pointee.used += headerSize + rounded
            state.pointee.lastPayload = payload
            return payload
        }

        // MARK: - The allocator libcmark-gfm calls

        static let allocateZeroed: @convention(c) (Int, Int) -> UnsafeMutableRawPointer? = { count, size in
            let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            let payload = ParseArena.allocate(bytes)
            memset(payload, 0, bytes)
            return payload
        }

        static let reallocate: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { pointer, size in
            guard let pointer else { return ParseArena.allocate(size) }
            let oldSize = (pointer - headerSize).load(as: Int.self)
            if size <= oldSize { return pointer }
            let state = ParseArena.state()
            // The latest allocation grows in place while its block has room.
            if pointer == state.pointee.lastPayload {
                let grown = ((size + 15) & ~15) - ((oldSize + 15) & ~15)
                if state.pointee.used + grown <= blockSize {
                    state.pointee.used += grown
                    (pointer - headerSize).storeBytes(of: size, as: Int.self)
                    return pointer
                }
            }
            let moved = ParseArena.allocate(size)
            memcpy(moved, pointer, oldSize)
            return moved
        }

        static let release: @convention(c) (UnsafeMutableRawPointer?) -> Void = { _ in }
    }
}
