import ScorecardRender
import Testing

@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (#""><img src=x onerror=alert(1)>"#, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("it's &amp; done", "it&#39;s &amp;amp; done"),
        ("right\u{202E}left", "right&lt;U+202E&gt;left"),
        ("bell\u{07}", "bell&lt;U+0007&gt;"),
        ("a\r\nb\rc", "a\nb\nc"),
    ])
    func html(input: String, expected: String) {
        #expect(Escaping.html(input) == expected)
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("| a | b |", #"\| a \| b \|"#),
        ("`code` and **bold** and _it_ and ~~gone~~", #"\`code\` and \*\*bold\*\* and \_it\_ and \~\~gone\~\~"#),
        ("win_rate_accuracy a_ _b", #"win_rate_accuracy a\_ \_b"#),
        ("[link](javascript:x)", #"\[link\](javascript:x)"#),
        ("![img](x.png)", #"!\[img\](x.png)"#),
        ("<script>alert(1)</script>", #"\<script>alert(1)\</script>"#),
        ("&amp; and $x$", #"\&amp; and \$x\$"#),
        ("back\\slash", #"back\\slash"#),
        ("line one\nline two\r\n\tthree", "line one line two three"),
        ("  # heading", ##"\# heading"##),
        ("a # b > c", "a # b > c"),
        ("> quote", #"\> quote"#),
        ("- item", #"\- item"#),
        ("-5% change", "-5% change"),
        ("--", #"\--"#),
        ("- - -", #"\- - -"#),
        ("+ item", #"\+ item"#),
        ("=====", #"\====="#),
        ("= x", "= x"),
        ("12. numbered", #"12\. numbered"#),
        ("3) numbered", #"3\) numbered"#),
        ("64.7%", "64.7%"),
        ("2024.", #"2024\."#),
        ("2.5× uplift", "2.5× uplift"),
        ("a\u{202E}b", #"a\<U+202E>b"#),
    ])
    func markdown(input: String, expected: String) {
        #expect(Escaping.markdown(input) == expected)
    }
}
