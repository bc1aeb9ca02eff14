import ScorecardCore
import Testing

/// ``NameSkeleton``: names a reader cannot tell apart share a skeleton; names a reader can tell apart do not.
@Suite struct NameSkeletonTests {
    @Test(arguments: [
        // Case, white space and invisible characters.
        ("GPT-4o", "GPT-4o"), ("GPT-4o", " GPT-4o"), ("GPT-4o", "GPT-4o "), ("GPT-4o", "GPT-4O"), ("GPT-4o", "gpt-4o"),
        ("GPT-4o", "GPT-4o\u{200B}"), ("GPT-4o", "GPT\u{200D}-4o"), ("GPT-4o", "\u{FEFF}GPT-4o"), ("GPT-4o", "GPT-4o\u{00AD}"),
        ("GPT-4o", "GPT-4o\u{2060}"), ("GPT-4o", "\u{202E}GPT-4o"), ("GPT-4o", "GPT-4o\u{FE0F}"), ("GPT-4o", "GPT-4o\u{3164}"),
        ("a b", "a  b"), ("a b", "a\tb"), ("a b", "a\nb"), ("a b", "a\u{00A0}b"), ("a b", "a\u{3000}b"), ("a b", "a\u{2003}b"),
        ("Straße", "STRASSE"),
        // Compatibility forms: full-width, mathematical letters, ligatures, script l.
        ("GPT-4o", "ＧＰＴ-４ｏ"), ("GPT-4o", "𝐆𝐏𝐓-4o"), ("fine-tune", "ﬁne-tune"), ("l", "ℓ"),
        // Look-alikes of other scripts: Cyrillic, Greek, Armenian.
        ("GPT-4o", "GРТ-4о"), ("o1", "о1"), ("apex", "арех"), ("Claude", "Сlаude"), ("KIMI", "ΚΙΜΙ"), ("nova", "nοvα"),
        ("phi", "рhі"), ("ONYX", "ΟΝΥΧ"), ("house", "հօuse"),
        // Look-alike dashes, slashes and apostrophes.
        ("GPT-4o", "GPT\u{2011}4o"), ("GPT-4o", "GPT\u{2013}4o"), ("GPT-4o", "GPT\u{2212}4o"), ("a/b", "a\u{2215}b"),
        ("o'brien", "o\u{2019}brien"),
    ])
    func namesAReaderCannotTellApartShareASkeleton(name: String, lookAlike: String) {
        #expect(NameSkeleton.skeleton(name) == NameSkeleton.skeleton(lookAlike))
    }

    @Test(arguments: [
        ("GPT-4o", "GPT-4"), ("GPT-4o", "GPT 4o"), ("GPT-4o", "GPT_4o"), ("a/b", "a-b"), ("a\nb", "a/b"), ("o1", "o3"),
        ("o1", "ol"), ("GPT-4o", "GPT-40"), ("model-v1", "model-vl"), ("résumé", "resume"), ("ab", "a b"),
    ])
    func namesAReaderCanTellApartKeepTheirOwnSkeletons(name: String, other: String) {
        #expect(NameSkeleton.skeleton(name) != NameSkeleton.skeleton(other))
    }

    @Test(arguments: [
        ("GPT-4o", nil), ("GPT 4o", nil), ("Straße", nil), ("GРТ-4о", nil), ("a  b", nil), ("👍", nil),
        (" GPT-4o", "begins with white space (<U+0020>)"), ("GPT-4o ", "ends with white space (<U+0020>)"),
        ("GPT-4o\u{00A0}", "ends with white space (<U+00A0>)"), ("a\nb", "holds a control character (<U+000A>)"),
        ("a\tb", "holds a control character (<U+0009>)"), ("GPT-4o\u{1B}[31m", "holds a control character (<U+001B>)"),
        ("GPT-4o\u{200B}", "holds an invisible character (<U+200B>)"), ("\u{202E}o1", "holds an invisible character (<U+202E>)"),
        ("o1\u{FE0F}", "holds an invisible character (<U+FE0F>)"), ("o\u{3164}1", "holds an invisible character (<U+3164>)"),
    ] as [(String, String?)])
    func namesThatCannotBeShownAsWrittenSayWhy(name: String, problem: String?) {
        #expect(NameSkeleton.problem(in: name) == problem)
    }

    @Test func quotedNamesShowWhatIsInvisible() {
        #expect(NameSkeleton.quoted(" GPT-4o") == "' GPT-4o'")
        #expect(NameSkeleton.quoted("GPT-4o\u{200B}") == "'GPT-4o<U+200B>'")
        #expect(NameSkeleton.quoted("a\nb\u{FE0F}") == "'a<U+000A>b<U+FE0F>'")
        #expect(NameSkeleton.unusualCharacters(of: "GРТ-4оо", notIn: "GPT-4o") == ["U+0420", "U+0422", "U+043E"])
        #expect(NameSkeleton.unusualCharacters(of: "GPT-4O", notIn: "GPT-4o").isEmpty)
    }

    @Test func subjectsAreAmbiguousWhenModelAndSnapshotBothLookAlike() {
        var names = SubjectNames()
        let found = [
            (Subject(model: "GPT-4o"), "e:1"), (Subject(model: "GPT-4o"), "e:2"), (Subject(model: " GPT-4o"), "e:3"),
            (Subject(model: "GPT-4O"), "e:4"), (Subject(model: "GPT-4o", snapshot: "2024-05-13"), "e:5"),
            (Subject(model: "gpt-4o", snapshot: "2024-05-13"), "e:6"), (Subject(model: "o1"), "e:7"),
            (Subject(model: "GPT-4o", snapshot: "2024-08-06"), "e:8"), (Subject(model: "o1", snapshot: "v1\u{200B}"), "e:9"),
        ].map { names.add($0.0, seenAt: $0.1) }
        #expect(found == [
            [], [],
            [.unfit(name: " GPT-4o", snapshot: false, reason: "begins with white space (<U+0020>)"),
             .ambiguous(with: Subject(model: "GPT-4o"), seenAt: "e:1")],
            [.ambiguous(with: Subject(model: "GPT-4o"), seenAt: "e:1")],
            [],
            [.ambiguous(with: Subject(model: "GPT-4o", snapshot: "2024-05-13"), seenAt: "e:5")],
            [], [],
            [.unfit(name: "v1\u{200B}", snapshot: true, reason: "holds an invisible character (<U+200B>)")],
        ])
    }
}
