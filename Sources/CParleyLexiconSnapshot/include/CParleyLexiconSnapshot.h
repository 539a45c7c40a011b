#ifndef C_PARLEY_LEXICON_SNAPSHOT_H
#define C_PARLEY_LEXICON_SNAPSHOT_H

#include <stddef.h>

/// Placed around the bytes of `lexicons.snapshot` in read-only data by `snapshot.c`.
extern const unsigned char parley_lexicon_snapshot_start[];
extern const unsigned char parley_lexicon_snapshot_end[];

/// The bundled lexicons' prebuilt tables and their size in bytes (0 when none has been generated).
///
/// Inline, so the C target itself holds no code: its only content is the embedded data. (A C function
/// there brought a DWARF 5 compile unit into the Swift binary's DWARF 4, which valgrind 3.19 rejects.)
static inline const unsigned char *parley_lexicon_snapshot(size_t *count) {
    *count = (size_t)(parley_lexicon_snapshot_end - parley_lexicon_snapshot_start);
    return parley_lexicon_snapshot_start;
}

/// Asks the CPU to start loading the cache line at `address` into the caches (all levels), without
/// waiting for it. Swift has no prefetch of its own; the lexicon lookups use this to overlap the cache
/// misses of the probes a document will make (see `HashIndex.prefetch`). A hint: it never faults.
static inline void parley_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
