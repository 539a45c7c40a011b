/// Lookups from tokens to the layers built over them, shared by the extraction and stance stages
/// (which may not import each other).
extension Document {
    /// The index of the first token that starts at or after byte `offset`.
    public func tokenIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// For every token, the entity whose mention covers it (nil elsewhere); the cached map when a
    /// stage kept one (``entityIndexByTokenCache``).
    public func entityIndexByToken() -> [Int?] {
        if let cache = entityIndexByTokenCache, cache.count == tokens.count { return cache }
        var result = [Int?](repeating: nil, count: tokens.count)
        // Indices rather than `for entity in entities`, which copied each entity (retaining its strings).
        for entityIndex in entities.indices {
            let owner = entities[entityIndex].index
            for mentionIndex in entities[entityIndex].mentions.indices {
                let range = entities[entityIndex].mentions[mentionIndex].range
                var index = tokenIndex(atOrAfter: range.start)
                while index < tokens.count, tokens[index].range.start < range.end {
                    result[index] = owner
                    index += 1
                }
            }
        }
        return result
    }

    /// The entity a pronoun most likely refers to: the nearest earlier mention, within `window`
    /// tokens, of a person of compatible gender (`he`, `she`, `his`, `her`) or of any actor
    /// (`they`, `their`, `it`, `its`).
    public func antecedent(of pronoun: String, before token: Int, entityAt: [Int?], window: Int = 400) -> Int? {
        let wantsPerson: Gender?? = switch pronoun {
        case "he", "him", "his", "himself": .some(.male)
        case "she", "her", "hers", "herself": .some(.female)
        case "i", "me", "my", "we", "our", "us": .some(nil)
        default: .none
        }
        var index = token - 1
        let floor = max(0, token - window)
        while index >= floor {
            if let candidate = entityAt[index] {
                let entity = entities[candidate]
                switch wantsPerson {
                case .some(let gender):
                    if entity.type == .person, gender == nil || entity.gender == nil || entity.gender == gender { return candidate }
                case .none:
                    if entity.type != .person { return candidate }
                }
            }
            index -= 1
        }
        return nil
    }
}
