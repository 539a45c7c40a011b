#include "CParleyLexiconSnapshot.h"
// Written with the snapshot: the build system does not see `.incbin` inputs, but it recompiles this
// file when an included header changes.
#include "snapshot-checksum.h"

// The bytes of lexicons.snapshot between two symbols. Top-level assembly rather than a `.S` file: an
// assembler source compiled with -g gets debug information for its labels, which valgrind rejects.
__asm__(
#if defined(__APPLE__)
    "    .section __TEXT,__const\n"
    "    .balign 16\n"
    "_parley_lexicon_snapshot_start:\n"
    "    .incbin \"lexicons.snapshot\"\n"
    "_parley_lexicon_snapshot_end:\n"
#else
    "    .pushsection .rodata\n"
    "    .balign 16\n"
    "parley_lexicon_snapshot_start:\n"
    "    .incbin \"lexicons.snapshot\"\n"
    "parley_lexicon_snapshot_end:\n"
    "    .popsection\n"
#endif
);

extern const unsigned char parley_lexicon_snapshot_start[];
extern const unsigned char parley_lexicon_snapshot_end[];

const unsigned char *parley_lexicon_snapshot(size_t *count) {
    *count = (size_t)(parley_lexicon_snapshot_end - parley_lexicon_snapshot_start);
    return parley_lexicon_snapshot_start;
}
