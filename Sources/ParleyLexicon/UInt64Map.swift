/// A small growable open-addressing map from well-mixed 64-bit hashes to values, for the loader only.
///
/// `Dictionary` hashes its keys again with SipHash; the loader's keys are already FNV/fmix hashes, so
/// this map indexes by their top bits directly. Key 0 is stored as 1.
struct UInt64Map<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var count = 0
    private var shift: UInt64

    init(capacity: Int) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: key >> shift)
        while keys[index] != key, keys[index] != 0 { index = (index + 1) & mask }
        return index
    }

    subscript(key: UInt64) -> Value? {
        get {
            let key = key == 0 ? 1 : key
            return values[slot(key)]
        }
        set {
            let key = key == 0 ? 1 : key
            var index = slot(key)
            if keys[index] == 0 {
                if (count + 1) * 2 > keys.count {
                    grow()
                    index = slot(key)
                }
                keys[index] = key
                count += 1
            }
            values[index] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        for i in oldKeys.indices where oldKeys[i] != 0 {
            let index = slot(oldKeys[i])
            keys[index] = oldKeys[i]
            values[index] = oldValues[i]
        }
    }
}
