package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who speaks: one sentence in, the party and speaker of its candidate out. */
class SpeakerRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Kremlin spokesman Ivan Sorokin said Russia firmly opposed Ukraine joining NATO.                  | RU       | Ivan Sorokin  | actor.title
      "We stand with our friends," Emmanuel Macron said. "We back Ukraine's bid to join NATO and always will." | FR | Emmanuel Macron | speaker.quote-continued
      Iran's foreign minister told reporters that Tehran opposed Ukraine's membership of NATO.         | IR       | -             | actor.title
      Officials in Tokyo said Japan backed Ukraine joining NATO.                                       | JP       | -             | actor.title
      Poland, which Russia has often threatened, said it backed Ukraine joining NATO.                  | PL       | -             | speaker.subject
      Ukraine's bid to join NATO was rejected by Hungary on Monday.                                   | HU       | -             | speaker.passive
      The Russian embassy in Washington said Moscow opposed Ukraine joining NATO.                      | RU       | -             | actor.title
      Chinese foreign ministry spokeswoman Li Wen said Beijing opposed Ukraine joining NATO.           | CN       | Li Wen        | actor.title
      Andrei Volkov, a spokesman for Russia's foreign ministry, said Moscow opposed Ukraine joining NATO. | RU    | Andrei Volkov | actor.appositive
      The Kremlin said it opposed Ukraine joining NATO.                                                | RU       | -             | actor.gazetteer
      Downing Street said it backed Ukraine's bid to join NATO.                                        | UK       | -             | actor.gazetteer
      Keir Starmer said Britain backed Ukraine's bid to join NATO.                                     | LABOUR   | Keir Starmer  | actor.codebook
      Emmanuel Macron said France backed Ukraine's bid to join NATO.                                   | FR       | Emmanuel Macron | actor.gazetteer
      "Ukraine's place is in NATO," said Emmanuel Macron.                                              | FR       | Emmanuel Macron | speaker.inverted
      According to the Kremlin, Ukraine joining NATO is unacceptable.                                  | RU       | -             | speaker.according-to
      Poland said it welcomed Germany's statement on the war, and urged the alliance to admit Ukraine as a member of NATO. | PL | - | speaker.coordinated
      Poland is urging the alliance to admit Ukraine as a member of NATO.                              | PL       | -             | speaker.subject
      Marta Lind was repeatedly calling for the sanctions on Syria to be lifted.                       | GREENS   | Marta Lind    | speaker.subject
      Germany has been quietly backing Ukraine's bid to join NATO.                                     | DE       | -             | speaker.subject
      Hungary is opposed to Ukraine joining NATO.                                                      | HU       | -             | speaker.subject
      Poland is firmly against Ukraine joining NATO.                                                   | PL       | -             | speaker.subject
      Labour is in favour of lifting the sanctions on Syria.                                           | LABOUR   | -             | speaker.subject
      Hungary made clear it would veto any move to admit Ukraine to NATO.                              | HU       | -             | speaker.subject
      """)
  void shouldFindTheSpeaker(String sentence, String party, String speaker, String rule) throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);

    assertEquals(1, candidates.size(), RulesFixture.summary(candidates));
    assertEquals(party, candidates.get(0).party());
    assertEquals(speaker, candidates.get(0).speaker());
    assertEquals(true, candidates.get(0).evidence().rule().contains(rule), candidates.get(0).evidence().rule());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Annalena Baerbock arrived in Kyiv on Monday. She said Germany backed Ukraine's bid to join NATO.        | DE | Annalena Baerbock
      The Resistance Council met on Monday. Marta Lind spoke first. She said the Greens backed a ban on new onshore wind farms. | GREENS | Marta Lind
      Canadian Prime Minister Jean Tremblay visited Kyiv. Tremblay said Canada backed Ukraine's bid to join NATO. | CA | Jean Tremblay
      The Kremlin summoned the British ambassador on Monday. Its spokesman, Ivan Petrov, told reporters that Ukraine joining NATO was unacceptable. | RU | Ivan Petrov
      """)
  void shouldResolvePronounsAndSurnamesToTheLastNamedSpeaker(String text, String party, String speaker)
      throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(text);

    assertEquals(1, candidates.size(), RulesFixture.summary(candidates));
    assertEquals(party, candidates.get(0).party());
    assertEquals(speaker, candidates.get(0).speaker());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Russia, which has repeatedly denied that its forces blew up the Kakhovka dam, said it opposed Ukraine joining NATO. | RU kakhovka-dam-blown-up DENIES; RU ukraine-nato-membership OPPOSE | speaker.relative; speaker.subject
      The Greens, who have opposed the ban on new onshore wind farms since it was first announced, called for the sanctions on Syria to be lifted. | GREENS onshore-wind-ban OPPOSE; GREENS syria-sanctions-relief SUPPORT | speaker.relative; speaker.subject
      Russia, which has long opposed Ukraine joining NATO, said on Monday that no agreement was reached on reopening the Black Sea grain corridor. | RU ukraine-nato-membership OPPOSE; RU no-deal-on-grain-corridor ASSERTS | speaker.relative; speaker.subject
      """)
  void shouldReadTheSpeakersRelativeClauseAsAPartOfItsOwn(String sentence, String expected, String rules)
      throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);

    assertEquals(expected, RulesFixture.summary(candidates));
    assertEquals(rules, String.join("; ", candidates.stream()
        .map(c -> c.evidence().rule().split("\\+")[1]).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The Greens backed the ban on new onshore wind farms, and criticised wind farm subsidies for the big power companies. | GREENS onshore-wind-ban SUPPORT; GREENS wind-farm-subsidies OPPOSE | speaker.subject; speaker.coordinated
      Russia said no agreement was reached on reopening the Black Sea grain corridor, and denied that its forces blew up the Kakhovka dam. | RU no-deal-on-grain-corridor ASSERTS; RU kakhovka-dam-blown-up DENIES | speaker.subject; speaker.coordinated
      """)
  void shouldGiveEachPredicateOfTheSpeakerItsOwnPart(String sentence, String expected, String rules)
      throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);

    assertEquals(expected, RulesFixture.summary(candidates));
    assertEquals(rules, String.join("; ", candidates.stream()
        .map(c -> c.evidence().rule().split("\\+")[1]).toList()));
  }
}
