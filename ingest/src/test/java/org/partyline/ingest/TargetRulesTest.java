package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a statement is about: a topic named word for word wins over one its description only resembles. */
class TargetRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      The Greens said they opposed "wind farm subsidies" for the big power companies.             | GREENS wind-farm-subsidies OPPOSE  | target.named
      The Greens said they opposed the ban on new onshore wind farms.                             | GREENS onshore-wind-ban OPPOSE     | target.meaning
      Russia said it strongly opposed Ukraine joining NATO.                                       | RU ukraine-nato-membership OPPOSE  | target.meaning
      """)
  void shouldChooseTheTopic(String sentence, String expected, String rule) throws Exception {
    List<Candidate> candidates = RulesFixture.ingest(sentence);
    assertEquals(expected, RulesFixture.summary(candidates));
    assertEquals(rule, candidates.get(0).evidence().rule().split("\\+")[2]);
  }
}
