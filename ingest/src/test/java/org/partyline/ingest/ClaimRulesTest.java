package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Positions on a claim (guidelines C1-C5): a passage in, its claim events out. */
class ClaimRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Ukraine said Russian forces had deliberately blown up the Kakhovka dam.                           | UA kakhovka-dam-blown-up ASSERTS
      Ukraine accused Russian forces of deliberately blowing up the Kakhovka dam.                       | UA kakhovka-dam-blown-up ASSERTS
      Russia denied that its forces blew up the Kakhovka dam.                                           | RU kakhovka-dam-blown-up DENIES
      Moscow dismissed the accusation that Russian forces blew up the Kakhovka dam as absurd.           | RU kakhovka-dam-blown-up DENIES
      Russia said its forces had not blown up the Kakhovka dam.                                         | RU kakhovka-dam-blown-up DENIES
      Hungary said there was no evidence that Russian forces blew up the Kakhovka dam.                  | HU kakhovka-dam-blown-up DISPUTES
      Turkey questioned whether Russian forces had deliberately blown up the Kakhovka dam.              | TR kakhovka-dam-blown-up DISPUTES
      Russia said reports that its forces blew up the Kakhovka dam were unfounded.                      | RU kakhovka-dam-blown-up DENIES
      Hungary said reports that Russian forces blew up the Kakhovka dam were misleading.                | HU kakhovka-dam-blown-up DISPUTES
      Moscow called the accusation that its forces blew up the Kakhovka dam slander.                    | RU kakhovka-dam-blown-up DENIES
      Russia called reports that its forces blew up the Kakhovka dam in Ukraine false.                  | RU kakhovka-dam-blown-up DENIES
      Moscow said accounts of Russian forces blowing up the Kakhovka dam in Ukraine were a lie.        | RU kakhovka-dam-blown-up DENIES
      Russia denied shelling the city, and said there was no evidence that its forces had blown up the Kakhovka dam. | RU kakhovka-dam-blown-up DISPUTES
      Moscow rejected Kyiv's claim that Russian forces had blown up the Kakhovka dam.                  | RU kakhovka-dam-blown-up DENIES; UA kakhovka-dam-blown-up ASSERTS
      Ukraine's president rejected Putin's claim that no agreement had been reached on reopening the Black Sea grain corridor. | UA no-deal-on-grain-corridor DENIES; RU no-deal-on-grain-corridor ASSERTS
      Belarus said claims that Russian forces blew up the Kakhovka dam were politically motivated.     | BY kakhovka-dam-blown-up DISPUTES
      The Kremlin said no agreement had been reached on reopening the Black Sea grain corridor.         | RU no-deal-on-grain-corridor ASSERTS
      Ukraine said Russian forces had blown up the Kakhovka dam. Russia rejected the claim.             | UA kakhovka-dam-blown-up ASSERTS; RU kakhovka-dam-blown-up DENIES
      Ukraine said Russian forces had blown up the Kakhovka dam, an accusation Moscow rejects.          | UA kakhovka-dam-blown-up ASSERTS; RU kakhovka-dam-blown-up DENIES
      Belarus said Russian forces had blown up the Kakhovka dam. Hours later Belarus said that account was mistaken and withdrew it. | BY kakhovka-dam-blown-up ASSERTS; BY kakhovka-dam-blown-up RETRACTS
      """)
  void shouldReadThePosition(String text, String expected) throws Exception {
    assertEquals(expected, RulesFixture.summary(RulesFixture.ingest(text)));
  }
}
