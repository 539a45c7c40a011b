import ParleyLexicon
import ParleyModel

extension ExtractionLexicon {
    /// Builds the matcher tables from loaded lexicon files.
    ///
    /// Same-named places are inserted most likely first (country before capital before city, then
    /// by population), so `Georgia` is the country and `Paris` the French capital unless the text
    /// says otherwise.
    public init(_ lexicons: LexiconSet) {
        self.init()
        let places = lexicons.places.names.entries.sorted { a, b in
            Place.isMoreLikely(a, than: b) || (!Place.isMoreLikely(b, than: a) && a.name < b.name)
        }
        for place in places {
            let info = PlaceInfo(name: place.name, kind: place.kind.rawValue, country: place.country, ambiguous: place.isAmbiguous)
            addPlace(info, forms: [place.name] + place.aliases)
            for demonym in place.demonyms where demonyms[demonym] == nil { demonyms[demonym] = place.name }
        }
        for organization in lexicons.organizations.entries {
            addOrganization(OrganizationInfo(name: organization.name, kind: organization.kind.rawValue, country: organization.country),
                            forms: [organization.name] + organization.aliases)
        }
        for title in lexicons.titles.entries { addTitle(title.title) }
        for name in lexicons.givenNames.entries {
            if givenNames[name.name] == nil { givenNames[name.name] = .some(name.gender.gender) }
            if name.isAmbiguous { ambiguousGivenNames.insert(name.name) }
        }
        for surname in lexicons.surnames.entries where !surname.isAmbiguous { surnames.insert(surname.name) }
        for honorific in lexicons.honorifics.entries { honorifics[honorific.term] = .some(honorific.gender.gender) }
        for particle in lexicons.particles.entries { particles.insert(particle.term) }
        for verb in lexicons.speechVerbs.entries where !verb.form.contains(" ") { speechVerbs[verb.form.lowercased()] = verb.lemma }
        for word in lexicons.nonNames.entries { nonNames.insert(word.term) }
    }
}
