package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a statement is about: a topic named word for word wins over one its description only resembles; "the ban" in a
 * part that matches nothing by itself is the topic last coded, when the noun is one of that topic's words.
 */
class TargetRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The Greens said they opposed "wind farm subsidies" for the big power companies.             | GREENS wind-farm-subsidies OPPOSE  | target.named
      The Greens said they opposed the ban on new onshore wind farms.                             | GREENS onshore-wind-ban OPPOSE     | target.meaning
      Russia said it strongly opposed Ukraine joining NATO.                                       | RU ukraine-nato-membership OPPOSE  | target.meaning
      Russia opposed Ukraine joining NATO, but Poland backed it.                                  | RU ukraine-nato-membership OPPOSE; PL ukraine-nato-membership SUPPORT | target.meaning; target.anaphora
      Poland backed Ukraine joining NATO, a move Russia opposed.                                  | PL ukraine-nato-membership SUPPORT; RU ukraine-nato-membership OPPOSE | target.meaning; target.anaphora
      The Liberals backed the ban on new onshore wind farms. Later the Greens voted to scrap the ban. | LIBERALS onshore-wind-ban SUPPORT; GREENS onshore-wind-ban OPPOSE | target.meaning; target.anaphora
      The Liberals backed the ban on new onshore wind farms. Later the Greens voted to scrap the proposal. | LIBERALS onshore-wind-ban SUPPORT | target.meaning
      The Liberals backed the ban on new onshore wind farms. Russia said it opposed Ukraine joining NATO. Later the Greens voted to scrap the ban. | LIBERALS onshore-wind-ban SUPPORT; RU ukraine-nato-membership OPPOSE; GREENS onshore-wind-ban OPPOSE | target.meaning; target.meaning; target.anaphora
      """)
  void shouldChooseTheTopic(String sentence, String expected, String rule) throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);
    assertEquals(expected, RulesFixture.summary(candidates));
    assertEquals(rule, String.join("; ", candidates.stream()
        .map(c -> c.evidence().rule().split("\\+")[2]).toList()));
  }
}
