import Testing
@testable import SiteAgent

/// Issue 10: long messages read sentence by sentence — the envelope (greetings, forwarded headers, sign-offs,
/// "don't touch anything else") goes, context sentences only lend what they name, every instruction is a part.
@Suite("Agent requests: sentences of a long message")
struct SegmentsTests {
    @Test func sentencesAreNeverCutInsideQuotesBracketsNumbersOrAddresses() {
        let text = "Set the answer to 'Linux. macOS support ended with 3.0.' please (it went out before New Year. Really.) Move the site to https://books.example.org/ now. Thanks!"
        #expect(Segments.sentences(text) == [
            "Set the answer to 'Linux. macOS support ended with 3.0.' please (it went out before New Year. Really.) Move the site to https://books.example.org/ now.",
            "Thanks!",
        ])
        #expect(Segments.sentences("It should read 'Install from source.' Also the intro.") == ["It should read 'Install from source.'", "Also the intro."])
        #expect(Segments.sentences("add a FAQ question 'Does it run on Windows?' with the answer 'Yes.'").count == 1)
        #expect(Segments.sentences("Contact us at 12 Mill St. for details. Then go.") == ["Contact us at 12 Mill St. for details.", "Then go."])
    }

    @Test func theEnvelopeIsDroppedAndTextThatMerelyStartsWithThanksIsNot() {
        for envelope in ["Thanks!", "Thanks, D.", "Many thanks in advance", "Kind regards, Margaret.", "With thanks, Margaret.",
                         "---------- Forwarded message ---------", "From: Dana Whitfield", "Subject: website",
                         "Nothing else needs to change.", "Don't touch anything else.", "Body font stays as it is.",
                         "Keep the text in it readable.", "Hi team, forwarding Dana's notes below."] {
            #expect(Segments.isEnvelope(envelope), "\(envelope)")
        }
        for text in ["Thanks to everyone who helped.", "Change the footer to Thanks for visiting", "Please make the header navy."] {
            #expect(!Segments.isEnvelope(text), "\(text)")
        }
    }

    @Test func aForwardedLetterLeavesItsInstructionsWithTheirContext() throws {
        let forwarded = "Hi, forwarding this from Dana (my boss), see below.\n\n---------- Forwarded message ---------\nFrom: Dana\nSubject: website\n\nCan you get the About page fixed? It says we have been building websites since 2014 but we actually opened in 2011. Nothing else needs to change.\n\nThanks, D."
        let parts = try #require(Segments.parts(forwarded))
        #expect(parts == [Segments.Part(text: "On the About page, it says we have been building websites since 2014 but we actually opened in 2011.", certain: false)])

        let letter = "Hi, I'm Priya and I teach yoga. The site still has the placeholder text under the big headline. Please change it to: Small, slow classes. Everyone welcome."
        #expect(Segments.parts(letter)?.map(\.text) == ["Please change the placeholder text under the big headline to: Small, slow classes. Everyone welcome."])

        let list = "Hi team, notes below.\n> 1. Change the Design card's text to Logos that people remember.\n> 2. Add Careers to the top menu after Services.\nCheers, Sam"
        #expect(Segments.parts(list)?.map(\.text) == ["Change the Design card's text to Logos that people remember.", "Add Careers to the top menu after Services."])
    }

    @Test func anUnquotedValueKeepsItsLaterSentences() {
        #expect(Segments.parts("change the contact form intro to Got a question? Email us and we'll reply. Thanks!")?.map(\.text)
            == ["change the contact form intro to Got a question? Email us and we'll reply."])
        #expect(Segments.parts("Change the intro to: Questions? Write to me - I answer everything.")?.map(\.text)
            == nil, "one instruction and nothing dropped: the message is read whole")
    }

    @Test func referencesTakeWhatTheSentenceBeforeNamed() {
        #expect(Segments.parts("On the home page there are three cards under Why this works. Please add a fourth one called Props with the text: Mats.")?.map(\.text)
            == ["On the home page, please add a card called Props with the text: Mats."])
        #expect(Segments.parts("Dana asked me to pass this on: the Spring Update post has been sitting as a draft since April. It's approved now, please publish it so it shows up on the blog.")?.map(\.text)
            == ["please publish the Spring Update post"])
        #expect(Segments.parts("Two small fixes on the Why I started writing post: its date should be 30 December 2024 (it went out early), and please add the tag journaling to it as well.")?.map(\.text)
            == ["the Why I started writing post's date should be 30 December 2024, and please add the tag journaling to the Why I started writing post"])
    }

    @Test func asidesGoButValuesStay() {
        #expect(Segments.withoutAsides("Add a line 'Teach yoga' and remove 'Keep everything fast' because that sounds like a tech company") == "Add a line 'Teach yoga' and remove 'Keep everything fast'")
        #expect(Segments.withoutAsides("change the tagline to Because you deserve better") == "change the tagline to Because you deserve better")
        #expect(Segments.withoutAsides("change it to say since 1998 cos thats when my dad started it and also on the london team page change X to Y") == "change it to say since 1998 and also on the london team page change X to Y")
        #expect(Segments.withoutAsides("I'd like the title to say Meet Priya instead, and leave the rest of the box alone for now, I'll write the text later") == "I'd like the title to say Meet Priya instead")
    }

    @Test func aNoteToTheAgentInsideANewTextIsFound() {
        let value = "Yes. It is open source under Apache 2.0. The other answer is still correct, so leave it. Thanks, Tomás"
        let note = try? #require(ValueSanity.noteToMe(in: value))
        #expect(note.map { String(value[$0]) } == "The other answer is still correct, so leave it. Thanks, Tomás")
        #expect(ValueSanity.noteToMe(in: "Three boxes left to right. Leave the caption as it is.") != nil)
        #expect(ValueSanity.noteToMe(in: "We bake every day. Thanks to everyone who visits.") == nil)
        #expect(ValueSanity.noteToMe(in: "Leave your worries at the door. Yoga for everyone.") == nil, "a text may start with words a note uses")
    }
}
