package org.partyline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;

class EventRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'ru '|RU", "' Ua'|UA", "RU|RU", "'\tcdu.csu '|CDU.CSU", "fi_ps-1|FI_PS-1"})
    void shouldTrimAndUpperCaseParty(String raw, String expected) {
        assertEquals(expected, EventRules.normalizeParty(raw));
    }

    @Test
    void shouldUpperCaseIndependentlyOfDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("IRAN-I", EventRules.normalizeParty("iran-i"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RU", "A", "0", "CDU.CSU", "FI_PS-1"})
    void shouldAcceptParty(String party) {
        assertTrue(EventRules.isParty(party));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ru", "-RU", "_RU", ".RU", "R U", "RU/1", "RÜ"})
    void shouldRejectParty(String party) {
        assertFalse(EventRules.isParty(party));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ukraine-nato-membership", "a", "0", "pokrovsk-captured", "2025-budget"})
    void shouldAcceptSlug(String slug) {
        assertTrue(EventRules.isSlug(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-nato", "Nato", "nato_membership", "nato.membership", "nato membership", "é"})
    void shouldRejectSlug(String slug) {
        assertFalse(EventRules.isSlug(slug));
    }

    @Test
    void shouldBoundPartyAt64Characters() {
        assertTrue(EventRules.isParty("P".repeat(64)));
        assertFalse(EventRules.isParty("P".repeat(65)));
    }

    @Test
    void shouldBoundSlugAt128Characters() {
        assertTrue(EventRules.isSlug("a".repeat(128)));
        assertFalse(EventRules.isSlug("a".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x1F, 0x7F})
    void shouldRejectEventIdWithControlCharacter(int codePoint) {
        assertFalse(EventRules.isEventId("ev" + Character.toString(codePoint) + "1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80, 0x85, 0x9F, 0x200B})
    void shouldAcceptEventIdWithCharactersTheContractFoldAccepts(int codePoint) {
        assertTrue(EventRules.isEventId("ev" + Character.toString(codePoint) + "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ru ", "\tru\n", "\u00A0ru", "ru\u3000", "\u0085ru", "\u2028ru\u2029"})
    void shouldTrimEveryUnicodeWhiteSpaceAroundAParty(String raw) {
        assertEquals("RU", EventRules.normalizeParty(raw));
    }

    @ParameterizedTest
    @CsvSource({"2025-12-05T14:00:00Z,2025-12-05T14:00:00Z", "2025-12-05T14:00Z,2025-12-05T14:00:00Z",
            "2025-12-05T16:00:00+02:00,2025-12-05T14:00:00Z", "2025-12-05T09:30:00-04:30,2025-12-05T14:00:00Z",
            "2025-12-06T09:00:00+19:00,2025-12-05T14:00:00Z", "2025-12-05T14:00:00-00:00,2025-12-05T14:00:00Z",
            "2025-12-05T14:00:00.123Z,2025-12-05T14:00:00.123Z", "2025-12-05T14:00:00.1239Z,2025-12-05T14:00:00.123Z",
            "2025-12-05T14:00:00.123456789Z,2025-12-05T14:00:00.123Z", "2025-12-05T14:00:00.5Z,2025-12-05T14:00:00.500Z",
            "2025-12-05T14:00:00.05+01:00,2025-12-05T13:00:00.050Z", "2024-02-29T23:59:59.999Z,2024-02-29T23:59:59.999Z"})
    void shouldParseInstantsOfTheContractFormIntoUtcMillis(String text, String utc) {
        assertEquals(Instant.parse(utc), EventRules.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-12-05T14:00:00z", "2025-12-05t14:00:00Z", "2025-12-05T14:00:00+02:00:30",
            "+12025-12-05T14:00:00Z", "2025-12-05T14:00:00.Z", "2025-12-05T14:00:00+02", "2025-12-05T14:00:00+0200",
            "2025-12-05T24:00:00Z", "2025-02-30T14:00:00Z", "2025-12-05T14:00:60Z", "2025-12-05T14:00:00+24:00",
            "2025-12-05 14:00:00Z", "2025-12-05T14:00:00", "2025-12-05", "yesterday", "1764943200000",
            "2025-13-05T14:00:00Z", "+999999999-12-31T23:59:59Z"})
    void shouldRejectInstantsNotOfTheContractForm(String text) {
        assertThrows(DateTimeParseException.class, () -> EventRules.parseInstant(text));
    }

    @Test
    void shouldAcceptEventIdUpTo128Characters() {
        assertTrue(EventRules.isEventId("e"));
        assertTrue(EventRules.isEventId("é ü/ 1".repeat(21) + "xx"));
        assertTrue(EventRules.isEventId("x".repeat(128)));
        assertFalse(EventRules.isEventId("x".repeat(129)));
        assertFalse(EventRules.isEventId(""));
    }

    @Test
    void shouldCountCharactersAsCodePoints() {
        assertTrue(EventRules.isEventId("\uD83D\uDDF3".repeat(128)));
        assertFalse(EventRules.isEventId("\uD83D\uDDF3".repeat(129)));
    }

    @ParameterizedTest
    @CsvSource({"SUPPORT,SUPPORT", "lean_support,LEAN_SUPPORT", "Neutral,NEUTRAL", "lean_OPPOSE,LEAN_OPPOSE", "oppose,OPPOSE"})
    void shouldReadStanceInAnyLetterCase(String raw, Stance expected) {
        assertEquals(Optional.of(expected), EventRules.stance(raw));
    }

    @ParameterizedTest
    @CsvSource({"ASSERTS,ASSERTS", "Denies,DENIES", "disputes,DISPUTES", "rEtRaCtS,RETRACTS"})
    void shouldReadPositionInAnyLetterCase(String raw, Position expected) {
        assertEquals(Optional.of(expected), EventRules.position(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "supports", "lean support", " SUPPORT"})
    void shouldRejectUnknownStance(String raw) {
        assertEquals(Optional.empty(), EventRules.stance(raw));
    }

    @Test
    void shouldUpperCaseSymbolsAsTheContractFoldDoes() {
        assertEquals(Optional.of(Stance.SUPPORT), EventRules.stance("\u017Fupport"));
        assertEquals(Optional.of(Position.DISPUTES), EventRules.position("d\u0131sputes"));
    }

    @Test
    void shouldAgreeWithThePatternsOnRandomText() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "AZaz09_.- \u00e9\u0130\u212a/";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 60 + random.nextInt(80) : random.nextInt(6);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertEquals(text.matches(EventRules.PARTY_PATTERN), EventRules.isParty(text), text);
            assertEquals(text.matches(EventRules.SLUG_PATTERN), EventRules.isSlug(text), text);
            assertEquals(EventRules.strip(text).isEmpty(),
                    EventRules.isBlank(text), text);
        }
    }
}
