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

#endif
