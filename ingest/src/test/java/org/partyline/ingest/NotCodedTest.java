package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What guideline A4 says is not coded: each passage must give no candidate at all. */
class NotCodedTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // unnamed collectives and non-actors
      "Analysts in Moscow said Ukraine joining NATO would provoke a crisis.",
      "Several moderate Liberals had argued for banning new onshore wind farms.",
      "Legal experts say Ukraine's membership of NATO is a distant prospect.",
      "According to people familiar with the assessment, Russian forces deliberately blew up the Kakhovka dam.",
      // not commenting, actions without a stated position, background
      "Hungary is a member of NATO and of the European Union.",
      "Ukraine joining NATO is unacceptable to many voters.",
      "Russia has not commented on Ukraine's bid to join NATO.",
      "Russia launched strikes on Kyiv on Monday.",
      "Ukraine expelled two Russian diplomats on Monday.",
      "The Kremlin said it was monitoring Ukraine's bid to join NATO.",
      "France said it would discuss Ukraine's bid to join NATO with its allies.",
      "Germany said it had no comment on Ukraine's bid to join NATO.",
      // the truth of a claim left open
      "Ukraine said it was investigating whether Russian forces had blown up the Kakhovka dam.",
      "Russia said it could not confirm that its forces had blown up the Kakhovka dam.",
      "Russia declined to comment on whether its forces had blown up the Kakhovka dam.",
      "Moscow neither confirmed nor denied that Russian forces had blown up the Kakhovka dam.",
      "The Kremlin said it had no information about Russian forces blowing up the Kakhovka dam.",
      "Russia said it was not aware of any plan by its forces to blow up the Kakhovka dam.",
      // predictions
      "Russia said Ukraine's bid to join NATO would fail.",
      "The Greens warned that banning new onshore wind farms would cost thousands of jobs.",
      "Labour said a ban on new onshore wind farms would push up power bills.",
      "Lind said subsidies for wind farm operators will help the power companies.",
      // questions
      "The Greens asked whether the ban on new onshore wind farms was still needed.",
      // reports of what happened, with no stance
      "Russia said Ukraine's request to join NATO had been received by the alliance.",
      "Labour said the ban on new onshore wind farms had been extended by a year.",
      "The Kakhovka dam was destroyed in June 2023.",
      // what another actor did, in a clause of background after the speaker's words
      "The Greens criticised the Liberals on Monday, after Russian forces blew up the Kakhovka dam.",
      // a quotation with no speaker of its own and no quotation of a speaker right before it
      "Emmanuel Macron spoke on Monday. \"We back Ukraine's bid to join NATO.\"",
      // passives with no named actor
      "The dam was said to have been blown up deliberately.",
      // topics and claims outside the codebook
      "Germany said it backed higher tariffs on Chinese electric cars.",
      // only a loose likeness of meaning to an entry, with hardly a word of it
      "Sweden said it supported more wind power in the north.",
  })
  void shouldCodeNothing(String text) throws Exception {
    assertEquals("nothing", RulesFixture.summary(RulesFixture.ingest(text)));
  }
}
