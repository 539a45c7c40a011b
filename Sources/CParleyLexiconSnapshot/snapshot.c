#include "CParleyLexiconSnapshot.h"

// Defined in snapshot.S around the bytes of lexicons.snapshot.
extern const unsigned char parley_lexicon_snapshot_start[];
extern const unsigned char parley_lexicon_snapshot_end[];

const unsigned char *parley_lexicon_snapshot(size_t *count) {
    *count = (size_t)(parley_lexicon_snapshot_end - parley_lexicon_snapshot_start);
    return parley_lexicon_snapshot_start;
}
